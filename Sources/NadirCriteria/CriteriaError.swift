
/// An error thrown while loading criteria files or resolving a patient's criteria.
///
/// Outcomes of assessment are values (`PatientAssessment`), never errors: only malformed criteria files and
/// unknown criteria ids throw.
public struct CriteriaError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The kind of failure: an open set, so adding kinds is not breaking.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The raw name.
        public let rawValue: String
        /// Makes a value from its raw name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The raw name.
        public var description: String { rawValue }
        /// The file is not valid YAML.
        public static let malformedYAML = Code(rawValue: "malformedYAML")
        /// A key the schema does not know (a misspelt threshold would otherwise be silently ignored).
        public static let unknownKey = Code(rawValue: "unknownKey")
        /// A required key (e.g. a threshold) is absent.
        public static let missingKey = Code(rawValue: "missingKey")
        /// A value has the wrong type or an impossible value (e.g. comparison other than >= or >).
        public static let invalidValue = Code(rawValue: "invalidValue")
        /// Two files declare the same criteria id.
        public static let duplicateID = Code(rawValue: "duplicateID")
        /// No criteria file has the requested id.
        public static let unknownCriteria = Code(rawValue: "unknownCriteria")
        /// The `logic:` key names logic that Nadir does not implement.
        public static let unknownLogic = Code(rawValue: "unknownLogic")
        /// A directory or file could not be read.
        public static let unreadable = Code(rawValue: "unreadable")
    }

    /// What went wrong (or what was found).
    public var code: Code
    /// The criteria file, when the error concerns one.
    public var file: String?
    /// The key path inside the file, dotted ("response.partial.decreaseFromBaselinePercent.value").
    public var keyPath: String?
    /// What is wrong and what to do.
    public var message: String

    /// Makes an error.
    public init(code: Code, file: String? = nil, keyPath: String? = nil, message: String) {
        self.code = code
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    /// A one-line description naming what and where.
    public var description: String {
        var text = "criteria error \(code.rawValue)"
        if let file { text += " in \(file)" }
        if let keyPath, !keyPath.isEmpty { text += " at '\(keyPath)'" }
        return text + ": " + message
    }
}
