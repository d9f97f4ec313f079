public import Foundation
public import NadirCriteria
public import NadirModel

/// One reader's read of a patient: the rule engine's `PatientAssessment` of that reader's own measurements and
/// statuses, exactly as `ResponseEvaluator.assess(_:)` returned it (the sums, changes, categories and traces the
/// report prints are the engine's, never re-derived).
public struct ReaderRead: Hashable, Sendable, Codable {
    /// The reader as `Measurement.reader` names them ("RADIOLOGIST 1").
    public var reader: String
    /// The engine's result for this reader.
    public var assessment: PatientAssessment

    /// Makes a read.
    public init(reader: String, assessment: PatientAssessment) {
        self.reader = reader
        self.assessment = assessment
    }

    /// The engine's result at a visit (follow-ups only: the engine assesses no baseline).
    public func timepoint(_ visit: String) -> TimePointAssessment? {
        assessment.timepoints.first { $0.visit == visit }
    }

    /// The baseline sum the engine compared with (the same on every follow-up).
    public var baselineSum: MeasureValue? {
        assessment.timepoints.lazy.compactMap(\.baselineSum).first
    }
}

extension MeasureValue {
    /// The value as a `Double`, for drawing only.
    public var doubleValue: Double { NSDecimalNumber(decimal: decimalValue).doubleValue }

    /// The UCUM unit symbol ("mm", "mm2", "mm3", "g/mL").
    public var unitSymbol: String { kind.unit }

    /// The exact value as text without the unit, as the model's quantities print it ("52.0", "15.36").
    public var formatted: String {
        switch kind {
        case .sumOfDiameters: Length(units: units).formatted
        case .sumOfProducts: Area(units: units).formatted
        case .volume: VolumeMeasure(units: units).formatted
        case .sulPeak: ReportFormat.plain(decimalValue)
        }
    }
}

extension Change {
    /// The exact change in percent of the reference (the engine's `percent` is rounded for display); nil when
    /// the reference is 0.
    public var exactPercent: Decimal? {
        guard reference.units != 0 else { return nil }
        return Decimal(absolute.units) * 100 / Decimal(reference.units)
    }
}
