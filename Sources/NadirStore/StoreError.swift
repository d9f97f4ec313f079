public import NadirModel

/// An error from the case database, saying what and where (subject, lesion, visit) and what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let databaseMissing = Code("databaseMissing")
        public static let databaseExists = Code("databaseExists")
        public static let schemaTooNew = Code("schemaTooNew")
        public static let unknownTrial = Code("unknownTrial")
        public static let unknownPatient = Code("unknownPatient")
        public static let unknownTimePoint = Code("unknownTimePoint")
        public static let unknownLesion = Code("unknownLesion")
        public static let duplicateTrial = Code("duplicateTrial")
        public static let duplicatePatient = Code("duplicatePatient")
        public static let duplicateTimePoint = Code("duplicateTimePoint")
        public static let duplicateLesion = Code("duplicateLesion")
        public static let duplicateBaseline = Code("duplicateBaseline")
        public static let dateBeforeBaseline = Code("dateBeforeBaseline")
        public static let conflictingRecord = Code("conflictingRecord")
        public static let correctionNeedsReason = Code("correctionNeedsReason")
        public static let invalidRecord = Code("invalidRecord")
        public static let invalidAuditContext = Code("invalidAuditContext")
        public static let sqlite = Code("sqlite")
    }

    public var code: Code
    public var subject: SubjectID?
    public var lesion: LesionID?
    public var visit: String?
    /// What is wrong and what to do.
    public var message: String
    /// The lower-level error (SQLite, validation), if any.
    public var underlyingError: (any Error & Sendable)?

    public init(_ code: Code, subject: SubjectID? = nil, lesion: LesionID? = nil, visit: String? = nil,
                _ message: String, underlyingError: (any Error & Sendable)? = nil) {
        self.code = code
        self.subject = subject
        self.lesion = lesion
        self.visit = visit
        self.message = message
        self.underlyingError = underlyingError
    }

    public var description: String { ClinicalPlace.describe(message, subject: subject, lesion: lesion, visit: visit) }

    /// Wraps a model validation error.
    init(_ validation: ValidationError) {
        self.init(.invalidRecord, subject: validation.subject, lesion: validation.lesion, visit: validation.visit,
                  validation.message, underlyingError: validation)
    }
}
