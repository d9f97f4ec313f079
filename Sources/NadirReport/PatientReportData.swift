public import Foundation
public import NadirModel

/// Everything one patient's report shows: the values the criteria engine and the case database produce,
/// flattened into plain Codable values so the report never depends on either.
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
    /// The response at each follow-up (and baseline) timepoint, as accepted after adjudication.
    public var responses: [TimepointResponse]
    /// The best overall response and its confirmation, if one was derived.
    public var bestOverall: BestOverallResponse?
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

    /// Makes the report input of one patient.
    public init(patient: Patient, trial: Trial, criteria: CriteriaSummary, timepoints: [TimePoint],
                lesions: [LesionRecord], responses: [TimepointResponse], bestOverall: BestOverallResponse? = nil,
                readers: [ReportReader] = [], readerAssessments: [ReaderAssessment] = [],
                adjudications: [Adjudication] = [], treatmentStart: CalendarDate? = nil,
                lastOnStudy: CalendarDate? = nil, isOngoing: Bool = false, gallery: [SnapshotCell] = []) {
        self.patient = patient
        self.trial = trial
        self.criteria = criteria
        self.timepoints = timepoints
        self.lesions = lesions
        self.responses = responses
        self.bestOverall = bestOverall
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
    public var progressionAbsolute: SumValue?

    /// Makes a criteria summary.
    public init(id: CriteriaID, name: String, version: String, citation: String, policies: [String: String] = [:],
                partialResponsePercent: Decimal? = nil, progressionPercent: Decimal? = nil,
                progressionAbsolute: SumValue? = nil) {
        self.id = id
        self.name = name
        self.version = version
        self.citation = citation
        self.policies = policies
        self.partialResponsePercent = partialResponsePercent
        self.progressionPercent = progressionPercent
        self.progressionAbsolute = progressionAbsolute
    }

    /// RECIST 1.1 (Eisenhauer et al. 2009, §4.3.1): PR at -30 % from baseline, PD at +20 % and +5 mm from nadir.
    public static func recist11(version: String = "1", policies: [String: String] = [:]) -> CriteriaSummary {
        CriteriaSummary(id: .recist11, name: "RECIST 1.1", version: version,
                        citation: "Eisenhauer EA et al. Eur J Cancer 2009;45:228-247", policies: policies,
                        partialResponsePercent: -30, progressionPercent: 20,
                        progressionAbsolute: .diameters(Length(millimeters: 5)))
    }
}

/// A sum of target-lesion measurements: diameters (RECIST SLD), products (WHO/RANO SPD) or volumes.
public enum SumValue: Hashable, Sendable, Codable {
    /// Sum of diameters (RECIST 1.1 SLD; CDISC SUMDIAM).
    case diameters(Length)
    /// Sum of products of perpendicular diameters (WHO, RANO, Lugano SPD).
    case products(Area)
    /// Sum of volumes (volumetric criteria).
    case volume(VolumeMeasure)

    /// The value as a `Double`, for drawing only.
    public var doubleValue: Double {
        switch self {
        case .diameters(let v): v.doubleValue
        case .products(let v): v.doubleValue
        case .volume(let v): v.doubleValue
        }
    }

    /// The exact value as a `Decimal`.
    public var decimalValue: Decimal {
        switch self {
        case .diameters(let v): v.decimalValue
        case .products(let v): v.decimalValue
        case .volume(let v): v.decimalValue
        }
    }

    /// The UCUM unit symbol ("mm", "mm2", "mm3").
    public var unitSymbol: String {
        switch self {
        case .diameters: Length.unitSymbol
        case .products: Area.unitSymbol
        case .volume: VolumeMeasure.unitSymbol
        }
    }

