/// The role a lesion plays in response assessment (RECIST 1.1 §4.2-4.3; CDISC TU `TUSTRESC`).
public enum LesionRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// Selected at baseline and measured at every timepoint; enters the sum.
    case target
    /// Followed qualitatively (present, absent, unequivocal progression).
    case nonTarget = "non-target"
    /// Appeared after baseline.
    case new

    /// The CDISC controlled term (TUORRES / TUSTRESC).
    public var cdiscTerm: String {
        switch self {
        case .target: "TARGET"
        case .nonTarget: "NON-TARGET"
        case .new: "NEW"
        }
    }
}

/// How a lesion derives from earlier lesions (CDISC split `T04` -> `T04.1`, merge `T02/T03`).
public enum LesionRelation: String, Hashable, Sendable, Codable {
    /// One of the fragments of a lesion that split; fragments' diameters are summed (RECIST 1.1 §4.3.4).
    case split
    /// The coalesced lesion formed from several; the originals are recorded as merged (0 mm).
    case merged
}

/// A tracked lesion of one patient.
public struct Lesion: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    /// Tracking identifier, e.g. "T01" (SR 112039).
    public var id: LesionID
    /// A UID stable across timepoints and exports (SR 112040 "Tracking Unique Identifier").
    public var trackingUID: String
    public var role: LesionRole
    /// Organ or site, as recorded ("LIVER", "LYMPH NODE", "LUNG"). Paired organs count as one organ.
    public var organ: String
    /// Whether this is a lymph node (measured by its short axis; all nodes count as one organ).
    public var isNodal: Bool
    /// Lesions this one derives from, with `relation`; empty for an original lesion.
    public var parents: [LesionID]
    public var relation: LesionRelation?
    /// The visit at which the lesion was first recorded.
    public var firstVisit: String?

    public init(subjectID: SubjectID, id: LesionID, trackingUID: String, role: LesionRole, organ: String,
                isNodal: Bool, parents: [LesionID] = [], relation: LesionRelation? = nil, firstVisit: String? = nil) {
        self.subjectID = subjectID
        self.id = id
        self.trackingUID = trackingUID
        self.role = role
        self.organ = organ
        self.isNodal = isNodal
        self.parents = parents
        self.relation = relation
        self.firstVisit = firstVisit
    }
}
