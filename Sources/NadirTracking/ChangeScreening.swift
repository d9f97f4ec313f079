public import NadirImaging
public import NadirRegistration
internal import NadirSegmentation

/// A blob of tissue that changed between baseline and follow-up: where a new lesion may be.
public struct ChangedBlob: Hashable, Sendable {
    /// Its centroid in the follow-up, LPS mm.
    public var centroid: SIMD3<Double>
    /// Its volume on the screening grid, mm³.
    public var volume: Double
}

/// Screening for candidate new lesions by subtraction, on a coarse grid and only where something changed.
///
/// 1. Both scans are block-averaged to about `screeningSpacing` (a 0.7 x 0.7 x 1 mm scan becomes 2.1 x 2.1 x 2 mm,
///    18 times fewer voxels, noise SD / 4.2); the baseline's blocks are sampled through the registration at the
///    follow-up's blocks (trilinear), so no full-resolution resampling is done.
/// 2. A block has changed when |follow-up - registered baseline| > `changeThreshold`, its follow-up density is
///    tissue, and both fields of view cover it with `fieldOfViewMargin` to spare.
/// 3. Only the changed blocks are then tested: near exterior air or bone (ball look-ups around each changed
///    block, not dilations of whole volumes), an opening that removes misregistration rims, 26-connected
///    components, blobs of at least `minimumBlobVolume`.
///
/// All passes over blocks run on every core.
public struct ChangeScreening: Sendable {
    /// The thresholds.
    public var parameters: TrackingParameters

    /// Makes a screening with the given thresholds.
    public init(_ parameters: TrackingParameters = TrackingParameters()) {
        self.parameters = parameters
    }

