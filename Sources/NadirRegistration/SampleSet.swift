internal import NadirImaging

/// Fixed-image points at which the metric is evaluated on one level: their values and their positions
/// relative to the transform's centre, in fixed-image memory order (so moving-image reads stay local).
struct SampleSet: Sendable {
    /// Fixed-image intensity at each sample.
    var values: [Float]
    /// Physical position minus the transform centre, mm.
    var offsets: [SIMD3<Double>]
    /// Root-mean-square distance of the samples from the centre, mm (scales rotations to millimetres).
    var radius: Double

    var count: Int { values.count }

    /// Draws about `count` samples from `image` within `region`, by `strategy`.
    init(image: Volume<Float>, region: RegistrationRegion?, count: Int, strategy: SamplingStrategy,
         center: SIMD3<Double>) throws {
        let g = image.geometry
        let predicate = try RegionPredicate(region, fixed: g)
        let box = predicate.indexBox
        let boxSize = box.upperBound &- box.lowerBound
        let boxVoxels = boxSize.x * boxSize.y * boxSize.z
        // Scan a lattice with about four times the wanted count, then thin it to `count`.
        var stride = 1
        while boxVoxels / ((stride + 1) * (stride + 1) * (stride + 1)) >= 4 * count { stride += 1 }
        var rng: SplitMix64?
        if case .stochastic(let seed) = strategy { rng = SplitMix64(seed: seed) }
        var lattice: [Int] = []
        lattice.reserveCapacity(boxVoxels / (stride * stride * stride) + 1)
        let start = strategy == .grid ? stride / 2 : 0
        var z = box.lowerBound.z + start
        while z < box.upperBound.z {
            var y = box.lowerBound.y + start
            while y < box.upperBound.y {
                var x = box.lowerBound.x + start
                while x < box.upperBound.x {
                    var index = SIMD3<Int>(x, y, z)
                    if stride > 1, var r = rng {
                        // Jitter within the lattice cell: every voxel is equally likely.
                        index &+= SIMD3<Int>(r.next(below: stride), r.next(below: stride), r.next(below: stride))
                        rng = r
                        index = index.clamped(lowerBound: box.lowerBound, upperBound: box.upperBound &- 1)
                    }
                    if predicate.contains(g.physicalPoint(at: index)) {
                        lattice.append(g.offset(x: index.x, y: index.y, z: index.z))
                    }
                    x += stride
                }
                y += stride
            }
            z += stride
        }
        var chosen: [Int]
        if lattice.count <= count {
            chosen = lattice
        } else if var r = rng {
            // Partial Fisher-Yates: a uniform random subset, then back to memory order.
            for i in 0..<count {
                let j = i + r.next(below: lattice.count - i)
                lattice.swapAt(i, j)
            }
            chosen = Array(lattice[0..<count])
            chosen.sort()
        } else {
            let step = Double(lattice.count) / Double(count)
            chosen = (0..<count).map { lattice[min(lattice.count - 1, Int(Double($0) * step))] }
        }
        var values: [Float] = []
        var offsets: [SIMD3<Double>] = []
        values.reserveCapacity(chosen.count)
        offsets.reserveCapacity(chosen.count)
        var sumSquares = 0.0
        image.withUnsafeVoxels { v in
            let plane = g.size.x * g.size.y
            // Non-finite voxels (NaN padding in float images) carry no information: never sampled.
            for offset in chosen where v[offset].isFinite {
                let index = SIMD3<Int>(offset % g.size.x, (offset % plane) / g.size.x, offset / plane)
                values.append(v[offset])
                let d = g.physicalPoint(at: index) - center
                offsets.append(d)
                sumSquares += dot(d, d)
            }
        }
        self.values = values
        self.offsets = offsets
        self.radius = values.isEmpty ? 1 : max(1, (sumSquares / Double(values.count)).squareRoot())
    }
}

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

/// A small, fast, reproducible pseudo-random generator (Steele et al., SplitMix64, OOPSLA 2014).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0).
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
