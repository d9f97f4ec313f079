public import NadirImaging

/// The voxel types Nadir reads from and writes to image files: the eight scalar types of `AnyVolume`.
public enum VoxelType: String, Sendable, CaseIterable {
    case uint8, int8, uint16, int16, uint32, int32, float32, float64

    /// Bytes per voxel.
    public var byteCount: Int {
        switch self {
        case .uint8, .int8: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .float64: 8
        }
    }

    /// The NIfTI-1 `datatype` code (nifti1.h, DT_UINT8 = 2 ... DT_UINT32 = 768).
    var niftiCode: Int {
        switch self {
        case .uint8: 2
        case .int16: 4
        case .int32: 8
        case .float32: 16
        case .float64: 64
        case .int8: 256
        case .uint16: 512
        case .uint32: 768
        }
    }

    /// The type of a NIfTI `datatype` code, `nil` for codes we do not read.
    init?(niftiCode: Int) {
        guard let type = VoxelType.allCases.first(where: { $0.niftiCode == niftiCode }) else { return nil }
        self = type
    }

    /// NIfTI datatype codes that nifti1.h defines but that are not scalar volumes we hold (binary, complex, RGB,
    /// 64-bit integers, float128), with their names.
    static let definedNIfTICodes: [Int: String] = [
        1: "DT_BINARY", 32: "DT_COMPLEX64", 128: "DT_RGB24", 1024: "DT_INT64", 1280: "DT_UINT64",
        1536: "DT_FLOAT128", 1792: "DT_COMPLEX128", 2048: "DT_COMPLEX256", 2304: "DT_RGBA32",
    ]

    /// The type of a volume.
    public init(of volume: AnyVolume) {
        switch volume {
        case .uint8: self = .uint8
        case .int8: self = .int8
        case .uint16: self = .uint16
        case .int16: self = .int16
        case .uint32: self = .uint32
        case .int32: self = .int32
        case .float32: self = .float32
        case .float64: self = .float64
        }
    }
}
