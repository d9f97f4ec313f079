public import NadirModel

/// One diameter of a lesion: its length and its endpoints in patient space (for overlays and DICOM SR).
public struct AxisMeasurement: Hashable, Sendable {
    /// The length, rounded to 0.01 mm.
    public var length: Length
    /// The length in mm before rounding.
    public var millimeters: Double
    /// One endpoint, LPS mm.
    public var start: SIMD3<Double>
    /// The other endpoint, LPS mm.
    public var end: SIMD3<Double>
    /// The slice (third index) it was measured on, or nil for 3D diameters.
    public var sliceIndex: Int?

    /// Makes an axis from its endpoints.
    init(start: SIMD3<Double>, end: SIMD3<Double>, sliceIndex: Int?) {
        let d = end - start
        millimeters = (d * d).sum().squareRoot()
        length = Length(rounding: millimeters) ?? .zero
        self.start = start
        self.end = end
        self.sliceIndex = sliceIndex
    }
}

/// Convex hulls and diameters of planar point sets.
enum PlanarGeometry {
    /// The convex hull, counter-clockwise, by Andrew's monotone chain (collinear points dropped).
    static func convexHull(_ points: [SIMD2<Double>]) -> [SIMD2<Double>] {
        let p = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard p.count > 2 else { return p }
        func turn(_ o: SIMD2<Double>, _ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var hull: [SIMD2<Double>] = []
        hull.reserveCapacity(p.count + 1)
        for q in p {
            while hull.count >= 2, turn(hull[hull.count - 2], hull[hull.count - 1], q) <= 0 { hull.removeLast() }
            hull.append(q)
        }
        let lower = hull.count + 1
        for q in p.reversed().dropFirst() {
            while hull.count >= lower, turn(hull[hull.count - 2], hull[hull.count - 1], q) <= 0 { hull.removeLast() }
            hull.append(q)
        }
        hull.removeLast()
        return hull
    }

    /// The farthest pair of hull vertices: the set's diameter (it is always attained at two hull vertices).
    static func diameter(_ hull: [SIMD2<Double>]) -> (SIMD2<Double>, SIMD2<Double>, Double) {
        guard var best = hull.first.map({ ($0, $0, 0.0) }) else { return (.zero, .zero, 0) }
        for i in 0..<hull.count {
            for j in (i + 1)..<hull.count {
                let d = hull[j] - hull[i]
                let d2 = (d * d).sum()
                if d2 > best.2 { best = (hull[i], hull[j], d2) }
            }
        }
        return (best.0, best.1, best.2.squareRoot())
    }

    /// The longest chord of the convex polygon perpendicular to `direction` (unit): the chord length as a
    /// function of its position along `direction` is concave and piecewise linear, so its maximum lies at a
    /// vertex's position.
    static func longestPerpendicularChord(_ hull: [SIMD2<Double>], direction u: SIMD2<Double>)
        -> (SIMD2<Double>, SIMD2<Double>, Double)
    {
        let v = SIMD2(-u.y, u.x)
        var best: (SIMD2<Double>, SIMD2<Double>, Double) = (.zero, .zero, 0)
        guard hull.count >= 3 else { return best }
        for vertex in hull {
            let t = (vertex * u).sum()
            var lo = Double.infinity, hi = -Double.infinity
            for i in 0..<hull.count {
                let a = hull[i], b = hull[(i + 1) % hull.count]
                let ta = (a * u).sum(), tb = (b * u).sum()
                guard (ta - t) * (tb - t) <= 0 else { continue }
                let s = tb == ta ? 0 : (t - ta) / (tb - ta)
                let candidates = tb == ta ? [a, b] : [a + (b - a) * s]
                for p in candidates {
                    let w = (p * v).sum()
                    lo = min(lo, w)
                    hi = max(hi, w)
                }
            }
            if hi - lo > best.2 { best = (u * t + v * lo, u * t + v * hi, hi - lo) }
        }
        return best
    }
}
