internal import NadirImaging

/// Intensity-weighted centre of mass (image moments), used to initialise the translation so that large
/// offsets (30 mm and more) converge: ITK's `CenteredTransformInitializer` in MOMENTS mode.
enum Moments {
    /// The centre of mass in physical space of the voxels above `min + 10 % of the range`, weighted by their
    /// height above that floor (so air and lung count for nothing whatever the unit); `nil` for a constant image.
    static func centerOfMass(_ image: Volume<Float>) -> SIMD3<Double>? {
        let g = image.geometry
        var low = Float.infinity, high = -Float.infinity
        image.withUnsafeVoxels { v in
            for value in v where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
        }
        guard high > low else { return nil }
        let floor = low + 0.1 * (high - low)
        var weight = 0.0
        var sum = SIMD3<Double>.zero
        image.withUnsafeVoxels { v in
            guard let base = v.baseAddress else { return }
            for z in 0..<g.size.z {
                var rowWeight = SIMD3<Double>.zero
                var planeWeight = 0.0
                for y in 0..<g.size.y {
                    let row = base + (z * g.size.y + y) * g.size.x
                    var w = 0.0, wx = 0.0
                    var x = 0
                    while x < g.size.x {
                        let value = row[x]
                        let h = value.isFinite ? Double(max(value - floor, 0)) : 0
                        w += h
                        wx += h * Double(x)
                        x &+= 1
                    }
                    rowWeight += SIMD3(wx, w * Double(y), w * Double(z))
                    planeWeight += w
                }
                sum += rowWeight
                weight += planeWeight
            }
        }
        guard weight > 0 else { return nil }
        return g.physicalPoint(at: sum / weight)
    }
}
