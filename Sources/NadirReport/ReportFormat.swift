public import Foundation
public import NadirModel

/// Display formatting. Values stay exact everywhere else; only these functions round.
public enum ReportFormat {
    /// A percentage rounded half away from zero to `digits` places, signed: "-30.0 %", "+20.0 %", "0.0 %".
    public static func percent(_ value: Decimal, digits: Int = 1) -> String {
        var text = fixed(value, digits: digits)
        let isZero = !text.contains { ("1"..."9").contains($0) }
        if isZero {
            text = text.replacingAll("-", with: "")
        } else if !text.hasPrefix("-") {
            text = "+" + text
        }
        return text + " %"
    }

    /// A decimal rounded half away from zero to exactly `digits` places ("9.80", "-29.9").
    public static func fixed(_ value: Decimal, digits: Int) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, digits, .plain)
        var scale = Decimal(1)
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = NSDecimalNumber(decimal: rounded * scale).int64Value
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<max(0, digits) { divisor *= 10 }
        let whole = magnitude / divisor
        var text = "\(negative ? "-" : "")\(whole)"
        if digits > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }

    /// The shortest exact decimal text, as SDTM numeric results carry it ("16", "15.36", "20.9").
    public static func plain(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }

    /// A length for tables: exact, one fraction digit at least ("21.0", "15.36").
    public static func length(_ value: Length?) -> String { value.map(\.formatted) ?? "" }

    /// A yes/no/unknown flag as CDISC writes it ("Y", "N", "").
    public static func flag(_ value: Bool?) -> String {
        switch value {
        case .some(true): "Y"
        case .some(false): "N"
        case .none: ""
        }
    }

    /// The word for a measurement state in tables.
    public static func state(_ state: MeasurementState) -> String {
        switch state {
        case .measured: "measured"
        case .tooSmallToMeasure: "too small"
        case .absent: "absent"
        case .notEvaluable: "NE"
        }
    }

    /// A short per-cell summary of a measurement: "LA 21.0 · SA 15.4 · V 1234.5".
    public static func measurementSummary(_ m: NadirModel.Measurement) -> String {
        switch m.state {
        case .tooSmallToMeasure: return "too small (5 mm)"
        case .absent: return "absent (0 mm)"
        case .notEvaluable: return "not evaluable"
        case .measured:
            var parts: [String] = []
            if let la = m.longAxis { parts.append("LA \(la.formatted)") }
            if let sa = m.shortAxis { parts.append("SA \(sa.formatted)") }
            if let v = m.volume { parts.append("V \(v.formatted)") }
            return parts.isEmpty ? "measured" : parts.joined(separator: " · ")
        }
    }
}

extension Decimal {
    /// The value as a Double, for drawing only.
    var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
