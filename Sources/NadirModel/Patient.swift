/// A patient on a trial, known only by the trial subject ID.
///
/// There is deliberately no name, birth date or medical record number here: the DICOM Basic Application
/// Level Confidentiality Profile (PS3.15 Annex E) removes them, and Nadir never stores them.
public struct Patient: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var trialID: TrialID
    /// The cancer type, a key of `Criteria/cancer-types.yaml` (e.g. "nsclc", "hcc"), if known.
    public var cancerType: String?
    /// An explicit criteria override for this patient; `nil` follows the cancer type, then the trial.
    public var criteria: CriteriaID?
    /// The recruiting site.
    public var site: String?
    /// The treatment arm.
    public var arm: String?

    public init(subjectID: SubjectID, trialID: TrialID, cancerType: String? = nil, criteria: CriteriaID? = nil,
                site: String? = nil, arm: String? = nil) {
        self.subjectID = subjectID
        self.trialID = trialID
        self.cancerType = cancerType
        self.criteria = criteria
        self.site = site
        self.arm = arm
    }
}
