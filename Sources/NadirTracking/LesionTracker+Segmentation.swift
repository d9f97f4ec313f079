internal import Foundation
public import NadirImaging
internal import NadirMeasurement
public import NadirModel
public import NadirSegmentation

/// Why a seeded segmentation gave nothing usable.
struct SegmentFailure: Error, CustomStringConvertible {
    var description: String
}

extension LesionTracker {
    /// Segments around `seed` and measures the result in its own region (padded by two voxels so the surface
    /// mesh closes), never on the whole scan.
    static func segment(_ ct: Volume<Int16>, at seed: SIMD3<Double>, preset: SegmentationPreset,
                        sources: [LesionID]) -> Result<FollowUpFinding, SegmentFailure> {
        let result: SegmentationResult
        do {
            result = try SeededSegmenter(preset: preset).segment(ct, seed: .physical(seed))
        } catch {
            return .failure(SegmentFailure(description: "failed: \(error)"))
        }
        guard result.voxelCount > 0 else {
            return .failure(SegmentFailure(description: "found no lesion voxels (preset \(preset.name))"))
        }
        let region = result.region.padded(by: [2, 2, 2], clippedTo: ct.geometry.size)
        let image = ct.cropped(to: region)
        var labels = LabelMap(geometry: image.geometry, repeating: 0)
        let measured: LesionMeasurement
        do {
            try labels.paste(result.mask, as: 1)
            measured = try LesionMeasurer().measure(label: 1, in: labels, image: .computedTomography(image))
        } catch {
            return .failure(SegmentFailure(description: "could not be measured: \(error)"))
        }
        let mask = labels.converted { $0 == 0 ? UInt8(0) : 1 }
        let location = Self.location(of: mask, offset: region.lower, keySlice: measured.longAxis.sliceIndex)
        return .success(FollowUpFinding(mask: mask, region: region, measurement: measured, location: location, seed: seed,
                                        preset: preset, sources: sources, reachedSizeLimit: result.reachedSizeLimit))
    }

    /// Centroid, bounding box (of voxel centres, axis-aligned in patient space) and key slice of a cropped mask;
    /// `offset` is the crop's place in the scan, `keySlice` the long axis's slice in the crop (else the slice
    /// with the most voxels).
    static func location(of mask: Volume<UInt8>, offset: SIMD3<Int>, keySlice: Int?) -> LesionLocation {
        let g = mask.geometry
        var sum = SIMD3<Double>.zero, count = 0
        var lower = SIMD3<Int>(repeating: .max), upper = SIMD3<Int>(repeating: .min)
        var perSlice = [Int](repeating: 0, count: g.size.z)
        mask.withUnsafeVoxels { v in
            var o = 0
            for z in 0..<g.size.z {
                for y in 0..<g.size.y {
                    for x in 0..<g.size.x {
                        if v[o] != 0 {
                            let i = SIMD3(x, y, z)
                            sum += SIMD3<Double>(i)
                            count += 1
                            lower = pointwiseMin(lower, i)
                            upper = pointwiseMax(upper, i)
                            perSlice[z] += 1
                        }
                        o &+= 1
                    }
                }
            }
        }
        guard count > 0 else {
            return LesionLocation(centroid: g.origin, boundingBoxLower: g.origin, boundingBoxUpper: g.origin, keySlice: offset.z)
        }
        var boxLower = SIMD3<Double>(repeating: .infinity), boxUpper = SIMD3<Double>(repeating: -.infinity)
        for corner in 0..<8 {
            let i = SIMD3<Int>(corner & 1 == 0 ? lower.x : upper.x, corner & 2 == 0 ? lower.y : upper.y,
                               corner & 4 == 0 ? lower.z : upper.z)
            let p = g.physicalPoint(at: i)
            boxLower = pointwiseMin(boxLower, p)
            boxUpper = pointwiseMax(boxUpper, p)
        }
        let busiest = perSlice.indices.max { perSlice[$0] < perSlice[$1] } ?? 0
        return LesionLocation(centroid: g.physicalPoint(at: sum / Double(count)), boundingBoxLower: boxLower,
                              boundingBoxUpper: boxUpper, keySlice: offset.z + (keySlice ?? busiest))
    }

    /// The fraction of the smaller mask covered by the other (both on the follow-up grid).
    static func overlap(_ a: FollowUpFinding, _ b: FollowUpFinding) -> Double {
        let lower = pointwiseMax(a.region.lower, b.region.lower), upper = pointwiseMin(a.region.upper, b.region.upper)
        guard all(lower .<= upper) else { return 0 }
        let sa = a.region.size, sb = b.region.size
        var both = 0
        a.mask.withUnsafeVoxels { ma in
            b.mask.withUnsafeVoxels { mb in
                for z in lower.z...upper.z {
                    for y in lower.y...upper.y {
                        for x in lower.x...upper.x {
                            let ia = ((z - a.region.lower.z) * sa.y + y - a.region.lower.y) * sa.x + x - a.region.lower.x
                            let ib = ((z - b.region.lower.z) * sb.y + y - b.region.lower.y) * sb.x + x - b.region.lower.x
                            if ma[ia] != 0 && mb[ib] != 0 { both += 1 }
                        }
                    }
                }
            }
        }
        let smaller = min(a.voxelCount, b.voxelCount)
        return smaller == 0 ? 0 : Double(both) / Double(smaller)
    }

    /// `transform` applied to every element, on every core.
    static func concurrentMap<T: Sendable, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { out in
            Parallel.forEachChunk(count: items.count) { range in
                for i in range { out[i] = transform(items[i]) }
            }
        }
        return results.compactMap { $0 }
    }

    static func text(_ p: SIMD3<Double>) -> String { String(format: "(%.1f, %.1f, %.1f) mm", p.x, p.y, p.z) }
    static func mm(_ value: Double) -> String { String(format: "%.1f mm", value) }
    static func mm3(_ value: Double) -> String { String(format: "%.0f mm³", value) }
}
