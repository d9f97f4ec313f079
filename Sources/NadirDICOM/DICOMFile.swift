public import Foundation

/// A DICOM file as read: the file meta information (group 0002) and the data set (PS3.10 chapter 7).
public struct DICOMFile: Sendable {
    /// Where the file was read from.
    public var url: URL?
    /// Whether the file had the 128-byte preamble and "DICM" prefix (PS3.10 7.1).
    public var hasPreamble: Bool
    /// The file meta information group (empty for a raw data set without one).
    public var meta: DICOMDataSet
    /// The transfer syntax: from (0002,0010), or inferred from the bytes of a raw data set.
    public var transferSyntax: DICOMTransferSyntax
    /// The data set.
    public var dataSet: DICOMDataSet
    /// Whether reading stopped before Pixel Data (a header-only read).
    public var isHeaderOnly: Bool
}
