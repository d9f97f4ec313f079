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
