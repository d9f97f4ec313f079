internal import Foundation
internal import NadirImaging
internal import NadirModel
internal import NadirWorkflow

/// A lesion's mask and axes as the viewer draws them: the mask cut to its bounding box (one byte per voxel,
/// base64), from which the page traces the contour on any plane, and the long/short axis endpoints in LPS mm.
struct LesionOverlay: Sendable, Encodable {
    var bboxMin: [Int]
    var bboxSize: [Int]
    var mask: String
    var longAxis: [[Double]]
    var shortAxis: [[Double]]
    var longAxisMM: Double?
    var shortAxisMM: Double?
    var volumeMM3: Double?
    var voxelCount: Int

    init(outcome: LesionImaging.Outcome) {
        let mask = outcome.mask
        let g = mask.geometry
        var lo = SIMD3<Int>(g.size.x, g.size.y, g.size.z), hi = SIMD3<Int>(-1, -1, -1)
        mask.withUnsafeVoxels { voxels in
            var i = 0
            let nx = g.size.x, nxy = g.size.x * g.size.y
            while i < voxels.count {
                if voxels[i] != 0 {
                    let p = SIMD3<Int>(i % nx, (i / nx) % g.size.y, i / nxy)
                    lo = pointwiseMin(lo, p)
                    hi = pointwiseMax(hi, p)
                }
                i &+= 1
            }
        }
        if hi.x < 0 { lo = .zero; hi = SIMD3(-1, -1, -1) }
        let size = hi &- lo &+ 1
        var bytes = [UInt8](repeating: 0, count: max(0, size.x * size.y * size.z))
        if !bytes.isEmpty {
            mask.withUnsafeVoxels { voxels in
                for z in 0..<size.z {
                    for y in 0..<size.y {
                        let from = g.offset(x: lo.x, y: lo.y + y, z: lo.z + z)
                        let to = (z * size.y + y) * size.x
                        for x in 0..<size.x { bytes[to + x] = voxels[from + x] }
                    }
                }
            }
        }
        bboxMin = [lo.x, lo.y, lo.z]
        bboxSize = [size.x, size.y, size.z]
        self.mask = Data(bytes).base64EncodedString()
        let (l0, l1) = outcome.longAxisEndpoints, (s0, s1) = outcome.shortAxisEndpoints
        longAxis = [[l0.x, l0.y, l0.z], [l1.x, l1.y, l1.z]]
        shortAxis = [[s0.x, s0.y, s0.z], [s1.x, s1.y, s1.z]]
        let m = outcome.measurement
        longAxisMM = m.longAxis.map { Double($0.units) / 100 }
        shortAxisMM = m.shortAxis.map { Double($0.units) / 100 }
        volumeMM3 = m.volume.map { Double($0.units) / 100 }
        voxelCount = outcome.voxelCount
    }
}
