import NadirImaging
import NadirSegmentation

/// SULpeak (PERCIST 1.0): the largest mean SUL over spheres of 1 cm³ (radius 6.2035 mm) centred on any lesion
/// voxel; every image voxel whose centre lies in the sphere counts, in or out of the mask, as PERCIST places
/// the sphere "in the hottest part of the tumour" rather than averaging the mask.
enum SULPeak {
    /// Radius of a 1 cm³ sphere, mm.
    static let radius = 6.203504908994  // (3 * 1000 mm³ / 4π)^(1/3)
    static func peak(label: UInt16, labels: LabelMap, bounds: IndexRegion, pet: Volume<Float>)
        -> (value: Double, centre: SIMD3<Int>)?
    {
        let g = labels.geometry
        let reach = SIMD3<Int>((SIMD3(repeating: radius) / g.spacing).rounded(.up))
        var offsets: [SIMD3<Int>] = []
        for dz in -reach.z...reach.z { for dy in -reach.y...reach.y { for dx in -reach.x...reach.x {
            let p = g.direction * (SIMD3<Double>(Double(dx), Double(dy), Double(dz)) * g.spacing)
            if norm(p) <= radius { offsets.append(SIMD3(dx, dy, dz)) }
        } } }
        var best: (Double, SIMD3<Int>)?
        labels.withUnsafeVoxels { l in
            pet.withUnsafeVoxels { v in
                for z in bounds.lower.z...bounds.upper.z {
                    for y in bounds.lower.y...bounds.upper.y {
                        for x in bounds.lower.x...bounds.upper.x where l[g.offset(x: x, y: y, z: z)] == label {
                            var sum = 0.0, n = 0
                            for o in offsets {
                                let p = SIMD3(x, y, z) &+ o
                                guard g.contains(index: p) else { continue }
                                sum += Double(v[g.offset(x: p.x, y: p.y, z: p.z)])
                                n += 1
                            }
                            let mean = sum / Double(max(n, 1))
                            if mean > best?.0 ?? -Double.infinity { best = (mean, SIMD3(x, y, z)) }
                        }
                    }
                }
            }
        }
        return best
    }
}
