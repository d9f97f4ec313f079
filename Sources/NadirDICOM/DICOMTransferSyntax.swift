/// A transfer syntax: how a data set and its pixel data are encoded (PS3.5 chapter 10, Annex A).
public struct DICOMTransferSyntax: Hashable, Sendable, CustomStringConvertible {
    /// The transfer syntax UID.
    public var uid: String

    /// Makes a transfer syntax from its UID.
    public init(uid: String) { self.uid = uid }

    /// Implicit VR Little Endian, the DICOM default (PS3.5 A.1).
    public static let implicitVRLittleEndian = DICOMTransferSyntax(uid: "1.2.840.10008.1.2")
    /// Explicit VR Little Endian (PS3.5 A.2).
    public static let explicitVRLittleEndian = DICOMTransferSyntax(uid: "1.2.840.10008.1.2.1")
    /// Deflated Explicit VR Little Endian: raw DEFLATE after the meta group (PS3.5 A.5).
    public static let deflatedExplicitVRLittleEndian = DICOMTransferSyntax(uid: "1.2.840.10008.1.2.1.99")
    /// Explicit VR Big Endian, retired but found in old archives (PS3.5 A.3).
    public static let explicitVRBigEndian = DICOMTransferSyntax(uid: "1.2.840.10008.1.2.2")
    /// RLE Lossless (PS3.5 A.4.2, Annex G).
    public static let rleLossless = DICOMTransferSyntax(uid: "1.2.840.10008.1.2.5")
    /// JPEG Lossless, Non-Hierarchical (Process 14), any selection value (PS3.5 A.4.1, ITU T.81 H).
    public static let jpegLossless = DICOMTransferSyntax(uid: "1.2.840.10008.1.2.4.57")
    /// JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, selection value 1).
    public static let jpegLosslessSV1 = DICOMTransferSyntax(uid: "1.2.840.10008.1.2.4.70")

    /// Whether the data set uses Explicit VR (every syntax but Implicit VR Little Endian).
    public var isExplicitVR: Bool { self != .implicitVRLittleEndian }
    /// Whether numbers are big endian.
    public var isBigEndian: Bool { self == .explicitVRBigEndian }
    /// Whether the data set after the meta group is deflated.
    public var isDeflated: Bool { self == .deflatedExplicitVRLittleEndian }
    /// Whether pixel data is encapsulated (every syntax but the three native ones and deflated).
    public var isEncapsulated: Bool {
        ![.implicitVRLittleEndian, .explicitVRLittleEndian, .deflatedExplicitVRLittleEndian, .explicitVRBigEndian]
            .contains(self)
    }
    /// Whether this reader decodes the pixel data of this syntax.
    public var isPixelDataSupported: Bool { !isEncapsulated || [.rleLossless, .jpegLossless, .jpegLosslessSV1].contains(self) }

    public var description: String {
        switch self {
        case .implicitVRLittleEndian: "Implicit VR Little Endian"
        case .explicitVRLittleEndian: "Explicit VR Little Endian"
        case .deflatedExplicitVRLittleEndian: "Deflated Explicit VR Little Endian"
        case .explicitVRBigEndian: "Explicit VR Big Endian"
        case .rleLossless: "RLE Lossless"
        case .jpegLossless: "JPEG Lossless (Process 14)"
        case .jpegLosslessSV1: "JPEG Lossless SV1"
        default: uid
        }
    }
}
