import NadirImaging
import NadirSegmentation
import Testing

/// Run-based labelling against a naive, bounds-checked breadth-first flood fill written here.
@Suite struct ConnectedComponentsTests {
    static func randomMask(size: SIMD3<Int>, density: Double, seed: UInt64) -> Volume<UInt8> {
        var state = seed
        var mask = Volume<UInt8>(geometry: ImageGeometry(size: size), repeating: 0)
        for z in 0..<size.z { for y in 0..<size.y { for x in 0..<size.x {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if Double(state >> 11) / Double(1 << 53) < density { mask[x, y, z] = 1 }
        } } }
        return mask
    }

    static func offsets(_ c: Connectivity) -> [SIMD3<Int>] {
        var out: [SIMD3<Int>] = []
        for dz in -1...1 { for dy in -1...1 { for dx in -1...1 {
            let nonzero = abs(dx) + abs(dy) + abs(dz)
            if nonzero == 0 { continue }
            if c == .six && nonzero > 1 { continue }
            if c == .eighteen && nonzero > 2 { continue }
            out.append(SIMD3(dx, dy, dz))
        } } }
        return out
    }

    /// Reference labels: BFS in raster order of first voxel (the same numbering the labeller promises).
    static func reference(_ mask: Volume<UInt8>, _ c: Connectivity) -> (labels: [UInt32], sizes: [Int]) {
        let g = mask.geometry
        var labels = [UInt32](repeating: 0, count: g.voxelCount)
        var sizes: [Int] = []
        let neighbours = offsets(c)
        for z in 0..<g.size.z { for y in 0..<g.size.y { for x in 0..<g.size.x {
            let o = g.offset(x: x, y: y, z: z)
            guard mask[x, y, z] != 0, labels[o] == 0 else { continue }
            sizes.append(0)
            let id = UInt32(sizes.count)
            var queue = [SIMD3(x, y, z)]
            labels[o] = id
            var head = 0
            while head < queue.count {
                let p = queue[head]
                head += 1
                sizes[Int(id) - 1] += 1
                for d in neighbours {
                    let q = p &+ d
                    guard g.contains(index: q), mask[q.x, q.y, q.z] != 0 else { continue }
                    let oq = g.offset(x: q.x, y: q.y, z: q.z)
                    if labels[oq] == 0 { labels[oq] = id; queue.append(q) }
                }
            }
        } } }
        return (labels, sizes)
    }

    @Test(arguments: Connectivity.allCases, [0.25, 0.45])
    func matchesBreadthFirstReference(connectivity: Connectivity, density: Double) {
        let mask = Self.randomMask(size: [37, 23, 19], density: density, seed: 42)
        let result = ConnectedComponents.label(mask, connectivity: connectivity)
        let truth = Self.reference(mask, connectivity)
        #expect(result.voxelCounts == truth.sizes)
        #expect(result.labelVolume().voxels == truth.labels)
    }

    @Test func diagonalTouchesDependOnConnectivity() {
        var mask = Volume<UInt8>(geometry: ImageGeometry(size: [4, 4, 4]), repeating: 0)
        mask[0, 0, 0] = 1
        mask[1, 1, 0] = 1  // shares an edge with (0,0,0)
        mask[2, 2, 1] = 1  // shares a corner with (1,1,0)
        #expect(ConnectedComponents.label(mask, connectivity: .six).count == 3)
        #expect(ConnectedComponents.label(mask, connectivity: .eighteen).count == 2)
        #expect(ConnectedComponents.label(mask, connectivity: .twentySix).count == 1)
    }

    @Test func relabelBySizeOrdersLargestFirstAndDropsSmall() throws {
        var mask = Volume<UInt8>(geometry: ImageGeometry(size: [20, 5, 1]), repeating: 0)
        for x in 0..<2 { mask[x, 0, 0] = 1 }  // 2 voxels, first in raster order
        for x in 5..<12 { mask[x, 2, 0] = 1 }  // 7 voxels
        mask[15, 4, 0] = 1  // 1 voxel
        let labels = try ConnectedComponents.label(mask, connectivity: .six).relabeledBySize(minimumVoxelCount: 2)
        #expect(labels[5, 2, 0] == 1)
        #expect(labels[0, 0, 0] == 2)
        #expect(labels[15, 4, 0] == 0)
        #expect(labels.labelSummaries().map(\.voxelCount) == [7, 2])
    }

    @Test func labelsFromAFileVolumeRejectNegativeValues() {
        let bad = Volume<Int16>(geometry: ImageGeometry(size: [2, 2, 2]), voxels: [0, 1, 2, -3, 0, 0, 0, 0])!
        do {
            _ = try LabelMap(labelsFrom: .int16(bad))
            Issue.record("expected invalidLabelValue")
        } catch {
            #expect(error.code == .invalidLabelValue)
            #expect(error.index == SIMD3(1, 1, 0))
        }
    }
}
