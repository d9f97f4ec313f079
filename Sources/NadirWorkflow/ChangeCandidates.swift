public import NadirImaging
internal import NadirSegmentation

/// Candidate new lesions by subtraction: where the follow-up differs from the registered baseline by more than
/// noise and misregistration explain, in compact blobs away from every tracked lesion.
///
/// Both scans are smoothed (two 3x3x3 box passes, about a Gaussian of one voxel) so that the threshold acts on
/// tissue, not noise; an opening of `openingRadius` mm removes the thin rims that sub-voxel misregistration leaves
/// at strong edges (lung, bone); blobs smaller than `minimumVolume` mm³ are dropped.
public struct ChangeCandidates: Sendable {
    /// Absolute HU difference above which tissue counts as changed.
    public var threshold: Float = 25
    /// Opening radius (mm) that removes edge rims.
    public var openingRadius: Double = 1.5
    /// Smallest candidate volume, mm³ (100 mm³ ~ a sphere of 5.8 mm).
    public var minimumVolume: Double = 100
    /// Changes within this distance (mm) of the air outside the body are not candidates: a slightly different
    /// body outline (breathing, positioning, a tilted follow-up) changes there, lesions rarely appear there.
    public var surfaceMargin: Double = 10
    /// Changes within this distance (mm) of bone (> 300 HU in either scan) are not candidates: thin bone (ribs)
    /// interpolated across thick slices differs from itself by hundreds of HU. Bone metastases are therefore
    /// not proposed by subtraction; they are placed by a person.
    public var boneMargin: Double = 4

    public init() {}

    /// Changed blobs of `followUp` against `registeredBaseline` (on the follow-up grid): centroids (LPS mm) and
    /// volumes (mm³), largest first.
    ///
    /// - Parameter covered: 1 where the registered baseline covers the follow-up (outside its field of view the
    ///   difference means nothing); eroded here by a margin so field-of-view edges never count.
    public func find(followUp: Volume<Int16>, registeredBaseline: Volume<Int16>,
                     covered: Volume<UInt8>) throws -> [(centroid: SIMD3<Double>, volume: Double)] {
        let g = followUp.geometry
        let a = Self.smoothed(followUp), b = Self.smoothed(registeredBaseline)
        // A lesion is tissue now: soft-tissue density in the (unsmoothed) follow-up, not air, not bone.
        let tissue: ClosedRange<Float> = -150...250
        var coveredLabels = LabelMap(geometry: g, repeating: 0)
        try coveredLabels.paste(covered, as: 1)
        var inside = try Morphology.apply(.erode, radius: 8, to: 1, in: coveredLabels).mask(of: 1)
        let nearSurface = try Self.nearExteriorAir(followUp, margin: surfaceMargin)
        let nearBone = try Self.nearBone(followUp, registeredBaseline, margin: boneMargin)
        inside.withUnsafeMutableVoxels { keep in
            nearSurface.withUnsafeVoxels { surface in
                nearBone.withUnsafeVoxels { bone in
                    var i = 0
                    while i < keep.count {
                        if surface[i] != 0 || bone[i] != 0 { keep[i] = 0 }
                        i &+= 1
                    }
                }
            }
        }
        var changed = Volume<UInt8>(geometry: g, repeating: 0)
        let limit = threshold
        followUp.withUnsafeVoxels { raw in
            a.withUnsafeVoxels { fa in
                b.withUnsafeVoxels { fb in
                    inside.withUnsafeVoxels { ok in
                        changed.withUnsafeMutableVoxels { out in
                            var i = 0
                            let n = out.count
                            while i < n {
                                let now = Float(raw[i])
                                out[i] = ok[i] != 0 && abs(fa[i] - fb[i]) > limit && tissue.contains(now) ? 1 : 0
                                i &+= 1
                            }
                        }
                    }
                }
            }
        }
        var labels = LabelMap(geometry: g, repeating: 0)
        try labels.paste(changed, as: 1)
        // The opening must be at least about a voxel wide to remove one-voxel rims on coarse grids.
        let radius = max(openingRadius, 1.1 * max(g.spacing.x, g.spacing.y, g.spacing.z))
        let opened = try Morphology.apply(.open, radius: radius, to: 1, in: labels)
        let components = ConnectedComponents.label(opened.mask(of: 1), connectivity: .twentySix)
        let relabeled = try components.relabeledBySize(minimumVoxelCount: max(1, Int(minimumVolume / g.voxelVolume)))
        return relabeled.labelSummaries().map { summary in
            let mask = relabeled.mask(of: summary.label)
            return (LesionImaging.centroid(of: mask), Double(summary.voxelCount) * g.voxelVolume)
        }
    }

