internal import NadirImaging

/// Membership of a physical point in a `RegistrationRegion`, and the fixed-image index box that bounds it.
struct RegionPredicate {
    /// Half-open box of fixed-image indices that can hold region points.
    var indexBox: (lowerBound: SIMD3<Int>, upperBound: SIMD3<Int>)
    private var test: Test

    private enum Test {
        case all
        case box(SIMD3<Double>, SIMD3<Double>)
        case sphere(SIMD3<Double>, Double)
        case mask(Volume<UInt8>, Matrix3)
    }

    init(_ region: RegistrationRegion?, fixed g: ImageGeometry) throws {
        let whole = (SIMD3<Int>.zero, g.size)
        let physicalBox: (SIMD3<Double>, SIMD3<Double>)
        switch region {
        case nil:
            test = .all
            indexBox = whole
            return
        case .boundingBox(let a, let b):
            test = .box(pointwiseMin(a, b), pointwiseMax(a, b))
            physicalBox = (pointwiseMin(a, b), pointwiseMax(a, b))
        case .sphere(let c, let r):
            test = .sphere(c, r)
            physicalBox = (c - r, c + r)
        case .mask(let mask):
            guard let toIndex = mask.geometry.physicalToIndex else {
                throw RegistrationError(.singularGeometry, image: "mask",
                                        detail: "the region mask's direction or spacing is singular")
            }
            test = .mask(mask, toIndex)
            guard let box = Self.nonZeroPhysicalBox(mask) else {
                throw RegistrationError(.emptyRegion, image: "mask", detail: "the region mask has no non-zero voxel")
            }
            physicalBox = box
        }
        guard let toIndex = g.physicalToIndex else {
            throw RegistrationError(.singularGeometry, image: "fixed", detail: "fixed direction or spacing is singular")
        }
        var low = SIMD3<Double>(repeating: .infinity), high = SIMD3<Double>(repeating: -.infinity)
        for corner in 0..<8 {
            let p = SIMD3<Double>(corner & 1 == 0 ? physicalBox.0.x : physicalBox.1.x,
                                  corner & 2 == 0 ? physicalBox.0.y : physicalBox.1.y,
                                  corner & 4 == 0 ? physicalBox.0.z : physicalBox.1.z)
            let k = toIndex * (p - g.origin)
            low = pointwiseMin(low, k)
            high = pointwiseMax(high, k)
        }
        let size = SIMD3<Double>(Double(g.size.x), Double(g.size.y), Double(g.size.z))
        let lo = (low.rounded(.down)).clamped(lowerBound: .zero, upperBound: size)
        let hi = (high.rounded(.up) + 1).clamped(lowerBound: .zero, upperBound: size)
        indexBox = (SIMD3<Int>(Int(lo.x), Int(lo.y), Int(lo.z)), SIMD3<Int>(Int(hi.x), Int(hi.y), Int(hi.z)))
        if indexBox.upperBound.x <= indexBox.lowerBound.x || indexBox.upperBound.y <= indexBox.lowerBound.y
            || indexBox.upperBound.z <= indexBox.lowerBound.z {
            throw RegistrationError(.emptyRegion, image: "fixed",
                                    detail: "the region \(physicalBox) lies outside the fixed image")
        }
    }

    func contains(_ p: SIMD3<Double>) -> Bool {
        switch test {
        case .all: return true
        case .box(let a, let b): return all(p .>= a) && all(p .<= b)
        case .sphere(let c, let r): return dot(p - c, p - c) <= r * r
        case .mask(let mask, let toIndex):
            let k = (toIndex * (p - mask.geometry.origin)).rounded(.toNearestOrAwayFromZero)
            let s = mask.geometry.size
            guard k.x >= 0, k.y >= 0, k.z >= 0, k.x < Double(s.x), k.y < Double(s.y), k.z < Double(s.z) else {
                return false
            }
            return mask[Int(k.x), Int(k.y), Int(k.z)] != 0
        }
    }

    /// The physical bounding box of a mask's non-zero voxels (voxel extents included).
    static func nonZeroPhysicalBox(_ mask: Volume<UInt8>) -> (SIMD3<Double>, SIMD3<Double>)? {
        let g = mask.geometry
        var low = SIMD3<Int>(repeating: .max), high = SIMD3<Int>(repeating: .min)
        mask.withUnsafeVoxels { v in
            var i = 0
            for z in 0..<g.size.z {
                for y in 0..<g.size.y {
                    for x in 0..<g.size.x {
                        if v[i] != 0 {
                            low = pointwiseMin(low, SIMD3(x, y, z))
                            high = pointwiseMax(high, SIMD3(x, y, z))
                        }
                        i += 1
                    }
                }
            }
        }
        guard low.x <= high.x else { return nil }
        var a = SIMD3<Double>(repeating: .infinity), b = SIMD3<Double>(repeating: -.infinity)
        for corner in 0..<8 {
            let k = SIMD3<Double>(corner & 1 == 0 ? Double(low.x) - 0.5 : Double(high.x) + 0.5,
                                  corner & 2 == 0 ? Double(low.y) - 0.5 : Double(high.y) + 0.5,
                                  corner & 4 == 0 ? Double(low.z) - 0.5 : Double(high.z) + 0.5)
            let p = g.physicalPoint(at: k)
            a = pointwiseMin(a, p)
            b = pointwiseMax(b, p)
        }
        return (a, b)
    }
}
