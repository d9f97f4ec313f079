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
    /// The start of study treatment: the reference of the SD minimum duration (RECIST 1.1 §4.4; CDISC/ADaM
    /// TRTSDT); `nil` uses the baseline scan date.
    public var treatmentStart: CalendarDate?
    /// The end of radiotherapy (RANO 2.0, Wen 2023: progression within 12 weeks of it is preliminary).
    public var radiotherapyEnd: CalendarDate?

    public init(subjectID: SubjectID, trialID: TrialID, cancerType: String? = nil, criteria: CriteriaID? = nil,
                site: String? = nil, arm: String? = nil, treatmentStart: CalendarDate? = nil,
                radiotherapyEnd: CalendarDate? = nil) {
        self.subjectID = subjectID
        self.trialID = trialID
        self.cancerType = cancerType
        self.criteria = criteria
        self.site = site
        self.arm = arm
        self.treatmentStart = treatmentStart
        self.radiotherapyEnd = radiotherapyEnd
    }
}