    /// Voxels within `margin` mm of bone (> 300 HU) in either scan.
    static func nearBone(_ a: Volume<Int16>, _ b: Volume<Int16>, margin: Double) throws -> Volume<UInt8> {
        var bone = a.converted { UInt8($0 > 300 ? 1 : 0) }
        b.withUnsafeVoxels { other in
            bone.withUnsafeMutableVoxels { out in
                var i = 0
                while i < out.count {
                    if other[i] > 300 { out[i] = 1 }
                    i &+= 1
                }
            }
        }
        var labels = LabelMap(geometry: a.geometry, repeating: 0)
        try labels.paste(bone, as: 1)
        return try Morphology.apply(.dilate, radius: margin, to: 1, in: labels).mask(of: 1)
    }

    /// Voxels within `margin` mm of the air outside the body: air (< -500 HU) connected to a side face of the
    /// volume (the lungs are air too, but enclosed in-plane).
    static func nearExteriorAir(_ ct: Volume<Int16>, margin: Double) throws -> Volume<UInt8> {
        let g = ct.geometry
        let air = ct.converted { UInt8($0 < -500 ? 1 : 0) }
        let labeling = ConnectedComponents.label(air, connectivity: .six)
        let components = labeling.labelVolume()
        // A lookup table by component number (0 = background stays false).
        var exterior = [Bool](repeating: false, count: labeling.count + 1)
        components.withUnsafeVoxels { labels in
            func mark(_ x: Int, _ y: Int, _ z: Int) {
                let label = Int(labels[g.offset(x: x, y: y, z: z)])
                if label > 0 { exterior[label] = true }
            }
            for z in 0..<g.size.z {
                for y in 0..<g.size.y { mark(0, y, z); mark(g.size.x - 1, y, z) }
                for x in 0..<g.size.x { mark(x, 0, z); mark(x, g.size.y - 1, z) }
            }
        }
        let outside = components.converted { exterior[Int($0)] ? UInt8(1) : UInt8(0) }
        var labels = LabelMap(geometry: g, repeating: 0)
        try labels.paste(outside, as: 1)
        return try Morphology.apply(.dilate, radius: margin, to: 1, in: labels).mask(of: 1)
    }

    /// Two passes of a separable 3-voxel box filter, as Float.
    static func smoothed(_ volume: Volume<Int16>) -> Volume<Float> {
        var current = volume.converted { Float($0) }
        let size = volume.geometry.size
        for _ in 0..<2 {
            for axis in 0..<3 {
                current = boxPass(current, axis: axis, size: size)
            }
        }
        return current
    }

    static func boxPass(_ volume: Volume<Float>, axis: Int, size: SIMD3<Int>) -> Volume<Float> {
        let stride = axis == 0 ? 1 : axis == 1 ? size.x : size.x * size.y
        let extent = axis == 0 ? size.x : axis == 1 ? size.y : size.z
        var out = volume
        volume.withUnsafeVoxels { src in
            out.withUnsafeMutableVoxels { dst in
                let n = src.count
                var i = 0
                while i < n {
                    let position = (i / stride) % extent
                    let previous = position > 0 ? src[i - stride] : src[i]
                    let next = position < extent - 1 ? src[i + stride] : src[i]
                    dst[i] = (previous + src[i] + next) / 3
                    i &+= 1
                }
            }
        }
        return out
    }
}
