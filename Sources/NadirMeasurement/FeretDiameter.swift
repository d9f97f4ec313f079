/// The maximum 3D diameter (Feret diameter) of a point set: the largest distance between two of its points.
///
/// Exact, with pruning instead of a 3D hull: a lower bound L comes from the extreme points along 26 fixed
/// directions; a pair can only beat L if the sum of its distances to the centroid does, so points are sorted
/// by that distance and each one is paired only while the sum can still exceed the best so far.
enum FeretDiameter {
    static func diameter(_ points: [SIMD3<Double>]) -> (SIMD3<Double>, SIMD3<Double>, Double) {
        guard let first = points.first else { return (.zero, .zero, 0) }
        var centroid = SIMD3<Double>.zero
        for p in points { centroid += p }
        centroid /= Double(points.count)
        // Lower bound from extreme points along the 13 axes of the 3x3x3 neighbourhood (both ends).
        var extremes: [SIMD3<Double>] = []
        for dx in -1...1 { for dy in -1...1 { for dz in -1...1 where (dx, dy, dz) > (0, 0, 0) {
            let u = SIMD3<Double>(Double(dx), Double(dy), Double(dz))
            var lo = first, hi = first, tlo = Double.infinity, thi = -Double.infinity
            for p in points {
                let t = (p * u).sum()
                if t < tlo { tlo = t; lo = p }
                if t > thi { thi = t; hi = p }
            }
            extremes += [lo, hi]
        } } }
        var best = (first, first, 0.0)
        for i in 0..<extremes.count {
            for j in (i + 1)..<extremes.count {
                let d = extremes[j] - extremes[i]
                let d2 = (d * d).sum()
                if d2 > best.2 { best = (extremes[i], extremes[j], d2) }
            }
        }
        // Exact search over the pairs that can still beat the bound.
        let ranked = points.map { p -> (SIMD3<Double>, Double) in
            let d = p - centroid
            return (p, (d * d).sum().squareRoot())
        }.sorted { $0.1 > $1.1 }
        var bestLength = best.2.squareRoot()
        ranked.withUnsafeBufferPointer { r in
            for i in 0..<r.count {
                if r[i].1 + r[0].1 <= bestLength { break }
                var j = i + 1
                while j < r.count {
                    if r[i].1 + r[j].1 <= bestLength { break }
                    let d = r[j].0 - r[i].0
                    let d2 = (d * d).sum()
                    if d2 > best.2 {
                        best = (r[i].0, r[j].0, d2)
                        bestLength = d2.squareRoot()
                    }
                    j += 1
                }
            }
        }
        return (best.0, best.1, best.2.squareRoot())
    }
}
