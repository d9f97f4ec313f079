/// An error thrown while measuring a lesion, with the label and the step involved.
public struct MeasurementError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set, so adding kinds is not breaking.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let rawValue: String
        /// Makes a code from its stable name.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The label map has no voxel of the label.
        public static let labelNotFound = Code(rawValue: "labelNotFound")
        /// The image and the label map are not on the same voxel grid.
        public static let geometryMismatch = Code(rawValue: "geometryMismatch")
        /// The geometry cannot be measured in (singular direction matrix, zero spacing).
        public static let invalidGeometry = Code(rawValue: "invalidGeometry")
        /// A parameter is out of range (histogram bin width, ...).
        public static let invalidParameter = Code(rawValue: "invalidParameter")
    }

    /// What went wrong.
    public var code: Code
    /// The label concerned, if any.
    public var label: UInt16?
    /// What the caller can do about it, and any detail.
    public var detail: String

    /// Makes an error with its context.
    public init(_ code: Code, label: UInt16? = nil, detail: String) {
        self.code = code
        self.label = label
        self.detail = detail
    }

    public var description: String {
        "measurement error \(code.rawValue)" + (label.map { ", label \($0)" } ?? "") + ": " + detail
    }
}
