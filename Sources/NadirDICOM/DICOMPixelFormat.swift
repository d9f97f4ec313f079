/// The Image Pixel Module attributes that say how to read pixel data (PS3.3 C.7.6.3).
public struct DICOMPixelFormat: Hashable, Sendable {
    /// Rows (0028,0010): pixels along a column.
    public var rows: Int
    /// Columns (0028,0011): pixels along a row.
    public var columns: Int
    /// Bits Allocated (0028,0100): 1, 8, 16 or 32.
    public var bitsAllocated: Int
    /// Bits Stored (0028,0101).
    public var bitsStored: Int
    /// Pixel Representation (0028,0103) is 1: two's complement samples.
    public var isSigned: Bool
    /// Samples per Pixel (0028,0002); this reader decodes 1 only.
    public var samplesPerPixel: Int
    /// Number of Frames (0028,0008), 1 when absent.
    public var numberOfFrames: Int
    /// Photometric Interpretation (0028,0004), e.g. MONOCHROME2.
    public var photometricInterpretation: String

    /// Pixels in one frame.
    public var pixelsPerFrame: Int { rows * columns }

    /// Reads the format from a data set; throws naming the missing or impossible attribute.
    public init(dataSet: DICOMDataSet) throws(DICOMError) {
        func required(_ tag: DICOMTag, _ allowed: ClosedRange<Int>) throws(DICOMError) -> Int {
            guard let value = dataSet.int(tag) else {
                throw DICOMError(.missingAttribute, "the image has no \(tag.keyword ?? "value") needed to read pixels",
                                 tag: tag)
            }
            guard allowed.contains(value) else {
                throw DICOMError(.invalidValue, "\(tag.keyword ?? "value") is \(value), outside \(allowed)", tag: tag)
            }
            return value
        }
        rows = try required(.rows, 1...65535)
        columns = try required(.columns, 1...65535)
        bitsAllocated = try required(.bitsAllocated, 1...32)
        guard [1, 8, 16, 32].contains(bitsAllocated) else {
            throw DICOMError(.unsupportedPixelFormat, "Bits Allocated \(bitsAllocated) is not 1, 8, 16 or 32",
                             tag: .bitsAllocated)
        }
        bitsStored = dataSet.int(.bitsStored) ?? bitsAllocated
        guard (1...bitsAllocated).contains(bitsStored) else {
            throw DICOMError(.invalidValue, "Bits Stored \(bitsStored) is not within 1...\(bitsAllocated)",
                             tag: .bitsStored)
        }
        isSigned = (dataSet.int(.pixelRepresentation) ?? 0) == 1
        samplesPerPixel = dataSet.int(.samplesPerPixel) ?? 1
        guard samplesPerPixel == 1 else {
            throw DICOMError(.unsupportedPixelFormat, "Samples per Pixel is \(samplesPerPixel); only greyscale "
                             + "(1) images can be read as volumes", tag: .samplesPerPixel)
        }
        numberOfFrames = dataSet.int(.numberOfFrames) ?? 1
        guard (1...100_000).contains(numberOfFrames) else {
            throw DICOMError(.invalidValue, "Number of Frames \(numberOfFrames) is not positive", tag: .numberOfFrames)
        }
        photometricInterpretation = dataSet.string(.photometricInterpretation) ?? "MONOCHROME2"
        guard rows * columns <= 1 << 28 else {
            throw DICOMError(.invalidValue, "a \(rows)x\(columns) frame is larger than this reader accepts", tag: .rows)
        }
    }

    /// Bytes of one native (uncompressed) frame; frames of 1-bit data are packed without padding (PS3.5 8.1.1).
    var nativeFrameBits: Int { pixelsPerFrame * bitsAllocated }
}
