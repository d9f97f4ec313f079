public import NadirModel

/// An error of a Nadir workflow (assessment, scan import, tracking), with where it happened and what to do.
public struct WorkflowError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let missingCriteria = Code("missingCriteria")
        public static let noMeasurements = Code("noMeasurements")
        public static let unknownReader = Code("unknownReader")
        public static let missingScan = Code("missingScan")
        public static let changedSource = Code("changedSource")
        public static let imageStore = Code("imageStore")
        public static let segmentation = Code("segmentation")
        public static let unsupportedInput = Code("unsupportedInput")
    }

    public var code: Code
    public var subject: SubjectID?
    public var lesion: LesionID?
    public var visit: String?
    public var message: String

    public init(_ code: Code, subject: SubjectID? = nil, lesion: LesionID? = nil, visit: String? = nil, _ message: String) {
        self.code = code
        self.subject = subject
        self.lesion = lesion
        self.visit = visit
        self.message = message
    }

    public var description: String { ClinicalPlace.describe(message, subject: subject, lesion: lesion, visit: visit) }
}
