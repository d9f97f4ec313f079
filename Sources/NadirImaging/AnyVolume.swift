/// A volume whose voxel type is known only at run time, as image files deliver them
/// (NIfTI `datatype`, DICOM Bits Allocated / Pixel Representation / rescale).
public enum AnyVolume: Sendable {
    case uint8(Volume<UInt8>)
    case int8(Volume<Int8>)
    case uint16(Volume<UInt16>)
    case int16(Volume<Int16>)
    case uint32(Volume<UInt32>)
    case int32(Volume<Int32>)
    case float32(Volume<Float>)
    case float64(Volume<Double>)

    /// The geometry, whatever the voxel type.
    public var geometry: ImageGeometry {
        switch self {
        case .uint8(let v): v.geometry
        case .int8(let v): v.geometry
        case .uint16(let v): v.geometry
        case .int16(let v): v.geometry
        case .uint32(let v): v.geometry
        case .int32(let v): v.geometry
        case .float32(let v): v.geometry
        case .float64(let v): v.geometry
        }
    }

    /// The voxel type's name ("int16", "float32", ...).
    public var voxelTypeName: String {
        switch self {
        case .uint8: "uint8"
        case .int8: "int8"
        case .uint16: "uint16"
        case .int16: "int16"
        case .uint32: "uint32"
        case .int32: "int32"
        case .float32: "float32"
        case .float64: "float64"
        }
    }

    /// The voxels converted to `Float` (exact for every integer type up to 24 bits).
    public func float32() -> Volume<Float> {
        switch self {
        case .uint8(let v): v.converted { Float($0) }
        case .int8(let v): v.converted { Float($0) }
        case .uint16(let v): v.converted { Float($0) }
        case .int16(let v): v.converted { Float($0) }
        case .uint32(let v): v.converted { Float($0) }
        case .int32(let v): v.converted { Float($0) }
        case .float32(let v): v
        case .float64(let v): v.converted { Float($0) }
        }
    }
}

extension Volume {
    /// A volume of another voxel type on the same geometry, converting every voxel with `transform`.
    public func converted<Other: BitwiseCopyable & Sendable>(_ transform: (Voxel) -> Other) -> Volume<Other> {
        let count = geometry.voxelCount
        let out = [Other](unsafeUninitializedCapacity: count) { buffer, initialized in
            withUnsafeVoxels { source in
                var i = 0
                while i < count {
                    (buffer.baseAddress! + i).initialize(to: transform(source[i]))
                    i &+= 1
                }
            }
            initialized = count
        }
        // The count matches the geometry by construction.
        return Volume<Other>(uncheckedGeometry: geometry, voxels: out)
    }
}

extension Volume {
    /// Makes a volume whose voxel count is known to match (internal construction paths only).
    init(uncheckedGeometry geometry: ImageGeometry, voxels: [Voxel]) {
        precondition(voxels.count == geometry.voxelCount, "voxel count does not match geometry")
        self.geometry = geometry
        self.voxels = voxels
    }
}
