public import Foundation
public import NadirModel

/// The result of assessing one patient's history under one criterion and one policy set.
public struct PatientAssessment: Hashable, Sendable, Codable {
    /// The patient.
    public var subjectID: SubjectID
    /// The criteria id, version and file used (reproducibility).
    public var criteria: CriteriaID
    /// The criteria file's `version`.
    public var criteriaVersion: String
    /// The criteria file name.
    public var criteriaFile: String?
    /// The policies used.
    public var policies: ResponsePolicies
    /// Baseline conformance warnings (never silently fixed).
    public var baselineConformance: [ConformanceFinding]
    /// One entry per follow-up timepoint, in date order.
    public var timepoints: [TimePointAssessment]
    /// Best overall response, unconfirmed and confirmed (RECIST 1.1 §4.4).
    public var bestOverallResponse: BestOverallResponse
}

/// A sum (or product sum, volume, SULpeak) with its kind, exact.
public struct MeasureValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What the value measures.
    public var kind: MeasureKind
    /// Integer count of `10^-kind.fractionDigits` of the unit.
    public var units: Int64

    /// Makes a value from its fixed-point units.
    public init(kind: MeasureKind, units: Int64) {
        self.kind = kind
        self.units = units
    }

    /// The exact value.
    public var decimalValue: Decimal {
        var scale = Decimal(1)
        for _ in 0..<kind.fractionDigits { scale *= 10 }
        return Decimal(units) / scale
    }

    /// Text, e.g. "9.8 mm".
    public var description: String {
        DecimalText.format(units, fractionDigits: kind.fractionDigits) + " " + kind.unit
    }

    enum CodingKeys: String, CodingKey { case kind, value, unit }

    /// Encodes as a single value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(decimalValue, forKey: .value)
        try container.encode(kind.unit, forKey: .unit)
    }

    /// Decodes from a single value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(MeasureKind.self, forKey: .kind)
        let value = try container.decode(Decimal.self, forKey: .value)
        var scale = Decimal(1)
        for _ in 0..<kind.fractionDigits { scale *= 10 }
        units = NSDecimalNumber(decimal: value * scale).int64Value
    }
}

/// A change between two sums: exact absolute difference, and the percentage rounded for display only.
public struct Change: Hashable, Sendable, Codable {
    /// Current minus reference, exact.
    public var absolute: MeasureValue
    /// The reference sum.
    public var reference: MeasureValue
    /// 100 x absolute / reference rounded to 0.1 (display only; rules compare exactly). `nil` when the
    /// reference is 0.
    public var percent: Double?

    init(current: Int64, reference: Int64, kind: MeasureKind) {
        absolute = MeasureValue(kind: kind, units: current - reference)
        self.reference = MeasureValue(kind: kind, units: reference)
        percent = ExactArithmetic.displayPercent(change: current - reference, reference: reference)
    }
}

/// One rule applied: which rule, where it is written, the numbers compared, and the result.
public struct RuleTrace: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The rule, e.g. "target.partial" or "overall.table1".
    public var rule: String
    /// Where it is written: criteria file and key, and the source table row.
    public var source: String
    /// The numbers compared, e.g. "-4.2 mm / 14.0 mm = -30.0 % ; decrease >= 30.0 %".
    public var compared: String
    /// The result, e.g. "PR" or "met".
    public var result: String

    /// Makes a trace entry.
    public init(rule: String, source: String, compared: String, result: String) {
        self.rule = rule
        self.source = source
        self.compared = compared
        self.result = result
    }

    /// A one-line description naming what and where.
    public var description: String { "\(rule): \(compared) -> \(result) [\(source)]" }
}

/// The assessment of one follow-up timepoint.
public struct TimePointAssessment: Hashable, Sendable, Codable {
    /// The visit label, as in `TimePoint.visit`.
    public var visit: String
    /// The scan date.
    public var date: CalendarDate
    /// The sum of the targets (or the SULpeak), `nil` when no target could be measured.
    public var sum: MeasureValue?
    /// The baseline sum.
    public var baselineSum: MeasureValue?
    /// The smallest complete sum before this timepoint (baseline included).
    public var nadirSum: MeasureValue?
    /// Change of the sum from baseline (PR reference).
    public var changeFromBaseline: Change?
    /// Change of the sum from the nadir (PD reference).
    public var changeFromNadir: Change?
    /// Target response; `nil` without targets.
    public var target: ResponseCategory?
    /// Non-target response; `nil` without non-targets.
    public var nonTarget: ResponseCategory?
    /// Whether an unequivocal new lesion is present.
    public var newLesions: Bool
    /// Overall timepoint response.
    public var overall: ResponseCategory
    /// The rules applied, in order.
    public var trace: [RuleTrace]
}

/// A baseline conformance finding: a warning, never a silent fix.
public struct ConformanceFinding: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Kinds of finding.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable {
        /// The raw name.
        public var rawValue: String
        /// Makes a value from its raw name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A target is below the measurable size.
        public static let notMeasurable = Code(rawValue: "notMeasurable")
        /// A target has no baseline measurement.
        public static let missingBaselineMeasurement = Code(rawValue: "missingBaselineMeasurement")
        /// More targets than allowed in total.
        public static let tooManyTargets = Code(rawValue: "tooManyTargets")
        /// More targets than allowed in one organ.
        public static let tooManyTargetsInOrgan = Code(rawValue: "tooManyTargetsInOrgan")
        /// No baseline timepoint, or more than one.
        public static let baseline = Code(rawValue: "baseline")
    }

    /// What went wrong (or what was found).
    public var code: Code
    /// The lesion concerned, if one.
    public var lesion: LesionID?
    /// What is wrong and what to do.
    public var message: String
    /// The rule and numbers that raised it.
    public var trace: RuleTrace

    /// A one-line description naming what and where.
    public var description: String { "\(code.rawValue)\(lesion.map { " \($0)" } ?? ""): \(message)" }
}

/// Best overall response, unconfirmed and confirmed.
public struct BestOverallResponse: Hashable, Sendable, Codable {
    /// Best response without confirmation (admiralonco `derive_param_bor`); "MISSING" without assessments.
    public var unconfirmed: ResponseCategory
    /// The visit that gave it.
    public var unconfirmedVisit: String?
    /// Best response requiring confirmation of CR/PR (RECIST 1.1 Table 3; admiralonco
    /// `derive_param_confirmed_bor`).
    public var confirmed: ResponseCategory
    /// The visit of the confirmed response and the visit confirming it.
    public var confirmedVisits: [String]
    /// Whether a CR or PR was confirmed (admiralonco `derive_param_confirmed_resp`).
    public var isConfirmedResponse: Bool
    /// How the BOR was derived.
    public var trace: [RuleTrace]
}
