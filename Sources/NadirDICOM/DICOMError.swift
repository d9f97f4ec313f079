public import Foundation

/// An error thrown while reading or writing DICOM: what went wrong and where (file, tag, byte offset).
public struct DICOMError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set, so adding kinds is not a breaking change.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable identifier, e.g. `truncated`.
        public let rawValue: String
        /// Makes a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file ended inside an element header or value.
        public static let truncated = Code("truncated")
        /// A length runs past the end of the file, item or sequence that holds it.
        public static let lengthPastEnd = Code("lengthPastEnd")
        /// An Explicit VR element whose VR is not two upper-case letters.
        public static let invalidVR = Code("invalidVR")
        /// Not DICOM: no "DICM" prefix and no plausible raw data set.
        public static let notDICOM = Code("notDICOM")
        /// A transfer syntax this reader does not decode.
        public static let unsupportedTransferSyntax = Code("unsupportedTransferSyntax")
        /// A required attribute is absent or empty.
        public static let missingAttribute = Code("missingAttribute")
        /// An attribute whose value cannot be used (wrong count, not a number, out of range).
        public static let invalidValue = Code("invalidValue")
        /// Sequences nested deeper than the reader allows.
        public static let nestingTooDeep = Code("nestingTooDeep")
        /// Compressed pixel data that does not decode.
        public static let corruptPixelData = Code("corruptPixelData")
        /// A pixel format (bits, samples, photometric interpretation) this reader does not handle.
        public static let unsupportedPixelFormat = Code("unsupportedPixelFormat")
        /// Slices that cannot form one volume (different sizes or orientations).
        public static let inconsistentSeries = Code("inconsistentSeries")
        /// A segmentation that references a series other than the one given.
        public static let segmentationReferencesOtherSeries = Code("segmentationReferencesOtherSeries")
        /// A file that cannot be opened or written.
        public static let io = Code("io")
    }

    /// The kind of failure.
    public var code: Code
    /// What is wrong and what to do, in words.
    public var message: String
    /// The file, when known.
    public var file: URL?
    /// The element involved, when known.
    public var tag: DICOMTag?
    /// The byte offset in the file (or in the inflated stream of a deflated file), when known.
    public var byteOffset: Int?

    /// Makes an error.
    public init(_ code: Code, _ message: String, file: URL? = nil, tag: DICOMTag? = nil, byteOffset: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.tag = tag
        self.byteOffset = byteOffset
    }

    /// The same error with the file filled in when it was not known where it was thrown.
    func locatedIn(_ url: URL) -> DICOMError {
        var copy = self
        if copy.file == nil { copy.file = url }
        return copy
    }

    public var description: String {
        var parts = ["DICOM \(code.rawValue): \(message)"]
        if let file { parts.append("file \(file.path)") }
        if let tag { parts.append("tag \(tag)") }
        if let byteOffset { parts.append("byte offset \(byteOffset)") }
        return parts.joined(separator: "; ")
    }
}

/// Runs `body` over the bytes of `data`, keeping the typed error (Data's `withUnsafeBytes` only rethrows).
func withBytes<R>(_ data: Data, _ body: (UnsafeRawBufferPointer) throws(DICOMError) -> R) throws(DICOMError) -> R {
    let result: Result<R, DICOMError> = data.withUnsafeBytes { raw in
        do throws(DICOMError) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}
