public import Foundation

/// An error thrown while reading or writing an image file (NIfTI-1/2, NRRD): what went wrong and where.
public struct ImageIOError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set, so adding kinds is not breaking.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Makes a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// The file could not be opened or read.
        public static let unreadableFile = Code(rawValue: "unreadableFile")
        /// The file could not be written.
        public static let unwritableFile = Code(rawValue: "unwritableFile")
        /// The file's extension and first bytes match no format we read.
        public static let unknownFormat = Code(rawValue: "unknownFormat")
        /// The file ends before the header or the voxel data does.
        public static let truncatedFile = Code(rawValue: "truncatedFile")
        /// NIfTI `sizeof_hdr` is neither 348 (NIfTI-1) nor 540 (NIfTI-2) in either byte order.
        public static let badHeaderSize = Code(rawValue: "badHeaderSize")
        /// NIfTI `magic` is not "n+1"/"ni1"/"n+2"/"ni2", or NRRD's first line is not "NRRD000x".
        public static let badMagic = Code(rawValue: "badMagic")
        /// Dimensions are missing, non-positive, overflow, or describe data the file does not hold.
        public static let badDimensions = Code(rawValue: "badDimensions")
        /// More than three spatial dimensions with more than one sample (4D series are not volumes).
        public static let unsupportedDimensions = Code(rawValue: "unsupportedDimensions")
        /// A datatype code or type name that is not defined by the format.
        public static let unknownDatatype = Code(rawValue: "unknownDatatype")
        /// A defined datatype we do not turn into a volume (complex, RGB, 64-bit integers, float128).
        public static let unsupportedDatatype = Code(rawValue: "unsupportedDatatype")
        /// `bitpix` disagrees with `datatype`.
        public static let badBitpix = Code(rawValue: "badBitpix")
        /// `vox_offset` is negative, inside the header, or past the end of the file.
        public static let badVoxelOffset = Code(rawValue: "badVoxelOffset")
        /// Voxel spacing (pixdim, NRRD spacings) is zero, negative or not finite.
        public static let badSpacing = Code(rawValue: "badSpacing")
        /// The voxel-to-world matrix is singular or not finite.
        public static let degenerateMatrix = Code(rawValue: "degenerateMatrix")
        /// Compressed data is corrupt or ends early.
        public static let corruptCompressedData = Code(rawValue: "corruptCompressedData")
        /// A required NRRD field is missing.
        public static let missingField = Code(rawValue: "missingField")
        /// A header field's value cannot be parsed or is out of range.
        public static let badFieldValue = Code(rawValue: "badFieldValue")
        /// An NRRD encoding other than raw and gzip.
        public static let unsupportedEncoding = Code(rawValue: "unsupportedEncoding")
        /// An NRRD detached data file is missing or unreadable.
        public static let missingDataFile = Code(rawValue: "missingDataFile")
        /// The volume cannot be written in the requested format.
        public static let unwritableVolume = Code(rawValue: "unwritableVolume")
    }

    /// What went wrong.
    public var code: Code
    /// The file, when known.
    public var file: URL?
    /// The header field involved (NIfTI field name such as "dim", NRRD field such as "sizes").
    public var field: String?
    /// Byte offset in the file (or in the inflated stream for compressed files) where the problem lies.
    public var byteOffset: Int?
    /// A sentence for people: what was found, what was expected, what to do.
    public var detail: String
    /// A lower-layer error (zlib, Foundation), when one caused this.
    public var underlyingError: (any Error & Sendable)?

    /// Makes an error.
    public init(_ code: Code, file: URL? = nil, field: String? = nil, byteOffset: Int? = nil, detail: String,
                underlyingError: (any Error & Sendable)? = nil) {
        self.code = code
        self.file = file
        self.field = field
        self.byteOffset = byteOffset
        self.detail = detail
        self.underlyingError = underlyingError
    }

    /// One line for logs and the command line: code, where, and what.
    public var description: String {
        var parts = ["\(code.rawValue) in \(file?.path ?? "<memory>")"]
        if let field { parts.append("field \(field)") }
        if let byteOffset { parts.append("byte \(byteOffset)") }
        var text = parts.joined(separator: ", ") + ": " + detail
        if let underlyingError { text += " (\(underlyingError))" }
        return text
    }

    /// The same error with the file filled in, for errors raised below the layer that knows the file.
    func located(in url: URL?) -> ImageIOError {
        var copy = self
        if copy.file == nil { copy.file = url }
        return copy
    }
}
