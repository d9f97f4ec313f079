/// An error thrown by registration or resampling when the input cannot be used.
public struct RegistrationError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The kind of failure: an open set, so adding kinds is not breaking.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let rawValue: String
        /// Makes a code from its stable name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The stable name.
        public var description: String { rawValue }

        /// An image has no voxels.
        public static let emptyImage = Code(rawValue: "emptyImage")
        /// An image's direction matrix or spacing cannot be inverted.
        public static let singularGeometry = Code(rawValue: "singularGeometry")
        /// An image has (almost) the same value everywhere the metric looks, so nothing can be aligned.
        public static let constantImage = Code(rawValue: "constantImage")
        /// Too few fixed-image samples map inside the moving image.
        public static let insufficientOverlap = Code(rawValue: "insufficientOverlap")
        /// The region of interest contains no (or too few) fixed-image voxels.
        public static let emptyRegion = Code(rawValue: "emptyRegion")
        /// A configuration value is out of its valid range.
        public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
        /// A transform cannot be inverted or is not finite.
        public static let invalidTransform = Code(rawValue: "invalidTransform")
    }

    /// What went wrong.
    public var code: Code
    /// Which image ("fixed", "moving", "source", "mask"), when the problem is tied to one.
    public var image: String?
    /// The pyramid level (0 = full resolution), when the problem arose at one level.
    public var level: Int?
    /// A sentence saying what was found and what to do about it.
    public var detail: String

    /// Makes an error with its context.
    public init(_ code: Code, image: String? = nil, level: Int? = nil, detail: String) {
        self.code = code
        self.image = image
        self.level = level
        self.detail = detail
    }

    /// The code, where it happened and the advice, in one line.
    public var description: String {
        var context: [String] = []
        if let image { context.append("image \(image)") }
        if let level { context.append("pyramid level \(level)") }
        let at = context.isEmpty ? "" : " (\(context.joined(separator: ", ")))"
        return "registration error \(code.rawValue)\(at): \(detail)"
    }
}
