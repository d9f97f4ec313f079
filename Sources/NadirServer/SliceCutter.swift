internal import Foundation
internal import NadirImaging

/// A plane through a volume.
enum Plane: String, Sendable, Codable, CaseIterable {
    case axial, coronal, sagittal
}

/// Cuts one slice of a CT volume in its voxel grid, as little-endian Int16 HU, row by row for display:
/// axial rows run anterior to posterior (+y) with columns right to left of the patient (+x), the radiological
/// convention; coronal and sagittal rows run from the highest slice to the lowest (superior at the top when the
/// slice axis points to the head, DICOM PS3.3 C.7.6.2.1.1).
///
/// The inner loops copy whole rows (`update(from:)`) or stride once per voxel over unsafe buffers; nothing is
/// allocated per voxel.
enum SliceCutter {
    struct Slice {
        var width: Int
        var height: Int
        /// Whether display row 0 is the highest voxel index along the vertical axis.
        var flipped: Bool
        var voxels: [Int16]
    }

    static func count(of plane: Plane, in geometry: ImageGeometry) -> Int {
        switch plane {
        case .axial: geometry.size.z
        case .coronal: geometry.size.y
        case .sagittal: geometry.size.x
        }
    }

    static func cut(_ volume: Volume<Int16>, plane: Plane, index: Int) -> Slice? {
        let g = volume.geometry
        let nx = g.size.x, ny = g.size.y, nz = g.size.z
        guard index >= 0, index < count(of: plane, in: g) else { return nil }
        // Superior at the top: flip when +k points to the head (positive z component of the slice direction).
        let flip = plane != .axial && g.direction.c2.z >= 0
        return volume.withUnsafeVoxels { source -> Slice in
            switch plane {
            case .axial:
                let start = index * nx * ny
                return Slice(width: nx, height: ny, flipped: false, voxels: Array(source[start..<(start + nx * ny)]))
            case .coronal:
                let out = [Int16](unsafeUninitializedCapacity: nx * nz) { buffer, count in
                    var row = 0
                    while row < nz {
                        let z = flip ? nz - 1 - row : row
                        let from = (z * ny + index) * nx
                        let target = UnsafeMutableBufferPointer(rebasing: buffer[(row * nx)..<((row + 1) * nx)])
                        _ = target.initialize(from: source[from..<(from + nx)])
                        row &+= 1
                    }
                    count = nx * nz
                }
                return Slice(width: nx, height: nz, flipped: flip, voxels: out)
            case .sagittal:
                let out = [Int16](unsafeUninitializedCapacity: ny * nz) { buffer, count in
                    guard let base = buffer.baseAddress, let src = source.baseAddress else { count = 0; return }
                    var row = 0
                    while row < nz {
                        let z = flip ? nz - 1 - row : row
                        var y = 0
                        let rowStart = z * ny * nx + index
                        while y < ny {
                            (base + row * ny + y).initialize(to: src[rowStart + y * nx])
                            y &+= 1
                        }
                        row &+= 1
                    }
                    count = ny * nz
                }
                return Slice(width: ny, height: nz, flipped: flip, voxels: out)
            }
        }
    }
}
