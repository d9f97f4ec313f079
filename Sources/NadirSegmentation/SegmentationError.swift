/// An error thrown while building, segmenting or editing a label map, with the label, seed and place involved.
public struct SegmentationError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set, so adding kinds is not breaking (GRDB `ResultCode`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code.
        public let rawValue: String
        /// Makes a code from its stable name.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The seed point lies outside the image (or its geometry has a singular direction matrix).
        public static let seedOutsideImage = Code(rawValue: "seedOutsideImage")
        /// Two volumes that must share a voxel grid do not.
        public static let geometryMismatch = Code(rawValue: "geometryMismatch")
        /// A label was asked for that the label map does not contain.
        public static let labelNotFound = Code(rawValue: "labelNotFound")
        /// A voxel value cannot be a label (negative, fractional or above 65535).
        public static let invalidLabelValue = Code(rawValue: "invalidLabelValue")
        /// More components than a 16-bit label map can number.
        public static let tooManyComponents = Code(rawValue: "tooManyComponents")
        /// A parameter is out of its valid range (negative radius, empty window, ...).
        public static let invalidParameter = Code(rawValue: "invalidParameter")
        /// The seeded segmentation found no lesion at the seed (its intensity does not fit the preset).
        public static let seedNotInLesion = Code(rawValue: "seedNotInLesion")
    }

    /// What went wrong.
    public var code: Code
    /// The label concerned, if any.
    public var label: UInt16?
    /// The seed (LPS mm) concerned, if any.
    public var seed: SIMD3<Double>?
    /// The voxel index concerned, if any.
    public var index: SIMD3<Int>?
    /// What the caller can do about it, and any detail (values, sizes).
    public var detail: String

    /// Makes an error with its context.
    public init(_ code: Code, label: UInt16? = nil, seed: SIMD3<Double>? = nil, index: SIMD3<Int>? = nil,
                detail: String) {
        self.code = code
        self.label = label
        self.seed = seed
        self.index = index
        self.detail = detail
    }

    public var description: String {
        var parts = ["segmentation error \(code.rawValue)"]
        if let label { parts.append("label \(label)") }
        if let seed { parts.append("seed (\(seed.x), \(seed.y), \(seed.z)) mm LPS") }
        if let index { parts.append("voxel [\(index.x), \(index.y), \(index.z)]") }
        return parts.joined(separator: ", ") + ": " + detail
    }
}
