public import NadirModel

/// An error thrown by lesion tracking when its input cannot be used (never for a lesion that is simply not
/// found: that is a proposal with its reason, `TrackingProposal.notFound`).
public struct TrackingError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The kind of failure: an open set, so adding kinds is not breaking.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let rawValue: String
        /// Makes a code from its stable name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The stable name.
        public var description: String { rawValue }

        /// Tracking input is inconsistent (duplicate identifiers, non-finite positions, ragged costs).
        public static let invalidInput = Code(rawValue: "invalidInput")
        /// A parameter is outside its valid range.
        public static let invalidParameter = Code(rawValue: "invalidParameter")
        /// The baseline and follow-up cannot be compared (empty or singular grids).
        public static let invalidImage = Code(rawValue: "invalidImage")
    }

    /// What went wrong.
    public var code: Code
    /// The lesion concerned, if any.
    public var lesion: LesionID?
    /// A sentence saying what was found and what to do about it.
    public var detail: String

    /// Makes an error with its context.
    public init(_ code: Code, lesion: LesionID? = nil, detail: String) {
        self.code = code
        self.lesion = lesion
        self.detail = detail
    }

    /// The code, the lesion and the advice, in one line.
    public var description: String {
        "tracking error \(code.rawValue)\(lesion.map { " (lesion \($0))" } ?? ""): \(detail)"
    }
}