    /// The exact value as text without the unit ("52.0").
    public var formatted: String {
        switch self {
        case .diameters(let v): v.formatted
        case .products(let v): v.formatted
        case .volume(let v): v.formatted
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, value }

    /// Encodes as `{"kind": "diameters" | "products" | "volume", "value": <exact decimal>}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .diameters(let v): try c.encode("diameters", forKey: .kind); try c.encode(v, forKey: .value)
        case .products(let v): try c.encode("products", forKey: .kind); try c.encode(v, forKey: .value)
        case .volume(let v): try c.encode("volume", forKey: .kind); try c.encode(v, forKey: .value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "diameters": self = .diameters(try c.decode(Length.self, forKey: .value))
        case "products": self = .products(try c.decode(Area.self, forKey: .value))
        case "volume": self = .volume(try c.decode(VolumeMeasure.self, forKey: .value))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription:
                "unknown sum kind '\(other)'; expected diameters, products or volume")
        }
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

/// One line of the rule trace: which rule decided a category and why.
public struct TraceLine: Hashable, Sendable, Codable {
    /// What the line explains: "target", "non-target", "new", "overall", "best", "confirmation".
    public var aspect: String
    /// The rule and its inputs, e.g. "PR: -30.0 % <= -30 % from baseline 52.0 mm (RECIST 1.1 §4.3.1)".
    public var text: String

    /// Makes a trace line.
    public init(aspect: String, text: String) {
        self.aspect = aspect
        self.text = text
    }
}

/// The response at one timepoint, with the sums it was computed from (RECIST 1.1 Table 1).
public struct TimepointResponse: Hashable, Sendable, Codable {
    /// The visit, matching `TimePoint.visit`.
    public var visit: String
    /// The reader whose measurements these are (the accepted one after adjudication); nil when single-read.
    public var reader: String?
    /// The sum of target measurements at this visit; nil when not computable.
    public var sum: SumValue?
    /// The baseline sum (reference for PR).
    public var baselineSum: SumValue?
    /// The smallest sum before this visit, baseline included (reference for PD).
    public var nadirSum: SumValue?
    /// Change from baseline in percent, exact (display rounds).
    public var changeFromBaselinePercent: Decimal?
    /// Change from nadir in percent, exact (display rounds).
    public var changeFromNadirPercent: Decimal?
    /// Target response (CR, PR, SD, PD, NE); nil at baseline or without targets.
    public var target: ResponseCategory?
    /// Non-target response (CR, NON-CR/NON-PD, PD, NE); nil without non-targets.
    public var nonTarget: ResponseCategory?
    /// Whether unequivocal new lesions were seen (CDISC NEWLIND Y/N); nil when not assessed.
    public var newLesions: Bool?
    /// Overall response; nil at baseline.
    public var overall: ResponseCategory?
    /// The rule trace behind every category above.
    public var trace: [TraceLine]

    /// Makes a timepoint response.
    public init(visit: String, reader: String? = nil, sum: SumValue? = nil, baselineSum: SumValue? = nil,
                nadirSum: SumValue? = nil, changeFromBaselinePercent: Decimal? = nil,
                changeFromNadirPercent: Decimal? = nil, target: ResponseCategory? = nil,
                nonTarget: ResponseCategory? = nil, newLesions: Bool? = nil, overall: ResponseCategory? = nil,
                trace: [TraceLine] = []) {
        self.visit = visit
        self.reader = reader
        self.sum = sum
        self.baselineSum = baselineSum
        self.nadirSum = nadirSum
        self.changeFromBaselinePercent = changeFromBaselinePercent
        self.changeFromNadirPercent = changeFromNadirPercent
        self.target = target
        self.nonTarget = nonTarget
        self.newLesions = newLesions
        self.overall = overall
        self.trace = trace
    }
}

/// The best overall response and its confirmation (RECIST 1.1 §4.4, Table 3).
public struct BestOverallResponse: Hashable, Sendable, Codable {
    /// The best overall response.
    public var category: ResponseCategory
    /// Whether it was confirmed; nil when the protocol does not require confirmation.
    public var confirmed: Bool?
    /// The visit at which the response criteria were first met.
    public var firstVisit: String?
    /// The visit that confirmed it (>= 28 days later under RECIST 1.1).
    public var confirmationVisit: String?
    /// The rule trace behind the category and the confirmation.
    public var trace: [TraceLine]

    /// Makes a best overall response.
    public init(category: ResponseCategory, confirmed: Bool? = nil, firstVisit: String? = nil,
                confirmationVisit: String? = nil, trace: [TraceLine] = []) {
        self.category = category
        self.confirmed = confirmed
        self.firstVisit = firstVisit
        self.confirmationVisit = confirmationVisit
        self.trace = trace
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
