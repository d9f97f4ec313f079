public import NadirModel

/// One response criterion as data: the contents of one `Criteria/*.yaml` file.
///
/// Every threshold is a `Threshold` with its comparison (`>=` or `>`) and its source table cell. Unknown keys
/// and missing thresholds are load errors (`CriteriaCatalog`). Logic that cannot be a threshold (iRECIST
/// confirmation, PCWG3 bone flare, Lugano PET precedence, Choi density, RANO confirmation) is selected by
/// `logic` and parameterised by the matching optional section.
public struct CriteriaDefinition: Hashable, Sendable, Codable {
    /// The criteria id, e.g. "recist-1.1" (what `Trial.defaultCriteria` and `Patient.criteria` name).
    public var id: CriteriaID
    /// The file's version; recorded in every assessment for reproduction.
    public var version: String
    /// Display name, e.g. "RECIST 1.1".
    public var name: String
    /// The full citation of the primary source.
    public var citation: String
    /// Which rule logic evaluates this criterion.
    public var logic: LogicName
    /// What is summed per timepoint.
    public var measure: MeasureKind
    /// The CDISC terms this criterion reports.
    public var categories: CategoryVocabulary
    /// Baseline measurability and target selection rules.
    public var baseline: BaselineRules
    /// Values substituted for lesions too small to measure (RECIST: 5 mm; absent lesions count 0).
    public var measurement: MeasurementRules
    /// Target-response thresholds.
    public var response: ResponseRules
    /// How new lesions count.
    public var newLesions: NewLesionRules
    /// Default confirmation and SD-duration intervals (policies may override them per protocol).
    public var confirmation: ConfirmationRules
    /// iRECIST parameters (logic `irecist-confirmation`).
    public var irecist: IRECISTParameters?
    /// PCWG3 bone-scan parameters (logic `pcwg3-bone-flare`).
    public var pcwg3: PCWG3Parameters?
    /// Lugano parameters (logic `lugano-pet-precedence`).
    public var lugano: LuganoParameters?
    /// Choi density parameters (logic `choi-density`).
    public var choi: ChoiParameters?
    /// RANO confirmation parameters (logic `rano-confirmation`).
    public var rano: RANOParameters?
    /// The file the definition was loaded from (set by `CriteriaCatalog`; not a YAML key).
    public var file: String?

    enum CodingKeys: String, CodingKey {
        case id, version, name, citation, logic, measure, categories, baseline, measurement, response, newLesions,
             confirmation, irecist, pcwg3, lugano, choi, rano
    }
}

/// The name of a rule logic implemented in code; a file selects one with `logic:`.
public struct LogicName: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The raw name.
    public var rawValue: String
    /// Makes a value from its raw name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The raw name.
    public var description: String { rawValue }
    /// Sum-based target response with RECIST 1.1 Tables 1 and 2 (RECIST, mRECIST, WHO, RANO-BM, PERCIST, ...).
    public static let standard = LogicName(rawValue: "standard")
    /// iRECIST iUPD -> iCPD confirmation state machine (Seymour 2017, Table 2).
    public static let irecistConfirmation = LogicName(rawValue: "irecist-confirmation")
    /// PCWG3 bone-scan 2+2 rule with the flare window (Scher 2016).
    public static let pcwg3BoneFlare = LogicName(rawValue: "pcwg3-bone-flare")
    /// Lugano 2014: PET-CT 5-point scale takes precedence over CT (Cheson 2014, Table 3).
    public static let luganoPETPrecedence = LogicName(rawValue: "lugano-pet-precedence")
    /// Choi: size OR (modified Choi: AND) density (Choi 2007).
    public static let choiDensity = LogicName(rawValue: "choi-density")
    /// RANO 2.0 preliminary -> confirmed states (Wen 2023).
    public static let ranoConfirmation = LogicName(rawValue: "rano-confirmation")
    /// Every logic this version implements.
    public static let implemented: [LogicName] = [
        .standard, .irecistConfirmation, .pcwg3BoneFlare, .luganoPETPrecedence, .choiDensity, .ranoConfirmation,
    ]

    /// Decodes from a single value.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a single value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a criterion sums per timepoint.
public enum MeasureKind: String, Hashable, Sendable, Codable {
    /// Sum of diameters: non-nodal long axis + nodal short axis (RECIST 1.1 §4.2), in mm.
    case sumOfDiameters = "sum-of-diameters"
    /// Sum of products of perpendicular diameters (WHO, RANO, Lugano CT), in mm².
    case sumOfProducts = "sum-of-products"
    /// Sum of volumes (volumetric RECIST, RANO 2.0 volumetric), in mm³.
    case volume
    /// SULpeak of the single hottest lesion (PERCIST 1.0 primary analysis), in g/mL.
    case sulPeak = "sul-peak"

    /// Fraction digits of the fixed-point unit the sum is held in.
    public var fractionDigits: Int {
        switch self {
        case .sumOfDiameters, .volume: 2
        case .sumOfProducts: 4
        case .sulPeak: 3
        }
    }

    /// Unit symbol.
    public var unit: String {
        switch self {
        case .sumOfDiameters: "mm"
        case .sumOfProducts: "mm2"
        case .volume: "mm3"
        case .sulPeak: "g/mL"
        }
    }
}

/// Baseline measurability and target selection (RECIST 1.1 §3.1, §4.2 and analogues).
public struct BaselineRules: Hashable, Sendable, Codable {
    /// Minimum long axis of a measurable non-nodal lesion (RECIST: >= 10 mm).
    public var measurableLongAxis: Threshold?
    /// Minimum perpendicular (short) axis of a measurable non-nodal lesion (bidimensional criteria).
    public var measurableShortAxis: Threshold?
    /// Minimum short axis of a measurable (target) node (RECIST: >= 15 mm).
    public var measurableNodeShortAxis: Threshold?
    /// Minimum long axis of a measurable node (Lugano: > 15 mm).
    public var measurableNodeLongAxis: Threshold?
    /// Node short-axis minimum by organ/site (mRECIST: porta hepatis >= 20 mm).
    public var measurableNodeShortAxisByOrgan: [OrganThreshold]?
    /// Above this slice thickness (mm) the minimum size is `sliceThicknessMultiple` x slice thickness.
    public var sliceThicknessLimit: ExactDecimal?
    /// The slice-thickness multiple (RECIST 1.1 §3.1.1: long axis >= 2 x slice thickness).
    public var sliceThicknessMultiple: Threshold?
    /// Maximum number of targets in total (RECIST: 5); `nil` for no maximum (WHO).
    public var maximumTargets: Int?
    /// Maximum number of targets per organ (RECIST: 2).
    public var maximumTargetsPerOrgan: Int?
    /// Whether all lymph nodes together count as one organ (RECIST Working Group Q&A).
    public var nodesAreOneOrgan: Bool
    /// Where these rules come from.
    public var source: String
}

/// A threshold applying to one organ or site.
public struct OrganThreshold: Hashable, Sendable, Codable {
    /// The organ as recorded on lesions (compared case-insensitively).
    public var organ: String
    /// The threshold for lesions in that organ.
    public var threshold: Threshold
}

/// Values substituted for qualitative measurement states.
public struct MeasurementRules: Hashable, Sendable, Codable {
    /// The value of each axis of a lesion present but too small to measure (RECIST, Lugano: 5 mm).
    public var tooSmallToMeasure: ExactDecimal
    /// The volume of a lesion too small to measure (volumetric criteria), in mm³, if the criterion defines one.
    public var tooSmallToMeasureVolume: ExactDecimal?
    /// The source and table these rules come from.
    public var source: String
}
