/// A response category in CDISC controlled terminology (RS `RSORRES`/`RSSTRESC`): "CR", "PR", "SD", "PD",
/// "NE", "NON-CR/NON-PD", and the criteria-specific ones ("iUPD", "iCPD", "CMR", "PMD", ...).
///
/// An open set, so a criteria file can introduce its own categories without changing code.
public struct ResponseCategory: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Complete response.
    public static let completeResponse: ResponseCategory = "CR"
    /// Partial response.
    public static let partialResponse: ResponseCategory = "PR"
    /// Stable disease.
    public static let stableDisease: ResponseCategory = "SD"
    /// Progressive disease.
    public static let progressiveDisease: ResponseCategory = "PD"
    /// Not evaluable.
    public static let notEvaluable: ResponseCategory = "NE"
    /// Non-CR/non-PD (non-target disease only, RECIST 1.1 Table 2).
    public static let nonCRNonPD: ResponseCategory = "NON-CR/NON-PD"
}

/// One reader's response assessment of one timepoint, as recorded (CDISC RS with RSEVAL / RSEVALID /
/// RSACPTFL). Several readers may assess the same timepoint; adjudication marks one as accepted.
public struct ReaderAssessment: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var visit: String
    public var reader: String
    public var criteria: CriteriaID
    /// The criteria file's version the assessment was computed with.
    public var criteriaVersion: String
    /// The named policies in force (e.g. "confirmation": "required-28d"), for exact reproduction.
    public var policies: [String: String]
    public var target: ResponseCategory?
    public var nonTarget: ResponseCategory?
    /// Whether unequivocal new lesions were present (CDISC NEWLIND "Y"/"N"); nil when not assessed.
    public var newLesions: Bool?
    public var overall: ResponseCategory
    /// The adjudicated, accepted record for this timepoint (CDISC RSACPTFL = "Y").
    public var isAccepted: Bool

    public init(subjectID: SubjectID, visit: String, reader: String, criteria: CriteriaID, criteriaVersion: String,
                policies: [String: String] = [:], target: ResponseCategory?, nonTarget: ResponseCategory?,
                newLesions: Bool?, overall: ResponseCategory, isAccepted: Bool) {
        self.subjectID = subjectID
        self.visit = visit
        self.reader = reader
        self.criteria = criteria
        self.criteriaVersion = criteriaVersion
        self.policies = policies
        self.target = target
        self.nonTarget = nonTarget
        self.newLesions = newLesions
        self.overall = overall
        self.isAccepted = isAccepted
    }
}
