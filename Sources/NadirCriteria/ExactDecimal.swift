internal import NadirModel

/// A threshold number from a criteria file, held exactly as ten-thousandths (30 -> 300000, 0.8 -> 8000).
///
/// Thresholds are read from YAML text, never through `Double`, so "30" means exactly 30.
public struct ExactDecimal: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Digits after the point that the value keeps.
    public static let fractionDigits = 4
    /// Ten-thousandths.
    public var units: Int64
    /// Makes a value from ten-thousandths.
    public init(units: Int64) { self.units = units }
    /// A whole number.
    public init(_ whole: Int) { self.units = Int64(whole) * 10_000 }

    /// Parses plain decimal text exactly ("30", "0.8", "65.7"); `nil` for anything else.
    public init?(parsing text: String) {
        // `Area` keeps exactly four fraction digits and parses without floating point.
        guard let exact = Area(parsing: text.filter { $0 != " " }) else { return nil }
        self.units = exact.units
    }

    /// Decodes from a single value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactDecimal(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a plain decimal number with at most 4 fraction digits")
        }
        self = value
    }

    /// Encodes as a single value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The exact value as text ("30.0", "0.8").
    public var description: String { DecimalText.format(units, fractionDigits: Self.fractionDigits) }

    /// Orders by value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.units < rhs.units }
}
