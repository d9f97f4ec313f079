/// One data element as read: its tag, VR and where its value lies; values are decoded on access
/// through `DICOMDataSet` (pydicom's RawDataElement model, PS3.5 section 7.1).
public struct DICOMElement: Sendable {
    /// The element's tag.
    public var tag: DICOMTag
    /// The VR: explicit in the file, or from the dictionary for Implicit VR (`UN` when unknown).
    public var vr: DICOMVR
    /// Byte offset of the element's first header byte in the buffer.
    public var headerOffset: Int
    /// Byte offset of the value in the buffer.
    public var valueOffset: Int
    /// Value length in bytes (for undefined-length sequences and encapsulated pixel data: the bytes up to
    /// and including the delimiter).
    public var valueLength: Int
    /// Whether the length was the undefined length 0xFFFFFFFF (PS3.5 7.1.1).
    public var hasUndefinedLength: Bool
    /// The items of a sequence (VR SQ, or UN with undefined length), else `nil`.
    public var items: [DICOMDataSet]?
    /// The byte ranges of the fragments of encapsulated pixel data (PS3.5 A.4), without the offset table.
    public var fragments: [Range<Int>]?
    /// The Basic Offset Table of encapsulated pixel data (offsets of each frame's first fragment), if any.
    public var basicOffsetTable: [Int]?

    /// The range of the value in the buffer.
    public var valueRange: Range<Int> { valueOffset..<(valueOffset + valueLength) }
}
