public import NadirImaging

/// Which neighbours of a voxel touch it: faces (6), faces and edges (18), or faces, edges and corners (26).
public enum Connectivity: Int, Hashable, Sendable, CaseIterable {
    /// Neighbours sharing a face.
    case six = 6
    /// Neighbours sharing a face or an edge.
    case eighteen = 18
    /// Neighbours sharing a face, an edge or a corner.
    case twentySix = 26

    /// The earlier rows a row's runs can touch: (dy, dz, how far runs may be apart in x and still touch).
    var previousRows: [(dy: Int, dz: Int, reach: Int32)] {
        switch self {
        case .six: [(-1, 0, 0), (0, -1, 0)]
        case .eighteen: [(-1, 0, 1), (0, -1, 1), (-1, -1, 0), (1, -1, 0)]
        case .twentySix: [(-1, 0, 1), (0, -1, 1), (-1, -1, 1), (1, -1, 1)]
        }
    }
}

/// The connected components of a binary mask, numbered 1, 2, ... in raster order of their first voxel.
///
/// Held as runs (a few bytes per run, not 4 per voxel): a volume is written only when asked for, either the
/// 32-bit component numbers (`labelVolume()`) or a 16-bit label map relabelled by size (`relabeledBySize`).
public struct ComponentLabeling: Sendable {
    let runs: RunLabeler
    /// The mask's geometry.
    public let geometry: ImageGeometry
    /// Voxel count of each component: `voxelCounts[k - 1]` is the size of component `k`.
    public var voxelCounts: [Int] { runs.sizes }
    /// Number of components.
    public var count: Int { runs.sizes.count }

    /// One component number per voxel (0 = background), on the mask's geometry.
    public func labelVolume() -> Volume<UInt32> {
        Volume<UInt32>(geometry: geometry) { out in runs.write(into: out, parallel: true, map: nil) }
    }
}

/// Connected-component labelling of binary masks (any non-zero voxel is foreground).
///
/// Run-based two-pass labelling: each image row is cut into runs of foreground, runs are joined with the
/// runs of the earlier rows they touch (union-find with path halving), and the output is written run by run.
/// Work is proportional to the number of runs, not voxels, after one byte scan that skips empty words; the
/// scan and the output are split across cores by slabs of slices. (After He, Chao and Suzuki, "A run-based
/// two-scan labeling algorithm", IEEE TIP 2008, extended to 3D neighbourhoods.)
public enum ConnectedComponents {
    /// Labels the components of `mask` under `connectivity`.
    public static func label(_ mask: Volume<UInt8>, connectivity: Connectivity = .twentySix) -> ComponentLabeling {
        let size = mask.geometry.size
        let result = mask.withUnsafeVoxels { m in
            RunLabeler.label(m, size: size, connectivity: connectivity, parallel: true)
        }
        return ComponentLabeling(runs: result, geometry: mask.geometry)
    }
}

/// The runs of a mask and the component of each run; shared by whole-volume labelling and ROI steps.
struct RunLabeler: Sendable {
    var size: SIMD3<Int>
    /// Index of each row's first run; `rowStart[row + 1]` ends it (rows in x-fastest order, row = z*ny + y).
    var rowStart: [Int32]
    var runStart: [Int32]
    var runEnd: [Int32]
    /// Component (1-based) of each run.
    var component: [UInt32]
    /// Voxel count per component (index = component - 1).
    var sizes: [Int]

    static func slabs(_ nz: Int, parallel: Bool) -> Int { parallel ? max(1, min(nz, 8)) : 1 }

