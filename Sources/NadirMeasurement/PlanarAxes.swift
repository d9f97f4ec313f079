import NadirImaging
import NadirSegmentation

/// RECIST diameters on the slices of the image: the long axis (the longest in-plane diameter on any slice) and
/// the short axis (the longest diameter perpendicular to it on the same slice), RECIST 1.1 §3.1 and
/// Schwartz et al., Eur J Cancer 2009;45:261-267.
///
/// Why a sub-voxel contour: the diameter of voxel centres is short by up to one voxel, the diameter of voxel
/// corners long by up to a voxel diagonal, and the 0.5 contour of the raw mask (edge midpoints) is right on
/// average but the maximum over directions picks its largest staircase error (up to a voxel). Each slice's
/// mask is therefore smoothed in-plane by a Gaussian (sigma ≈ 0.6 voxel), and the 0.5 iso-contour is found by
/// linear interpolation on every grid edge (marching squares). The staircase averages out along the boundary,
/// leaving a contour within about 0.1 voxel of the boundary the mask was sampled from. Distances are in the
/// physical plane of the slice (an orthonormal basis spanned by the row and column directions, each index
/// step scaled by its spacing), so anisotropic spacing and oblique direction cosines are exact. The diameter
/// is taken over the contour's convex hull vertices (exhaustive pairs: exact, and hulls hold a few hundred
/// points); the short axis is the longest chord of that hull perpendicular to the long axis (exact for convex
/// cross-sections, the hull's chord for concave ones).
struct PlanarAxes {
    var long: AxisMeasurement
    var short: AxisMeasurement

    /// Measures `label` in `bounds` of `labels`, smoothing each slice by `sigma` voxels in-plane.
    static func measure(label: UInt16, in labels: LabelMap, bounds: IndexRegion, sigma: Double) -> PlanarAxes? {
        let g = labels.geometry
        let e1 = g.direction.c0 / norm(g.direction.c0)
        var c1 = g.direction.c1 - e1 * dot(g.direction.c1, e1)
        c1 /= norm(c1)
        let e2 = c1
        // Index step (x, y) -> in-plane mm coordinates.
        let ax = SIMD2(dot(g.direction.c0, e1), dot(g.direction.c0, e2)) * g.spacing.x
        let ay = SIMD2(dot(g.direction.c1, e1), dot(g.direction.c1, e2)) * g.spacing.y
        let pad = Int((3 * sigma).rounded(.up)) + 1
        let lower = SIMD2(bounds.lower.x - pad, bounds.lower.y - pad)
        let w = bounds.size.x + 2 * pad, h = bounds.size.y + 2 * pad
        var best: (hull: [SIMD2<Double>], a: SIMD2<Double>, b: SIMD2<Double>, d: Double, z: Int)?
        var slice = [Float](repeating: 0, count: w * h)
        labels.withUnsafeVoxels { v in
            for z in bounds.lower.z...bounds.upper.z {
                for i in 0..<slice.count { slice[i] = 0 }
                var any = false
                for y in bounds.lower.y...bounds.upper.y {
                    let row = (z * g.size.y + y) * g.size.x
                    for x in bounds.lower.x...bounds.upper.x where v[row + x] == label {
                        slice[(y - lower.y) * w + (x - lower.x)] = 1
                        any = true
                    }
                }
                guard any else { continue }
                var points = contour(Smoothing.gaussian(slice, size: [w, h, 1], sigma: [sigma, sigma, 0]), w, h)
                if points.count < 2 { points = contour(slice, w, h) }  // too small to survive smoothing
                let mm = points.map { p in (p + SIMD2<Double>(lower)).x * ax + (p + SIMD2<Double>(lower)).y * ay }
                let hull = PlanarGeometry.convexHull(mm)
                let (a, b, d) = PlanarGeometry.diameter(hull)
                if d > (best?.d ?? -1) { best = (hull, a, b, d, z) }
            }
        }
        guard let best, best.d > 0 else { return nil }
        let origin = g.physicalPoint(at: SIMD3(0, 0, best.z))
        func lift(_ p: SIMD2<Double>) -> SIMD3<Double> { origin + e1 * p.x + e2 * p.y }
        let u = (best.b - best.a) / best.d
        let (c, d, _) = PlanarGeometry.longestPerpendicularChord(best.hull, direction: u)
        return PlanarAxes(long: AxisMeasurement(start: lift(best.a), end: lift(best.b), sliceIndex: best.z),
                          short: AxisMeasurement(start: lift(c), end: lift(d), sliceIndex: best.z))
    }

    /// The 0.5 crossings of a 2D field on every horizontal and vertical grid edge, in index coordinates.
    static func contour(_ f: [Float], _ w: Int, _ h: Int) -> [SIMD2<Double>] {
        var points: [SIMD2<Double>] = []
        for y in 0..<h {
            for x in 0..<w {
                let a = f[y * w + x]
                if x + 1 < w {
                    let b = f[y * w + x + 1]
                    if (a >= 0.5) != (b >= 0.5) { points.append(SIMD2(Double(x) + Double((0.5 - a) / (b - a)), Double(y))) }
                }
                if y + 1 < h {
                    let b = f[(y + 1) * w + x]
                    if (a >= 0.5) != (b >= 0.5) { points.append(SIMD2(Double(x), Double(y) + Double((0.5 - a) / (b - a)))) }
                }
            }
        }
        return points
    }
}
