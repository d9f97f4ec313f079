/// An error thrown while building or writing a report: says what failed and where (patient, lesion, file).
public struct ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure: an open set, so adding kinds is not breaking.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// A code by name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }
        /// The image is empty or its size does not match its pixel buffer.
        public static let invalidImage = Code(rawValue: "invalidImage")
        /// zlib failed while compressing PNG data.
        public static let compressionFailed = Code(rawValue: "compressionFailed")
        /// The image geometry cannot be inverted (singular direction matrix) or is empty.
        public static let invalidGeometry = Code(rawValue: "invalidGeometry")
        /// A lesion's label is not present in the mask.
        public static let labelNotFound = Code(rawValue: "labelNotFound")
        /// A file or folder could not be written.
        public static let writeFailed = Code(rawValue: "writeFailed")
        /// Two patients share one subject ID, so their report folders would collide.
        public static let duplicateSubject = Code(rawValue: "duplicateSubject")
        /// A value cannot be written in SAS transport v5 (not ASCII, or longer than 200 characters).
        public static let transportValue = Code(rawValue: "transportValue")
    }

    /// What went wrong.
    public var code: Code
    /// A human-readable explanation with what to do about it.
    public var message: String
    /// The subject concerned, if any.
    public var subject: String?
    /// The lesion concerned, if any.
    public var lesion: String?
    /// The file concerned, if any.
    public var path: String?

    /// Makes an error with its context.
    public init(_ code: Code, _ message: String, subject: String? = nil, lesion: String? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.subject = subject
        self.lesion = lesion
        self.path = path
    }

    /// The message with its context.
    public var description: String {
        var parts = ["\(code): \(message)"]
        if let subject { parts.append("subject \(subject)") }
        if let lesion { parts.append("lesion \(lesion)") }
        if let path { parts.append("file \(path)") }
        return parts.joined(separator: "; ")
    }
}
