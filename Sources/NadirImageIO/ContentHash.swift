internal import Crypto
internal import Foundation
public import NadirImaging

/// SHA-256 (FIPS 180-4, via swift-crypto) of a volume's voxels and geometry: the identity of an imported scan,
/// equal for the same voxels on the same grid whatever file format or tool they came through.
///
/// The digest covers a canonical text preamble, then the voxel bytes in little-endian order, x fastest:
/// ```
/// nadir-volume-v1
/// type int16
/// size 512 512 300
/// origin -249.500000 -249.500000 -120.000000        (LPS mm, 6 decimals)
/// spacing 0.976562 0.976562 1.250000                (mm, 6 decimals)
/// direction 1.000000000 0.000000000 ... 1.000000000 (9 values, column by column, 9 decimals)
/// <blank line>
/// ```
/// Rounding makes the hash stable against the last bits of float32 headers (NIfTI-1) and float64 ones
/// (NIfTI-2, DICOM) that describe the same grid; `-0` prints as `0`.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The digest as 64 lower-case hexadecimal digits.
    public let hex: String

    /// The hash of `volume`.
    public init(of volume: AnyVolume) {
        var hasher = SHA256()
        hasher.update(data: Data(Self.preamble(of: volume).utf8))
        volume.withUnsafeBytes { raw in
            if 1.littleEndian == 1 {
                hasher.update(bufferPointer: raw)
            } else {
                var swapped = [UInt8](raw)
                swapped.withUnsafeMutableBytes { swapBytes($0, width: VoxelType(of: volume).byteCount) }
                swapped.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            }
        }
        hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// "sha256:" and the hex digest.
    public var description: String { "sha256:" + hex }

    /// The canonical text that precedes the voxel bytes.
    static func preamble(of volume: AnyVolume) -> String {
        let g = volume.geometry
        func fixed(_ values: [Double], _ decimals: Int) -> String {
            values.map { value in
                let text = String(format: "%.\(decimals)f", value)
                return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
            }.joined(separator: " ")
        }
        let d = g.direction
        return """
            nadir-volume-v1
            type \(volume.voxelTypeName)
            size \(g.size.x) \(g.size.y) \(g.size.z)
            origin \(fixed([g.origin.x, g.origin.y, g.origin.z], 6))
            spacing \(fixed([g.spacing.x, g.spacing.y, g.spacing.z], 6))
            direction \(fixed([d.c0.x, d.c0.y, d.c0.z, d.c1.x, d.c1.y, d.c1.z, d.c2.x, d.c2.y, d.c2.z], 9))


            """
    }
}

extension AnyVolume {
    /// The volume's content hash (see `ContentHash`).
    public var contentHash: ContentHash { ContentHash(of: self) }
}
