public import NadirModel

/// One parsed, type-checked row of a lesion-level CSV.
public struct LesionCSVRow: Sendable, Hashable {
    /// What the row says about the lesion at the visit.
    public enum Observation: Sendable, Hashable {
        /// A target or measured new lesion: a measurement state and its values.
        case measurement(MeasurementState, longAxis: Length?, shortAxis: Length?, volume: VolumeMeasure?)
        /// A non-target or new lesion followed by status.
        case status(LesionStatusValue)
    }

    /// The spreadsheet row number (header = 1).
    public var row: Int
    public var subject: SubjectID
    public var visit: String
    public var date: CalendarDate
    public var lesion: LesionID
    public var role: LesionRole
    public var organ: String
    public var isNodal: Bool
    public var observation: Observation
    public var reader: String?
    public var trial: TrialID?
    public var cancerType: String?
    public var criteria: CriteriaID?
    public var sliceThickness: Length?
    public var parents: [LesionID]
    public var relation: LesionRelation?
    /// Typed mean density (Choi), measured rows only.
    public var meanDensity: Density?
    /// Typed SULpeak (PERCIST), measured rows only.
    public var sulPeak: StandardizedUptake?
    /// The visit's whole-scan reading by this row's reader (Deauville, uptake change, new bone-scan lesions).
    public var deauville: String?
    public var uptakeChange: String?
    public var boneNewLesions: Int?
    /// The patient's treatment start, when the row gives one.
    public var treatmentStart: CalendarDate?
    /// The patient's end of radiotherapy, when the row gives one.
    public var radiotherapyEnd: CalendarDate?
}