    /// Finds the runs of `mask` and the components they form.
    static func label(_ mask: UnsafeBufferPointer<UInt8>, size: SIMD3<Int>, connectivity: Connectivity,
                      parallel: Bool) -> RunLabeler {
        let (nx, ny, nz) = (size.x, size.y, size.z)
        let rows = ny * nz
        let slabCount = slabs(nz, parallel: parallel)
        // Pass 1: runs per slab of slices, in parallel.
        var slabRuns = [(starts: [Int32], ends: [Int32], perRow: [Int32])](repeating: ([], [], []), count: slabCount)
        slabRuns.withUnsafeMutableBufferPointer { slabOut in
            let out = slabOut
            let body: (Int) -> Void = { s in
                let z0 = nz * s / slabCount, z1 = nz * (s + 1) / slabCount
                var starts: [Int32] = [], ends: [Int32] = []
                var perRow = [Int32](repeating: 0, count: (z1 - z0) * ny)
                guard let base = mask.baseAddress else { return }
                let raw = UnsafeRawPointer(base)
                for r in (z0 * ny)..<(z1 * ny) {
                    let row = r * nx
                    var x = 0
                    var n: Int32 = 0
                    while x < nx {
                        if x &+ 8 <= nx, raw.loadUnaligned(fromByteOffset: row &+ x, as: UInt64.self) == 0 {
                            x &+= 8
                            continue
                        }
                        if base[row &+ x] == 0 { x &+= 1; continue }
                        let start = x
                        x &+= 1
                        while x < nx, base[row &+ x] != 0 { x &+= 1 }
                        starts.append(Int32(start))
                        ends.append(Int32(x))
                        n &+= 1
                    }
                    perRow[r - z0 * ny] = n
                }
                out[s] = (starts, ends, perRow)
            }
            Parallel.forEach(slabCount, body)
        }
        var rowStart = [Int32](repeating: 0, count: rows + 1)
        var runStart: [Int32] = [], runEnd: [Int32] = []
        let total = slabRuns.reduce(0) { $0 + $1.starts.count }
        runStart.reserveCapacity(total)
        runEnd.reserveCapacity(total)
        var r = 0
        for slab in slabRuns {
            runStart += slab.starts
            runEnd += slab.ends
            for n in slab.perRow {
                rowStart[r + 1] = rowStart[r] + n
                r += 1
            }
        }
        // Pass 2: union-find over runs that touch across earlier rows.
        var parent = [Int32](unsafeUninitializedCapacity: total) { b, c in
            for i in 0..<total { b[i] = Int32(i) }
            c = total
        }
        let neighbours = connectivity.previousRows
        parent.withUnsafeMutableBufferPointer { p in
            @inline(__always) func find(_ i: Int32) -> Int32 {
                var i = i
                while p[Int(i)] != i {
                    let g = p[Int(p[Int(i)])]
                    p[Int(i)] = g
                    i = g
                }
                return i
            }
            runStart.withUnsafeBufferPointer { rs in
                runEnd.withUnsafeBufferPointer { re in
                    rowStart.withUnsafeBufferPointer { row in
                        for z in 0..<nz {
                            for y in 0..<ny {
                                let current = z * ny + y
                                let a0 = Int(row[current]), a1 = Int(row[current + 1])
                                if a0 == a1 { continue }
                                for (dy, dz, reach) in neighbours {
                                    let yy = y + dy, zz = z + dz
                                    if yy < 0 || yy >= ny || zz < 0 { continue }
                                    let other = zz * ny + yy
                                    var j = Int(row[other])
                                    let j1 = Int(row[other + 1])
                                    var i = a0
                                    while i < a1, j < j1 {
                                        if rs[j] < re[i] &+ reach, rs[i] < re[j] &+ reach {
                                            let ri = find(Int32(i)), rj = find(Int32(j))
                                            if ri != rj { if ri < rj { p[Int(rj)] = ri } else { p[Int(ri)] = rj } }
                                        }
                                        if re[i] < re[j] { i &+= 1 } else { j &+= 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Pass 3: number the roots in raster order and count voxels.
        var component = [UInt32](repeating: 0, count: total)
        var sizes: [Int] = []
        for i in 0..<total {
            let root = Int(parent[i])  // roots have the smallest index of their set, so they come first
            if root == i {
                sizes.append(0)
                component[i] = UInt32(sizes.count)
            } else {
                var q = root
                while Int(parent[q]) != q { q = Int(parent[q]) }
                component[i] = component[q]
            }
            sizes[Int(component[i]) - 1] += Int(runEnd[i] - runStart[i])
        }
        return RunLabeler(size: size, rowStart: rowStart, runStart: runStart, runEnd: runEnd,
                          component: component, sizes: sizes)
    }

    /// Writes the component numbers of every voxel (0 for background) into `out`.
    func write<T: FixedWidthInteger>(into out: UnsafeMutableBufferPointer<T>, parallel: Bool, map: [T]?) {
        let (nx, ny, nz) = (size.x, size.y, size.z)
        let slabCount = RunLabeler.slabs(nz, parallel: parallel)
        rowStart.withUnsafeBufferPointer { row in
            runStart.withUnsafeBufferPointer { rs in
                runEnd.withUnsafeBufferPointer { re in
                    component.withUnsafeBufferPointer { comp in
                        let body: (Int) -> Void = { s in
                            let z0 = nz * s / slabCount, z1 = nz * (s + 1) / slabCount
                            for r in (z0 * ny)..<(z1 * ny) {
                                let base = r * nx
                                var x = 0
                                for k in Int(row[r])..<Int(row[r + 1]) {
                                    let s0 = Int(rs[k]), e0 = Int(re[k])
                                    while x < s0 { out[base &+ x] = 0; x &+= 1 }
                                    let c = comp[k]
                                    let value = map.map { $0[Int(c)] } ?? T(truncatingIfNeeded: c)
                                    while x < e0 { out[base &+ x] = value; x &+= 1 }
                                }
                                while x < nx { out[base &+ x] = 0; x &+= 1 }
                            }
                        }
                        Parallel.forEach(slabCount, body)
                    }
                }
            }
        }
    }
}
