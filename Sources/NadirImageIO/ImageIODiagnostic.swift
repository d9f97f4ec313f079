/// A warning from a reader: the file was read, but something in it deserves attention (readers return these,
/// writers throw).
public struct ImageIODiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The kind of warning: an open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Makes a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// Neither sform nor qform is set: geometry comes from pixdim alone (NIfTI "method 1", Analyze).
        public static let noOrientation = Code(rawValue: "noOrientation")
        /// The sform was unusable; the qform was used instead.
        public static let sformIgnored = Code(rawValue: "sformIgnored")
        /// The direction matrix's columns are not orthonormal (sheared or scaled sform); geometry kept exact.
        public static let nonOrthogonalDirection = Code(rawValue: "nonOrthogonalDirection")
        /// pixdim[0] (qfac) is neither -1 nor 1; treated as 1 (NIfTI-1 header comments).
        public static let unusualQfac = Code(rawValue: "unusualQfac")
        /// Spatial units unknown; millimetres assumed.
        public static let unknownUnits = Code(rawValue: "unknownUnits")
        /// Spatial units were metres or micrometres and have been converted to millimetres.
        public static let unitsConverted = Code(rawValue: "unitsConverted")
        /// scl_slope/scl_inter changed the voxel type (e.g. int16 with a fractional slope became float32).
        public static let scalingChangedType = Code(rawValue: "scalingChangedType")
        /// The file holds more bytes than the voxels need (ignored).
        public static let trailingData = Code(rawValue: "trailingData")
        /// A field was unusual but could be read (e.g. an NRRD space we do not map to LPS).
        public static let unusualField = Code(rawValue: "unusualField")
    }

    /// What deserves attention.
    public var code: Code
    /// The header field involved, when one is.
    public var field: String?
    /// A sentence for people.
    public var detail: String

    /// Makes a diagnostic.
    public init(_ code: Code, field: String? = nil, detail: String) {
        self.code = code
        self.field = field
        self.detail = detail
    }

    /// One line for logs and the command line: code, where, and what.
    public var description: String { "\(code.rawValue)\(field.map { " (\($0))" } ?? ""): \(detail)" }
}
