public import Foundation
public import NadirCriteria
public import NadirModel

/// Everything one patient's report shows: the case database's values and the criteria engine's own result per
/// reader (`PatientAssessment`, read as the engine wrote it: no second result type, no translation).
public struct PatientReportData: Hashable, Sendable, Codable {
    /// The patient (subject ID, trial, site, arm).
    public var patient: Patient
    /// The trial the patient is on.
    public var trial: Trial
    /// The criteria the responses were computed with.
    public var criteria: CriteriaSummary
    /// Every imaging timepoint, baseline included (the report sorts them by date).
    public var timepoints: [TimePoint]
    /// Every tracked lesion with its measurements and statuses (all readers).
    public var lesions: [LesionRecord]
    /// Each reader's read: the rule engine's assessment of that reader's own measurements.
    public var reads: [ReaderRead]
    /// The readers who measured or assessed this patient, with their CDISC evaluator fields.
    public var readers: [ReportReader]
    /// Each reader's own response per visit; `isAccepted` marks the adjudicated record (CDISC RSACPTFL).
    public var readerAssessments: [ReaderAssessment]
    /// Adjudication decisions, one per visit where readers disagreed.
    public var adjudications: [Adjudication]
    /// Start of treatment (day 1), the origin of the swimmer and spider charts; baseline date when nil.
    public var treatmentStart: CalendarDate?
    /// The last day the patient was known to be on study (end of the swimmer bar); last scan when nil.
    public var lastOnStudy: CalendarDate?
    /// Whether the patient is still on study (the swimmer bar ends in an arrow).
    public var isOngoing: Bool
    /// Key images per lesion and timepoint, rendered by `SnapshotRenderer`; empty for reports without galleries.
    public var gallery: [SnapshotCell]
    /// The sign-off state of the read shown ("signed by R1 2026-12-05"), nil when no sign-off is recorded.
    public var signOff: String?

    /// Makes the report input of one patient.
    public init(patient: Patient, trial: Trial, criteria: CriteriaSummary, timepoints: [TimePoint],
                lesions: [LesionRecord], reads: [ReaderRead],
                readers: [ReportReader] = [], readerAssessments: [ReaderAssessment] = [],
                adjudications: [Adjudication] = [], treatmentStart: CalendarDate? = nil,
                lastOnStudy: CalendarDate? = nil, isOngoing: Bool = false, gallery: [SnapshotCell] = []) {
        self.patient = patient
        self.trial = trial
        self.criteria = criteria
        self.timepoints = timepoints
        self.lesions = lesions
        self.reads = reads
        self.readers = readers
        self.readerAssessments = readerAssessments
        self.adjudications = adjudications
        self.treatmentStart = treatmentStart
        self.lastOnStudy = lastOnStudy
        self.isOngoing = isOngoing
        self.gallery = gallery
    }
}

/// The criteria a report was computed with, as the criteria file states them (id, version, citation, policies).
public struct CriteriaSummary: Hashable, Sendable, Codable {
    /// The criteria file's id, e.g. "recist-1.1".
    public var id: CriteriaID
    /// The display name and CDISC RSCAT, e.g. "RECIST 1.1".
    public var name: String
    /// The criteria file's version.
    public var version: String
    /// The publication the rules come from.
    public var citation: String
    /// The named policies in force (e.g. "continuedPR": "eortc"), shown in the report for reproduction.
    public var policies: [String: String]
    /// PR threshold as change from baseline in percent (RECIST 1.1: -30, met when change <= -30).
    public var partialResponsePercent: Decimal?
    /// PD threshold as change from nadir in percent (RECIST 1.1: +20, met when change >= 20).
    public var progressionPercent: Decimal?
    /// PD also needs at least this absolute increase over the nadir (RECIST 1.1: 5 mm).
    public var progressionAbsolute: MeasureValue?
    /// The CDISC terms the criterion reports its outcomes as (which term is a response, which progression).
    public var categories: CategoryVocabulary

    /// Makes a criteria summary.
    public init(id: CriteriaID, name: String, version: String, citation: String, policies: [String: String] = [:],
                partialResponsePercent: Decimal? = nil, progressionPercent: Decimal? = nil,
                progressionAbsolute: MeasureValue? = nil, categories: CategoryVocabulary = .recist) {
        self.id = id
        self.name = name
        self.version = version
        self.citation = citation
        self.policies = policies
        self.partialResponsePercent = partialResponsePercent
        self.progressionPercent = progressionPercent
        self.progressionAbsolute = progressionAbsolute
        self.categories = categories
    }

