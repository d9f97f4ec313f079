/// The qualitative status of a non-target or new lesion at a timepoint (RECIST 1.1 §4.3.3-4.3.4;
/// CDISC TR `TUMSTATE`).
public enum LesionStatusValue: String, Hashable, Sendable, Codable, CaseIterable {
    /// Present, without unequivocal progression.
    case present
    /// Gone.
    case absent
    /// Unequivocal progression of an existing non-target lesion (RECIST 1.1 §4.3.3).
    case unequivocalProgression = "unequivocal-progression"
    /// Not assessed or not assessable.
    case notEvaluable = "not-evaluable"
    /// A possible new lesion that is not yet unequivocal; if later confirmed, progression is dated to the
    /// first scan that showed it (RECIST 1.1 §4.3.5).
    case equivocal

    /// The CDISC TUMSTATE term.
    public var cdiscTerm: String {
        switch self {
        case .present: "PRESENT"
        case .absent: "ABSENT"
        case .unequivocalProgression: "UNEQUIVOCAL PROGRESSION"
        case .notEvaluable: "NOT EVALUABLE"
        case .equivocal: "EQUIVOCAL"
        }
    }
}

/// One reader's qualitative assessment of a non-target or new lesion at one timepoint.
public struct LesionStatus: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var lesionID: LesionID
    public var visit: String
    public var status: LesionStatusValue
    public var reader: String
    public var provenance: Provenance

    public init(subjectID: SubjectID, lesionID: LesionID, visit: String, status: LesionStatusValue, reader: String,
                provenance: Provenance = Provenance()) {
        self.subjectID = subjectID
        self.lesionID = lesionID
        self.visit = visit
        self.status = status
        self.reader = reader
        self.provenance = provenance
    }
}
