public import NadirModel

/// Everything one reader recorded for one patient: the input of `ResponseEvaluator.assess(_:)`.
///
/// All measurements and statuses must come from the same reader; the caller (database, CLI) selects them.
public struct PatientHistory: Hashable, Sendable, Codable {
    /// The patient (criteria resolution uses its cancer type and override).
    public var patient: Patient
    /// The timepoints; exactly one has `isBaseline` set.
    public var timepoints: [TimePoint]
    /// The patient's lesions: targets, non-targets, new lesions, split fragments and merged lesions.
    public var lesions: [Lesion]
    /// One reader's measurements of target and new lesions.
    public var measurements: [Measurement]
    /// Qualitative statuses of non-target and new lesions.
    public var statuses: [LesionStatus]
    /// The treatment start, the reference for the SD minimum duration; `nil` uses the baseline date.
    public var treatmentStart: CalendarDate?
    /// PET readings (Lugano 5-point scale, PERCIST liver reference), by visit.
    public var pet: [PETReading]
    /// Bone-scan readings (PCWG3), by visit.
    public var boneScans: [BoneScanReading]
    /// End of radiotherapy (RANO: PD within 12 weeks is preliminary until confirmed).
    public var radiotherapyEnd: CalendarDate?

    /// Makes a history.
    public init(patient: Patient, timepoints: [TimePoint], lesions: [Lesion], measurements: [Measurement],
                statuses: [LesionStatus] = [], treatmentStart: CalendarDate? = nil, pet: [PETReading] = [],
                boneScans: [BoneScanReading] = [], radiotherapyEnd: CalendarDate? = nil) {
        self.patient = patient
        self.timepoints = timepoints
        self.lesions = lesions
        self.measurements = measurements
        self.statuses = statuses
        self.treatmentStart = treatmentStart
        self.pet = pet
        self.boneScans = boneScans
        self.radiotherapyEnd = radiotherapyEnd
    }
}

/// The Deauville five-point score of a PET scan (Barrington 2014; Lugano 2014 Table 3).
public enum DeauvilleScore: String, Hashable, Sendable, Codable, CaseIterable {
    /// No uptake above background.
    case one = "1"
    /// Uptake <= mediastinum.
    case two = "2"
    /// Uptake > mediastinum but <= liver.
    case three = "3"
    /// Uptake moderately > liver.
    case four = "4"
    /// Uptake markedly > liver and/or new lesions.
    case five = "5"
    /// New areas of uptake unlikely to be lymphoma.
    case x = "X"

    /// The numeric score, `nil` for X.
    public var value: Int? { Int(rawValue) }
}

/// How FDG uptake of residual disease changed from baseline (Lugano 2014 Table 3, PMR/NMR/PMD rows).
public enum UptakeChange: String, Hashable, Sendable, Codable {
    case reduced
    case unchanged
    case increased
}

/// One PET reading at one visit.
public struct PETReading: Hashable, Sendable, Codable {
    /// The visit label, as in `TimePoint.visit`.
    public var visit: String
    /// The highest Deauville score of any site.
    public var deauville: DeauvilleScore?
    /// Uptake change from baseline of residual disease.
    public var uptakeChange: UptakeChange?
    /// New FDG-avid foci consistent with lymphoma / cancer.
    public var newAvidFoci: Bool
    /// Mean liver SUL (PERCIST reference for complete metabolic response).
    public var liverMeanSUL: StandardizedUptake?

    /// Makes a PET reading.
    public init(visit: String, deauville: DeauvilleScore? = nil, uptakeChange: UptakeChange? = nil,
                newAvidFoci: Bool = false, liverMeanSUL: StandardizedUptake? = nil) {
        self.visit = visit
        self.deauville = deauville
        self.uptakeChange = uptakeChange
        self.newAvidFoci = newAvidFoci
        self.liverMeanSUL = liverMeanSUL
    }
}

/// One bone scan at one visit (PCWG3): how many new bone lesions it shows compared with the baseline scan.
public struct BoneScanReading: Hashable, Sendable, Codable {
    /// The visit label, as in `TimePoint.visit`.
    public var visit: String
    /// New lesions versus the baseline scan; `nil` when the scan was not evaluable.
    public var newLesionsSinceBaseline: Int?
    /// Whether the baseline bone scan showed any disease (else NED while no new lesions appear).
    public var baselineHadDisease: Bool

    /// Makes a bone-scan reading.
    public init(visit: String, newLesionsSinceBaseline: Int?, baselineHadDisease: Bool = true) {
        self.visit = visit
        self.newLesionsSinceBaseline = newLesionsSinceBaseline
        self.baselineHadDisease = baselineHadDisease
    }
}
