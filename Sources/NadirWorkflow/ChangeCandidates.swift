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
        let inside = try Morphology.apply(.erode, radius: 8, to: 1, in: coveredLabels).mask(of: 1)
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
