/// Everything recorded about one patient: the case as the database holds it, as values.
public struct PatientCase: Hashable, Sendable, Codable {
    public var trial: Trial
    public var patient: Patient
    /// Sorted by date, the baseline first.
    public var timepoints: [TimePoint]
    /// Sorted by tracking identifier.
    public var lesions: [Lesion]
    public var measurements: [Measurement]
    public var statuses: [LesionStatus]
    public var assessments: [ReaderAssessment]
    /// Whole-scan readings per visit and reader (Deauville score, new bone-scan lesions).
    public var visitReadings: [VisitReading]

    public init(trial: Trial, patient: Patient, timepoints: [TimePoint], lesions: [Lesion],
                measurements: [Measurement], statuses: [LesionStatus], assessments: [ReaderAssessment] = [],
                visitReadings: [VisitReading] = []) {
        self.trial = trial
        self.patient = patient
        self.timepoints = timepoints
        self.lesions = lesions
        self.measurements = measurements
        self.statuses = statuses
        self.assessments = assessments
        self.visitReadings = visitReadings
    }

    /// The baseline timepoint, if recorded.
    public var baseline: TimePoint? { timepoints.first(where: \.isBaseline) }

    /// The readers who recorded measurements or statuses, sorted.
    public var readers: [String] {
        Set(measurements.map(\.reader) + statuses.map(\.reader) + visitReadings.map(\.reader)).sorted()
    }
}
