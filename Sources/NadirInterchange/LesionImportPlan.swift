public import NadirModel

/// A whole CSV file checked across rows and turned into model values, ready to be applied in one transaction.
public struct LesionImportPlan: Sendable {
    /// A value with the spreadsheet row it came from, for error messages.
    public struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
        public var row: Int
        public var value: Value
    }

    public var fileName: String
    /// Trials named by the file, with the criteria to give them if they are new.
    public var trials: [Sourced<Trial>]
    public var patients: [Sourced<Patient>]
    /// Per patient, sorted by date: the earliest is the baseline of a new patient.
    public var timepoints: [Sourced<TimePoint>]
    /// Sorted so parents come before the fragments and merged lesions that name them.
    public var lesions: [Sourced<Lesion>]
    public var measurements: [Sourced<Measurement>]
    public var statuses: [Sourced<LesionStatus>]
    /// Whole-scan readings per visit and reader (Deauville score, new bone-scan lesions).
    public var readings: [Sourced<VisitReading>] = []
}

/// What applying an import changed.
public struct ImportSummary: Sendable, Hashable, Codable {
    public var file: String
    public var rows: Int
    public var trialsAdded = 0
    public var patientsAdded = 0
    public var timepointsAdded = 0
    public var lesionsAdded = 0
    public var measurementsAdded = 0
    public var statusesAdded = 0
    public var readingsAdded = 0
    /// Rows whose value was already stored, identical (re-imports are idempotent).
    public var unchanged = 0
}