    /// Changed blobs of `followUp` against `baseline` seen through `toFollowUp` (baseline point -> follow-up
    /// point, the registration with the baseline fixed), largest first.
    public func find(baseline: Volume<Int16>, followUp: Volume<Int16>, toFollowUp: RigidTransform) throws(TrackingError)
        -> [ChangedBlob]
    {
        let p = parameters
        let grid = ScreeningGrid(followUp.geometry, spacing: p.screeningSpacing)
        let baseGrid = ScreeningGrid(baseline.geometry, spacing: p.screeningSpacing)
        let g = grid.coarse
        let back = toFollowUp.inverse
        guard let toBaseBlocks = ScreeningGrid.indexMap(from: g, to: baseGrid.coarse, transform: back.apply(to:)),
              let toBaseVoxels = ScreeningGrid.indexMap(from: g, to: baseline.geometry, transform: back.apply(to:))
        else {
            throw TrackingError(.invalidImage, detail: "a scan's direction matrix is singular; the scans cannot be compared")
        }
        var (now, nowMax) = grid.reduce(followUp)
        let (before, beforeMax) = baseGrid.reduce(baseline)
        let count = now.count
        let size = g.size, bs = baseGrid.coarse.size, fineBase = baseline.geometry.size
        // Registered baseline at each follow-up block, and flags: 1 covered by both fields of view, 2 bone.
        var registered = [Float](repeating: 0, count: count)
        var flags = [UInt8](repeating: 0, count: count)
        let followMargin = SIMD3<Double>(repeating: p.fieldOfViewMargin) / followUp.geometry.spacing
        let baseMargin = SIMD3<Double>(repeating: p.fieldOfViewMargin) / baseline.geometry.spacing
        let fineFollow = SIMD3<Double>(followUp.geometry.size &- 1)
        let fineBaseMax = SIMD3<Double>(fineBase &- 1), blocksMax = SIMD3<Double>(bs &- 1)
        let factor = SIMD3<Double>(grid.factor), half = (factor - 1) / 2
        let boneHU = Int16(clamping: Int(p.boneThreshold.rounded(.down)))
        now.withUnsafeBufferPointer { nowValues in
            before.withUnsafeBufferPointer { beforeValues in
                beforeMax.withUnsafeBufferPointer { beforePeaks in
                    nowMax.withUnsafeBufferPointer { nowPeaks in
                        registered.withUnsafeMutableBufferPointer { out in
                            flags.withUnsafeMutableBufferPointer { flag in
                                Parallel.forEachChunk(count: size.z) { slabs in
                                    for z in slabs {
                                        for y in 0..<size.y {
                                            let row = SIMD3<Double>(0, Double(y), Double(z))
                                            var blocks = toBaseBlocks.0 + toBaseBlocks.2 * row.y + toBaseBlocks.3 * row.z
                                            var voxels = toBaseVoxels.0 + toBaseVoxels.2 * row.y + toBaseVoxels.3 * row.z
                                            var o = (z * size.y + y) * size.x
                                            for x in 0..<size.x {
                                                defer {
                                                    blocks += toBaseBlocks.1
                                                    voxels += toBaseVoxels.1
                                                    o &+= 1
                                                }
                                                var f: UInt8 = nowPeaks[o] > boneHU ? 2 : 0
                                                out[o] = nowValues[o]
                                                let fine = SIMD3<Double>(Double(x), row.y, row.z) * factor + half
                                                let inFollow = all(fine .>= followMargin) && all(fine .<= fineFollow - followMargin)
                                                let inBase = all(voxels .>= baseMargin) && all(voxels .<= fineBaseMax - baseMargin)
                                                let c = pointwiseMin(pointwiseMax(blocks, .zero), blocksMax)
                                                let i0 = SIMD3<Int>(Int(c.x), Int(c.y), Int(c.z))
                                                let nearest = SIMD3<Int>(Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
                                                if all(blocks .>= -0.5) && all(blocks .<= blocksMax + 0.5),
                                                   beforePeaks[(nearest.z * bs.y + nearest.y) * bs.x + nearest.x] > boneHU {
                                                    f |= 2
                                                }
                                                if inFollow && inBase {
                                                    f |= 1
                                                    let i1 = SIMD3<Int>(min(i0.x + 1, bs.x - 1), min(i0.y + 1, bs.y - 1), min(i0.z + 1, bs.z - 1))
                                                    let t = SIMD3<Float>(Float(c.x - Double(i0.x)), Float(c.y - Double(i0.y)), Float(c.z - Double(i0.z)))
                                                    func at(_ xx: Int, _ yy: Int, _ zz: Int) -> Float { beforeValues[(zz * bs.y + yy) * bs.x + xx] }
                                                    let c00 = at(i0.x, i0.y, i0.z) * (1 - t.x) + at(i1.x, i0.y, i0.z) * t.x
                                                    let c10 = at(i0.x, i1.y, i0.z) * (1 - t.x) + at(i1.x, i1.y, i0.z) * t.x
                                                    let c01 = at(i0.x, i0.y, i1.z) * (1 - t.x) + at(i1.x, i0.y, i1.z) * t.x
                                                    let c11 = at(i0.x, i1.y, i1.z) * (1 - t.x) + at(i1.x, i1.y, i1.z) * t.x
                                                    let c0 = c00 * (1 - t.y) + c10 * t.y, c1 = c01 * (1 - t.y) + c11 * t.y
                                                    out[o] = c0 * (1 - t.z) + c1 * t.z
                                                }
                                                flag[o] = f
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Tissue and air are judged on the block means before any extra smoothing.
        let density = now
        if grid.blockSize < 4 {
            // Little or no averaging: two 3-voxel box passes (about a Gaussian of one voxel) so the threshold acts
            // on tissue, not noise.
            for _ in 0..<2 {
                for axis in 0..<3 {
                    ScreeningGrid.boxPass(&now, size: size, axis: axis)
                    ScreeningGrid.boxPass(&registered, size: size, axis: axis)
                }
            }
        }
        let threshold = Float(p.changeThreshold)
        let tissue = Float(p.tissueRange.lowerBound)...Float(p.tissueRange.upperBound)
        var air = Volume<UInt8>(geometry: g, repeating: 0)
        var changedList: [Int32] = []
        air.withUnsafeMutableVoxels { airOut in
            for o in 0..<count {
                let d = density[o]
                if d < -500 { airOut[o] = 1 }
                if flags[o] & 1 != 0, abs(now[o] - registered[o]) > threshold, tissue.contains(d) {
                    changedList.append(Int32(o))
                }
            }
        }
        guard !changedList.isEmpty else { return [] }
        let exterior = Self.exteriorAir(air)
        let nearSurface = Ball(radius: p.surfaceMargin, spacing: g.spacing)
        let nearBone = Ball(radius: p.boneMargin, spacing: g.spacing)
        // Keep changed blocks away from exterior air and bone.
        var keep = [UInt8](repeating: 0, count: changedList.count)
        changedList.withUnsafeBufferPointer { list in
            exterior.withUnsafeBufferPointer { outside in
                flags.withUnsafeBufferPointer { flag in
                    keep.withUnsafeMutableBufferPointer { kept in
                        Parallel.forEachChunk(count: list.count, minimumPerChunk: 512) { range in
                            for k in range {
                                let o = Int(list[k])
                                let nearAir = nearSurface.any(around: o, size: size) { outside[$0] != 0 }
                                let nearBoneHere = !nearAir && nearBone.any(around: o, size: size) { flag[$0] & 2 != 0 }
                                kept[k] = nearAir || nearBoneHere ? 0 : 1
                            }
                        }
                    }
                }
            }
        }
        let kept = zip(changedList, keep).compactMap { $1 != 0 ? Int($0) : nil }
        // Opening (erosion then dilation by a ball) of the kept set; its result lies inside the set, so only the
        // set's blocks are visited.
        let radius = max(p.openingRadius, 1.1 * max(g.spacing.x, g.spacing.y, g.spacing.z))
        let ball = Ball(radius: radius, spacing: g.spacing)
        var member = [UInt8](repeating: 0, count: count)
        for o in kept { member[o] = 1 }
        var eroded = [UInt8](repeating: 0, count: count)
        member.withUnsafeBufferPointer { inSet in
            eroded.withUnsafeMutableBufferPointer { out in
                kept.withUnsafeBufferPointer { list in
                    Parallel.forEachChunk(count: list.count, minimumPerChunk: 512) { range in
                        for k in range {
                            let o = list[k]
                            out[o] = ball.all(around: o, size: size) { inSet[$0] != 0 } ? 1 : 0
                        }
                    }
                }
            }
        }
        var opened = Volume<UInt8>(geometry: g, repeating: 0)
        var openedList: [Int] = []
        opened.withUnsafeMutableVoxels { out in
            for o in kept where ball.any(around: o, size: size, { eroded[$0] != 0 }) {
                out[o] = 1
                openedList.append(o)
            }
        }
        guard !openedList.isEmpty else { return [] }
        let labels = ConnectedComponents.label(opened, connectivity: .twentySix).labelVolume()
        var sums: [Int: (count: Int, sum: SIMD3<Double>)] = [:]
        labels.withUnsafeVoxels { label in
            for o in openedList {
                let l = Int(label[o])
                let index = SIMD3<Double>(Double(o % size.x), Double((o / size.x) % size.y), Double(o / (size.x * size.y)))
                let previous = sums[l] ?? (0, .zero)
                sums[l] = (previous.count + 1, previous.sum + index)
            }
        }
        let blockVolume = g.voxelVolume
        return sums.values.filter { Double($0.count) * blockVolume >= p.minimumBlobVolume }
            .map { ChangedBlob(centroid: g.physicalPoint(at: $0.sum / Double($0.count)), volume: Double($0.count) * blockVolume) }
            .sorted { $0.volume > $1.volume }
    }

    /// Air (flag 1) connected, 6-wise, to a side face of the volume (outside the body; the lungs are air too but
    /// enclosed in-plane): 1 there, 0 elsewhere.
    static func exteriorAir(_ air: Volume<UInt8>) -> [UInt8] {
        let g = air.geometry
        let components = ConnectedComponents.label(air, connectivity: .six)
        let labels = components.labelVolume()
        var exterior = [Bool](repeating: false, count: components.count + 1)
        var out = [UInt8](repeating: 0, count: g.voxelCount)
        labels.withUnsafeVoxels { label in
            func mark(_ x: Int, _ y: Int, _ z: Int) {
                let l = Int(label[g.offset(x: x, y: y, z: z)])
                if l > 0 { exterior[l] = true }
            }
            for z in 0..<g.size.z {
                for y in 0..<g.size.y { mark(0, y, z); mark(g.size.x - 1, y, z) }
                for x in 0..<g.size.x { mark(x, 0, z); mark(x, g.size.y - 1, z) }
            }
            for o in 0..<out.count where exterior[Int(label[o])] { out[o] = 1 }
        }
        return out
    }
}

/// The voxel offsets within `radius` mm of a voxel (anisotropic spacing), nearest first.
struct Ball: Sendable {
    let offsets: [SIMD3<Int>]

    init(radius: Double, spacing: SIMD3<Double>) {
        let reach = SIMD3<Int>(Int((radius / spacing.x).rounded(.down)), Int((radius / spacing.y).rounded(.down)),
                               Int((radius / spacing.z).rounded(.down)))
        var list: [(SIMD3<Int>, Double)] = []
        let r2 = radius * radius * (1 + 1e-9)
        for z in -reach.z...reach.z {
            for y in -reach.y...reach.y {
                for x in -reach.x...reach.x {
                    let d = SIMD3<Double>(Double(x), Double(y), Double(z)) * spacing
                    let d2 = (d * d).sum()
                    if d2 <= r2 { list.append((SIMD3(x, y, z), d2)) }
                }
            }
        }
        offsets = list.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Whether `test` holds at some offset (inside the grid) around offset `o`.
    @inline(__always)
    func any(around o: Int, size: SIMD3<Int>, _ test: (Int) -> Bool) -> Bool {
        let x = o % size.x, y = (o / size.x) % size.y, z = o / (size.x * size.y)
        for d in offsets {
            let px = x + d.x, py = y + d.y, pz = z + d.z
            guard px >= 0, py >= 0, pz >= 0, px < size.x, py < size.y, pz < size.z else { continue }
            if test((pz * size.y + py) * size.x + px) { return true }
        }
        return false
    }

    /// Whether `test` holds at every offset around offset `o` (outside the grid counts as false).
    @inline(__always)
    func all(around o: Int, size: SIMD3<Int>, _ test: (Int) -> Bool) -> Bool {
        let x = o % size.x, y = (o / size.x) % size.y, z = o / (size.x * size.y)
        for d in offsets {
            let px = x + d.x, py = y + d.y, pz = z + d.z
            guard px >= 0, py >= 0, pz >= 0, px < size.x, py < size.y, pz < size.z else { return false }
            if !test((pz * size.y + py) * size.x + px) { return false }
        }
        return true
    }
}
