public import NadirImaging

extension ComponentLabeling {
    /// The components as a label map, largest first (label 1 = largest; ties keep raster order), dropping
    /// components smaller than `minimumVoxelCount` (SimpleITK `RelabelComponent` semantics).
    ///
    /// Throws `tooManyComponents` if more than 65535 components remain: raise `minimumVoxelCount`.
    public func relabeledBySize(minimumVoxelCount: Int = 1) throws(SegmentationError) -> LabelMap {
        let order = voxelCounts.indices.sorted { a, b in
            voxelCounts[a] != voxelCounts[b] ? voxelCounts[a] > voxelCounts[b] : a < b
        }
        var map = [UInt16](repeating: 0, count: voxelCounts.count + 1)
        var next = 0
        for k in order where voxelCounts[k] >= max(1, minimumVoxelCount) {
            next += 1
            guard next <= Int(UInt16.max) else {
                throw SegmentationError(.tooManyComponents,
                                        detail: "more than 65535 components of at least \(minimumVoxelCount) voxels; "
                                            + "raise the minimum size")
            }
            map[k + 1] = UInt16(next)
        }
        return LabelMap(geometry: geometry) { out in runs.write(into: out, parallel: true, map: map) }
    }
}

/// Binary operations on a dense box of voxels: the working form of every region-of-interest step.
struct BoxMask {
    var size: SIMD3<Int>
    /// Distance between voxel centres (mm) along each axis.
    var spacing: SIMD3<Double>
    var voxels: [UInt8]

    init(size: SIMD3<Int>, spacing: SIMD3<Double>, voxels: [UInt8]) {
        self.size = size
        self.spacing = spacing
        self.voxels = voxels
    }

    init(size: SIMD3<Int>, spacing: SIMD3<Double>) {
        self.init(size: size, spacing: spacing, voxels: [UInt8](repeating: 0, count: size.x * size.y * size.z))
    }

    var count: Int { voxels.count }

    func offset(_ p: SIMD3<Int>) -> Int { (p.z * size.y + p.y) * size.x + p.x }

    /// Component numbers of every voxel and the component sizes.
    func components(_ connectivity: Connectivity) -> (labels: [UInt32], sizes: [Int]) {
        let runs = voxels.withUnsafeBufferPointer {
            RunLabeler.label($0, size: size, connectivity: connectivity, parallel: false)
        }
        let labels = [UInt32](unsafeUninitializedCapacity: count) { b, c in
            runs.write(into: b, parallel: false, map: nil)
            c = count
        }
        return (labels, runs.sizes)
    }

    /// Only the component holding `index`, or the one nearest to it (mm) when `index` is background;
    /// empty when the mask is.
    func keepingComponent(nearest index: SIMD3<Int>, connectivity: Connectivity) -> BoxMask {
        let (labels, sizes) = components(connectivity)
        guard !sizes.isEmpty else { return self }
        var chosen: UInt32 = 0
        if all(index .>= .zero), all(index .< size) { chosen = labels[offset(index)] }
        if chosen == 0 {
            var best = Double.infinity
            for z in 0..<size.z {
                for y in 0..<size.y {
                    for x in 0..<size.x {
                        let l = labels[(z * size.y + y) * size.x + x]
                        guard l != 0 else { continue }
                        let d = (SIMD3<Double>(SIMD3(x, y, z) &- index) * spacing)
                        let d2 = (d * d).sum()
                        if d2 < best { best = d2; chosen = l }
                    }
                }
            }
        }
        var out = self
        for i in 0..<count { out.voxels[i] = labels[i] == chosen ? 1 : 0 }
        return out
    }

    /// The mask with every background cavity that does not reach the box's border filled (6-connected
    /// background, the dual of 26-connected foreground).
    func fillingHoles() -> BoxMask {
        var background = self
        for i in 0..<count { background.voxels[i] = voxels[i] == 0 ? 1 : 0 }
        let (labels, sizes) = background.components(.six)
        var touchesBorder = [Bool](repeating: false, count: sizes.count + 1)
        for z in 0..<size.z {
            for y in 0..<size.y {
                for x in 0..<size.x {
                    let onBorder = x == 0 || y == 0 || z == 0 || x == size.x - 1 || y == size.y - 1 || z == size.z - 1
                    if onBorder { touchesBorder[Int(labels[(z * size.y + y) * size.x + x])] = true }
                }
            }
        }
        var out = self
        for i in 0..<count where voxels[i] == 0 && !touchesBorder[Int(labels[i])] { out.voxels[i] = 1 }
        return out
    }

    var isEmpty: Bool { !voxels.contains { $0 != 0 } }

    /// The bounding box of the foreground grown by `margin` and clipped to the box; nil when empty.
    func bounds(margin: SIMD3<Int>) -> IndexRegion? {
        var lo = SIMD3<Int>(repeating: Int.max), hi = SIMD3<Int>(repeating: Int.min)
        var i = 0
        for z in 0..<size.z { for y in 0..<size.y { for x in 0..<size.x {
            if voxels[i] != 0 {
                lo = pointwiseMin(lo, SIMD3(x, y, z))
                hi = pointwiseMax(hi, SIMD3(x, y, z))
            }
            i += 1
        } } }
        guard lo.x <= hi.x else { return nil }
        return IndexRegion(lower: lo, upper: hi).padded(by: margin, clippedTo: size)
    }

    /// The voxels of `box`.
    func cropped(to box: IndexRegion) -> BoxMask {
        BoxMask(size: box.size, spacing: spacing, voxels: BoxMask.crop(voxels, size: size, to: box))
    }

    /// Writes `sub` (a crop of this box at `box`) back in place.
    mutating func paste(_ sub: BoxMask, at box: IndexRegion) {
        let s = box.size
        var i = 0
        for z in 0..<s.z { for y in 0..<s.y {
            var o = ((box.lower.z + z) * size.y + box.lower.y + y) * size.x + box.lower.x
            for _ in 0..<s.x {
                voxels[o] = sub.voxels[i]
                i += 1
                o += 1
            }
        } }
    }

    /// The elements of an x-fastest array of `size` that lie in `box`.
    static func crop<T>(_ a: [T], size: SIMD3<Int>, to box: IndexRegion) -> [T] {
        let s = box.size
        var out: [T] = []
        out.reserveCapacity(box.voxelCount)
        for z in 0..<s.z { for y in 0..<s.y {
            let o = ((box.lower.z + z) * size.y + box.lower.y + y) * size.x + box.lower.x
            out.append(contentsOf: a[o..<(o + s.x)])
        } }
        return out
    }
}
