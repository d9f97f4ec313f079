public import Foundation

/// A physical quantity held as an integer count of a fixed decimal fraction of its unit.
///
/// Response criteria compare sums against thresholds that real data meets *exactly*
/// (RECIST 1.1: 14.0 mm -> 9.8 mm is exactly -30 %), which binary floating point gets wrong.
/// Every clinical quantity in Nadir is therefore fixed-point: sums and differences are exact,
/// and only display rounds.
public protocol FixedPointQuantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// How many decimal digits after the point the integer count carries (2: hundredths).
    static var fractionDigits: Int { get }
    /// The UCUM-style unit symbol, for display and export.
    static var unitSymbol: String { get }
    /// The integer count of `10^-fractionDigits` units.
    var units: Int64 { get }
    /// Makes a quantity from its integer count of `10^-fractionDigits` units.
    init(units: Int64)
}

extension FixedPointQuantity {
    /// The scale between the integer count and one whole unit.
    public static var scale: Int64 {
        var s: Int64 = 1
        for _ in 0..<fractionDigits { s *= 10 }
        return s
    }

    /// The zero quantity.
    public static var zero: Self { Self(units: 0) }

    /// Parses a plain decimal number ("12", "9.8", "-0.25") exactly.
    ///
    /// Returns `nil` for anything else, including more fraction digits than the type keeps:
    /// a value is never silently rounded on input.
    public init?(parsing text: String) {
        guard let units = FixedPointParser.parse(text, fractionDigits: Self.fractionDigits) else { return nil }
        self.init(units: units)
    }

    /// Rounds a measured floating-point value (e.g. from a mask) to the nearest representable quantity.
    ///
    /// Returns `nil` for non-finite values or values out of range.
    public init?(rounding value: Double) {
        let scaled = (value * Double(Self.scale)).rounded(.toNearestOrEven)
        guard scaled.isFinite, abs(scaled) < 9.0e18 else { return nil }
        self.init(units: Int64(scaled))
    }

    /// The value as a `Decimal`, exact.
    public var decimalValue: Decimal {
        Decimal(units) / Decimal(Self.scale)
    }

    /// The value as a `Double`, for drawing and for measurement code only (never for rules).
    public var doubleValue: Double {
        Double(units) / Double(Self.scale)
    }

    /// The exact value as text, without trailing zeros beyond one fraction digit ("9.8", "12.0", "0.25").
    public var formatted: String {
        FixedPointParser.format(units, fractionDigits: Self.fractionDigits)
    }

    public var description: String { "\(formatted) \(Self.unitSymbol)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.units < rhs.units }

    public static func + (lhs: Self, rhs: Self) -> Self { Self(units: lhs.units + rhs.units) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(units: lhs.units - rhs.units) }
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    public static prefix func - (value: Self) -> Self { Self(units: -value.units) }

    /// Encodes as a JSON number with the exact decimal value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalValue)
    }

    /// Decodes from a JSON number, rejecting values with more fraction digits than the type keeps.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let decimal = try container.decode(Decimal.self)
        var scaled = decimal * Decimal(Self.scale)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, let units = Int64(exactly: NSDecimalNumber(decimal: rounded).int64Value),
              Decimal(units) == rounded
        else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(decimal) is not a multiple of 10^-\(Self.fractionDigits) \(Self.unitSymbol)")
        }
        self.init(units: units)
    }
}

/// Exact decimal text <-> fixed-point conversion shared by every quantity.
enum FixedPointParser {
    static func parse(_ text: String, fractionDigits: Int) -> Int64? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionCount = 0
        var seenPoint = false
        var seenDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            seenDigit = true
            let digit = Int64(byte - UInt8(ascii: "0"))
            if seenPoint {
                fractionCount += 1
                if fractionCount > fractionDigits {
                    // Trailing zeros beyond the kept precision are harmless ("9.800").
                    guard digit == 0 else { return nil }
                    continue
                }
                fraction = fraction * 10 + digit
            } else {
                let (product, overflow1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(digit)
                guard !overflow1, !overflow2, sum < 1_000_000_000_000 else { return nil }
                whole = sum
            }
        }
        guard seenDigit else { return nil }
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        var fractionScaled = fraction
        for _ in min(fractionCount, fractionDigits)..<fractionDigits { fractionScaled *= 10 }
        let value = whole * scale + fractionScaled
        return negative ? -value : value
    }

    static func format(_ units: Int64, fractionDigits: Int) -> String {
        guard fractionDigits > 0 else { return String(units) }
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
}
