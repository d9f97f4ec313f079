import NadirImaging
import NadirTestSupport

/// Ground truth computed from the analytic ellipsoid, never from our own output.
struct AnalyticEllipsoid {
    var lesion: PhantomLesion

    /// The quadric matrix A of (x-c)ᵀ A (x-c) <= 1, in patient space (identity body motion).
    var quadric: [[Double]] {
        let r = lesion.orientation
        let cols = [r.c0, r.c1, r.c2]
        var a = [[Double]](repeating: [0, 0, 0], count: 3)
        for i in 0..<3 {
            for j in 0..<3 {
                var s = 0.0
                for k in 0..<3 { s += cols[k][i] * cols[k][j] / (lesion.radii[k] * lesion.radii[k]) }
                a[i][j] = s
            }
        }
        return a
    }

    /// Long and short axes (full lengths, mm) of the ellipse cut by the plane through `point` spanned by the
    /// orthonormal `e1`, `e2`; nil when the plane misses the ellipsoid.
    func section(point: SIMD3<Double>, e1: SIMD3<Double>, e2: SIMD3<Double>) -> (long: Double, short: Double)? {
        let a = quadric
        func mul(_ v: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(a[0][0] * v.x + a[0][1] * v.y + a[0][2] * v.z,
                  a[1][0] * v.x + a[1][1] * v.y + a[1][2] * v.z,
                  a[2][0] * v.x + a[2][1] * v.y + a[2][2] * v.z)
        }
        let d = point - lesion.centre
        let q11 = dot(e1, mul(e1)), q12 = dot(e1, mul(e2)), q22 = dot(e2, mul(e2))
        let b1 = dot(e1, mul(d)), b2 = dot(e2, mul(d))
        let det = q11 * q22 - q12 * q12
        // bᵀ Q⁻¹ b
        let bqb = (q22 * b1 * b1 - 2 * q12 * b1 * b2 + q11 * b2 * b2) / det
        let k = 1 - dot(d, mul(d)) + bqb
        guard k > 0 else { return nil }
        let mean = (q11 + q22) / 2, diff = ((q11 - q22) * (q11 - q22) / 4 + q12 * q12).squareRoot()
        let small = mean - diff, large = mean + diff
        return (2 * (k / small).squareRoot(), 2 * (k / large).squareRoot())
    }

    /// The analytic section of the slice with the largest long axis, over the slices of `geometry`.
    func largestSlice(in geometry: ImageGeometry) -> (long: Double, short: Double, slice: Int)? {
        let e1 = geometry.direction.c0 / norm(geometry.direction.c0)
        var e2 = geometry.direction.c1 - e1 * dot(geometry.direction.c1, e1)
        e2 /= norm(e2)
        var best: (Double, Double, Int)?
        for z in 0..<geometry.size.z {
            let p = geometry.physicalPoint(at: SIMD3(0, 0, z))
            if let s = section(point: p, e1: e1, e2: e2), s.long > best?.0 ?? 0 { best = (s.long, s.short, z) }
        }
        return best
    }
}
