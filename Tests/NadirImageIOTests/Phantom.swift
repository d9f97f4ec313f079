import Foundation
import NadirImageIO
import NadirImaging

/// Analytic test volumes: voxel value a known function of the index, on an oblique grid.
enum Phantom {
    /// A rotation about the axis (1, 2, 3) by `degrees` (Rodrigues), optionally with the third axis reversed.
    static func direction(degrees: Double, mirrored: Bool = false) -> Matrix3 {
        let k = SIMD3<Double>(1, 2, 3) / (14.0).squareRoot()
        let t = degrees * .pi / 180
        func rotate(_ v: SIMD3<Double>) -> SIMD3<Double> {
            v * cos(t) + cross(k, v) * sin(t) + k * dot(k, v) * (1 - cos(t))
        }
        return Matrix3(columns: rotate([1, 0, 0]), rotate([0, 1, 0]), rotate([0, 0, mirrored ? -1 : 1]))
    }

    static func geometry(size: SIMD3<Int>, mirrored: Bool = false) -> ImageGeometry {
        ImageGeometry(size: size, origin: [-123.25, 87.5, -401.125], spacing: [0.68359375, 0.71, 2.5],
                      direction: direction(degrees: 23, mirrored: mirrored))
    }

    /// Voxel `i` has value f(i) wrapped into the type, reaching both ends of integer ranges.
    static func volume(_ type: VoxelType, size: SIMD3<Int> = [9, 7, 5], mirrored: Bool = false) -> AnyVolume {
        let g = geometry(size: size, mirrored: mirrored)
        let n = g.voxelCount
        func ints<T: FixedWidthInteger & BitwiseCopyable & Sendable>(_: T.Type) -> Volume<T> {
            let values = (0..<n).map { i in T(truncatingIfNeeded: i &* 2_654_435_761 &+ (i % 7) * 1_000_003) }
            guard let v = Volume(geometry: g, voxels: values) else { preconditionFailure("count") }
            return v
        }
        func reals<T: BinaryFloatingPoint & BitwiseCopyable & Sendable>(_: T.Type) -> Volume<T> {
            let values = (0..<n).map { i in T(sin(Double(i)) * 1500 + Double(i) / 3) }
            guard let v = Volume(geometry: g, voxels: values) else { preconditionFailure("count") }
            return v
        }
        switch type {
        case .uint8: return .uint8(ints(UInt8.self))
        case .int8: return .int8(ints(Int8.self))
        case .uint16: return .uint16(ints(UInt16.self))
        case .int16: return .int16(ints(Int16.self))
        case .uint32: return .uint32(ints(UInt32.self))
        case .int32: return .int32(ints(Int32.self))
        case .float32: return .float32(reals(Float.self))
        case .float64: return .float64(reals(Double.self))
        }
    }
}
