/// What a TID 1500 Measurement Report says (PS3.16 A.35.1): the time point, one TID 1411 Volumetric ROI
/// measurement group per lesion, and the time point's response evaluations.
public struct DICOMMeasurementReport: Sendable {
    /// One lesion's measurement group (TID 1411).
    public struct Group: Sendable, Equatable {
        /// Tracking Identifier (112039), e.g. "T01".
        public var trackingIdentifier: String
        /// Tracking Unique Identifier (112040): the lesion's UID, the same at every time point.
        public var trackingUID: String
        /// Finding Site (363698007, SCT), when the organ has a code.
        public var findingSite: DICOMCode?
        /// Long Axis, Short Axis (mm) and Volume (mm3) as exact decimal text.
        public var longAxis: String?
        public var shortAxis: String?
        public var volume: String?
        /// The SEG segment the values were measured on.
        public var segmentNumber: Int?

        public init(trackingIdentifier: String, trackingUID: String, findingSite: DICOMCode? = nil,
                    longAxis: String? = nil, shortAxis: String? = nil,
                    volume: String? = nil, segmentNumber: Int? = nil) {
            self.trackingIdentifier = trackingIdentifier
            self.trackingUID = trackingUID
            self.findingSite = findingSite
            self.longAxis = longAxis
            self.shortAxis = shortAxis
            self.volume = volume
            self.segmentNumber = segmentNumber
        }
    }

    /// Subject Time Point Identifier (126070): the visit label.
    public var timePoint: String?
    public var groups: [Group]
    /// Qualitative evaluations of the time point (the response): CODE or TEXT items under (112048, "Current Response").
    public var evaluations: [DICOMContentItem]

    public init(timePoint: String?, groups: [Group], evaluations: [DICOMContentItem] = []) {
        self.timePoint = timePoint
        self.groups = groups
        self.evaluations = evaluations
    }
}
