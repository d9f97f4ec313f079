/// How a measured change is compared with a threshold: `>=` (the threshold itself qualifies) or `>` (strictly
/// beyond it). Every threshold in `Criteria/` states one, because sources differ (PERCIST PMR ">= 30 %" versus
/// PMD "> 30 %").
public enum Comparison: String, Hashable, Sendable, Codable {
    /// At least the threshold: a change exactly at the threshold qualifies (RECIST 1.1 PR, PD).
    case atLeast = ">="
    /// Strictly beyond the threshold: a change exactly at the threshold does not qualify.
    case greaterThan = ">"

    /// Whether `lhs` meets `rhs` under this comparison.
    func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .atLeast: lhs >= rhs
        case .greaterThan: lhs > rhs
        }
    }
}

/// One threshold of a criterion, with its comparison and the table cell it comes from.
///
/// Percentages are magnitudes (30 means a 30 % decrease for PR, a 30 % increase for PD); the direction is
/// given by the key that holds the threshold.
public struct Threshold: Hashable, Sendable, Codable {
    /// The exact threshold value, in percent or in the unit the key names.
    public var value: ExactDecimal
    /// `>=` or `>`.
    public var comparison: Comparison
    /// The source and table cell, e.g. "Eisenhauer 2009 §4.3.1 (target PR)".
    public var source: String

    /// Makes a threshold.
    public init(value: ExactDecimal, comparison: Comparison, source: String) {
        self.value = value
        self.comparison = comparison
        self.source = source
    }

    /// Human-readable form, e.g. ">= 30.0".
    public var text: String { "\(comparison.rawValue) \(value)" }
}

/// Exact comparisons of changes against thresholds by cross-multiplication (never via `Double`).
///
/// A change `delta` relative to a reference `ref > 0` meets a percentage threshold `p` when
/// `delta * 100 * 10^4  (>= or >)  p.units * ref`; both sides are computed as 128-bit products.
enum ExactArithmetic {
    /// A full-width product, comparable lexicographically.
    struct Wide: Comparable {
        var high: Int64
        var low: UInt64
        static func < (a: Wide, b: Wide) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    static func product(_ a: Int64, _ b: Int64) -> Wide {
        let (high, low) = a.multipliedFullWidth(by: b)
        return Wide(high: high, low: low)
    }

    /// Whether `change / reference` (as a percentage) meets `threshold`; `false` when `reference <= 0`
    /// (a percentage of nothing is undefined; callers handle a zero reference by their own rule).
    static func percentMeets(change: Int64, reference: Int64, threshold: Threshold) -> Bool {
        guard reference > 0 else { return false }
        let lhs = product(change, 1_000_000)            // change * 100 (percent) * 10^4 (ExactDecimal scale)
        let rhs = product(threshold.value.units, reference)
        return threshold.comparison.holds(lhs, rhs)
    }

    /// Whether an absolute change (in units of `10^-fractionDigits`) meets `threshold` (in the same unit).
    static func absoluteMeets(change: Int64, fractionDigits: Int, threshold: Threshold) -> Bool {
        var scale: Int64 = 1
        for _ in 0..<max(0, ExactDecimal.fractionDigits - fractionDigits) { scale *= 10 }
        return threshold.comparison.holds(product(change, scale), product(threshold.value.units, 1))
    }

    /// The change as a percentage of the reference, rounded to 0.1 % for display only.
    static func displayPercent(change: Int64, reference: Int64) -> Double? {
        guard reference != 0 else { return nil }
        let tenths = (Double(change) * 1000 / Double(reference)).rounded(.toNearestOrAwayFromZero)
        return tenths / 10
    }
}
