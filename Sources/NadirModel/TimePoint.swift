/// One imaging assessment of a patient: the baseline or a follow-up visit.
public struct TimePoint: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    /// The visit label as the protocol names it ("BASELINE", "WEEK 6", "C3D1").
    public var visit: String
    /// The scan date.
    public var date: CalendarDate
    /// Whether this is the patient's baseline (the reference for targets and for PR).
    public var isBaseline: Bool
    /// DICOM Study Instance UID (0020,000D) of the scan, once imported.
    public var studyUID: String?
    /// DICOM Series Instance UID (0020,000E) of the scan, once imported.
    public var seriesUID: String?
    /// DICOM modality (0008,0060): "CT", "MR", "PT", ...
    public var modality: String?
    /// Reconstructed slice thickness, which sets the minimum measurable size (RECIST 1.1 §3.1.1:
    /// at least twice the slice thickness when slices are thicker than 5 mm).
    public var sliceThickness: Length?

    public init(subjectID: SubjectID, visit: String, date: CalendarDate, isBaseline: Bool = false,
                studyUID: String? = nil, seriesUID: String? = nil, modality: String? = nil,
                sliceThickness: Length? = nil) {
        self.subjectID = subjectID
        self.visit = visit
        self.date = date
        self.isBaseline = isBaseline
        self.studyUID = studyUID
        self.seriesUID = seriesUID
        self.modality = modality
        self.sliceThickness = sliceThickness
    }
}