    /// The summary of a criteria file: its PR threshold (change from baseline, met when <=), its PD threshold
    /// (change from the reference, met when >=) and the absolute PD increase when PD is judged from the nadir.
    public init(_ definition: CriteriaDefinition, policies: [String: String]) {
        let progression = definition.response.progression
        let kind = definition.measure
        // Thresholds are held in ten-thousandths of the unit; a sum in 10^-fractionDigits of it.
        let absolute = progression.absoluteIncrease.map { threshold -> MeasureValue in
            var units = threshold.value.units
            for _ in 0..<(4 - kind.fractionDigits) { units /= 10 }
            return MeasureValue(kind: kind, units: units)
        }
        self.init(id: definition.id, name: definition.name, version: definition.version,
                  citation: definition.citation, policies: policies,
                  partialResponsePercent: -Decimal(definition.response.partial.decreaseFromBaselinePercent.value.units) / 10_000,
                  progressionPercent: Decimal(progression.increasePercent.value.units) / 10_000,
                  progressionAbsolute: progression.reference == .nadir ? absolute : nil,
                  categories: definition.categories)
    }

    /// RECIST 1.1 (Eisenhauer et al. 2009, §4.3.1): PR at -30 % from baseline, PD at +20 % and +5 mm from nadir.
    public static func recist11(version: String = "1", policies: [String: String] = [:]) -> CriteriaSummary {
        CriteriaSummary(id: .recist11, name: "RECIST 1.1", version: version,
                        citation: "Eisenhauer EA et al. Eur J Cancer 2009;45:228-247", policies: policies,
                        partialResponsePercent: -30, progressionPercent: 20,
                        progressionAbsolute: MeasureValue(kind: .sumOfDiameters, units: 500))
    }
}

/// A reader and the CDISC evaluator fields that name them (SDTMIG --EVAL, --EVALID).
public struct ReportReader: Hashable, Sendable, Codable {
    /// The reader as `Measurement.reader` and `ReaderAssessment.reader` name them ("RADIOLOGIST 1").
    public var id: String
    /// CDISC --EVAL: "INVESTIGATOR", "INDEPENDENT ASSESSOR".
    public var evaluator: String
    /// CDISC --EVALID: "RADIOLOGIST 1"; nil for the investigator.
    public var evaluatorID: String?

    /// Makes a reader.
    public init(id: String, evaluator: String, evaluatorID: String? = nil) {
        self.id = id
        self.evaluator = evaluator
        self.evaluatorID = evaluatorID
    }

    /// The evaluator fields for a reader not listed: "INVESTIGATOR" stays itself, anyone else is an
    /// independent assessor identified by the reader's name (the pharmaversesdtm convention).
    public static func inferred(from id: String) -> ReportReader {
        id.uppercased() == "INVESTIGATOR"
            ? ReportReader(id: id, evaluator: "INVESTIGATOR")
            : ReportReader(id: id, evaluator: "INDEPENDENT ASSESSOR", evaluatorID: id)
    }
}

/// One lesion with everything recorded about it, across timepoints and readers.
public struct LesionRecord: Hashable, Sendable, Codable {
    /// The lesion's identity, role, organ and split/merge relation.
    public var lesion: Lesion
    /// Diameters and volumes, one per visit and reader.
    public var measurements: [NadirModel.Measurement]
    /// Qualitative states (non-target and new lesions), one per visit and reader.
    public var statuses: [LesionStatus]

    /// Makes a lesion record.
    public init(lesion: Lesion, measurements: [NadirModel.Measurement] = [], statuses: [LesionStatus] = []) {
        self.lesion = lesion
        self.measurements = measurements
        self.statuses = statuses
    }
}

/// An adjudication decision: which reader's assessment of a visit was accepted, by whom and why.
public struct Adjudication: Hashable, Sendable, Codable {
    /// The visit adjudicated.
    public var visit: String
    /// The reader whose record is accepted (CDISC --ACPTFL = "Y").
    public var acceptedReader: String
    /// Who adjudicated ("ADJUDICATOR"), if recorded.
    public var adjudicator: String?
    /// Why, if recorded.
    public var reason: String?

    /// Makes an adjudication.
    public init(visit: String, acceptedReader: String, adjudicator: String? = nil, reason: String? = nil) {
        self.visit = visit
        self.acceptedReader = acceptedReader
        self.adjudicator = adjudicator
        self.reason = reason
    }
}
