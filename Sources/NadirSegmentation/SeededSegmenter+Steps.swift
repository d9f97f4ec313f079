internal import Foundation
import NadirImaging

/// The region-of-interest arithmetic of `SeededSegmenter`: smoothing, seed statistics, growing, windows.
struct RegionWork {
    var size: SIMD3<Int>
    var spacing: SIMD3<Double>
    /// The seed's index inside the region.
    var seed: SIMD3<Int>
    var count: Int { size.x * size.y * size.z }

    init(size: SIMD3<Int>, spacing: SIMD3<Double>, seed: SIMD3<Int>) {
        self.size = size
        self.spacing = spacing
        self.seed = seed
    }

    /// Calls `body(offset, squared distance to the seed in mm²)` for every voxel.
    func forEachVoxel(_ body: (Int, Double) -> Void) {
        var i = 0
        for z in 0..<size.z {
            let dz = Double(z - seed.z) * spacing.z
            for y in 0..<size.y {
                let dy = Double(y - seed.y) * spacing.y
                for x in 0..<size.x {
                    let dx = Double(x - seed.x) * spacing.x
                    body(i, dx * dx + dy * dy + dz * dz)
                    i &+= 1
                }
            }
        }
    }

    /// The region smoothed by a separable Gaussian of `sigma` mm (axes with spacing > 3 sigma left alone).
    func smoothed(_ roi: Volume<Int16>, sigma: Double) -> [Double] {
        var a = roi.voxels.map { Double($0) }
        guard sigma > 0 else { return a }
        var b = a
        let strides = [1, size.x, size.x * size.y]
        for axis in 0..<3 {
            let s = sigma / spacing[axis]
            guard s >= 1.0 / 3.0, size[axis] > 1 else { continue }
            let radius = Int((2.5 * s).rounded(.up))
            var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * s * s)) }
            let total = kernel.reduce(0, +)
            kernel = kernel.map { $0 / total }
            let n = size[axis], stride = strides[axis]
            let lines = count / n
            a.withUnsafeBufferPointer { input in
                b.withUnsafeMutableBufferPointer { out in
                    kernel.withUnsafeBufferPointer { k in
                        for line in 0..<lines {
                            // The first sample of each line along `axis`.
                            let start = stride == 1 ? line * n : (line / stride) * stride * n + line % stride
                            var q = 0
                            while q < n {
                                var sum = 0.0
                                var t = -radius
                                while t <= radius {
                                    let r = min(max(q + t, 0), n - 1)  // clamp at the region's border
                                    sum += k[t + radius] * input[start + r * stride]
                                    t += 1
                                }
                                out[start + q * stride] = sum
                                q += 1
                            }
                        }
                    }
                }
            }
            swap(&a, &b)
        }
        return a
    }

    /// Values within `radius` mm of the seed.
    func values(_ image: [Double], within radius: Double) -> [Double] {
        var out: [Double] = []
        forEachVoxel { i, d2 in if d2 <= radius * radius { out.append(image[i]) } }
        return out
    }

    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * q).rounded()))]
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The ball of `radius` mm around the seed.
    func ball(radius: Double) -> BoxMask {
        var m = BoxMask(size: size, spacing: spacing)
        forEachVoxel { i, d2 in if d2 <= radius * radius { m.voxels[i] = 1 } }
        return m
    }

    /// The 6-connected region of voxels inside `window` and `allowed`, grown from `from` (or from the seed and
    /// the voxels within `nearSeedWithin` mm of it).
    func grow(_ image: [Double], window: ClosedRange<Double>, allowed: BoxMask, from: BoxMask?,
              nearSeedWithin: Double) -> BoxMask {
        var out = BoxMask(size: size, spacing: spacing)
        var stack: [Int] = []
        func admit(_ i: Int) {
            if out.voxels[i] == 0, allowed.voxels[i] != 0, window.contains(image[i]) {
                out.voxels[i] = 1
                stack.append(i)
            }
        }
        if let from {
            for i in 0..<count where from.voxels[i] != 0 { admit(i) }
        } else {
            forEachVoxel { i, d2 in if d2 <= nearSeedWithin * nearSeedWithin { admit(i) } }
        }
        let sx = size.x, sxy = size.x * size.y
        while let i = stack.popLast() {
            let x = i % sx, y = (i / sx) % size.y, z = i / sxy
            if x > 0 { admit(i - 1) }
            if x < size.x - 1 { admit(i + 1) }
            if y > 0 { admit(i - sx) }
            if y < size.y - 1 { admit(i + sx) }
            if z > 0 { admit(i - sxy) }
            if z < size.z - 1 { admit(i + sxy) }
        }
        return out
    }

    /// The window whose bounds lie half-way between the lesion and the darker and brighter tissue around it.
    ///
    /// Also returns a tight window whose bounds lie half-way to the median of each side: the bound that
    /// separates the lesion from the nearest tissue of similar density rather than from the farthest.
    func adaptiveWindow(_ image: [Double], core: BoxMask, mu: Double, delta: Double,
                        preset: SegmentationPreset) -> (window: ClosedRange<Double>, tight: ClosedRange<Double>) {
        let inner = max(2.0, spacing.max() * 1.01), outer = max(5.0, inner + 3.0)
        // The shell lies within `outer` mm of the core: work in the core's box grown by that much.
        let margin = SIMD3<Int>((SIMD3(repeating: outer) / spacing).rounded(.up)) &+ 1
        let box = core.bounds(margin: margin) ?? IndexRegion(size: size)
        let c = BoxMask.crop(core.voxels, size: size, to: box)
        let values = BoxMask.crop(image, size: size, to: box)
        let d = DistanceTransform.squaredDistance(size: box.size, spacing: spacing) { c[$0] != 0 }
        var below: [Double] = [], above: [Double] = []
        var shell = 0
        for i in 0..<d.count where d[i] > inner * inner && d[i] <= outer * outer {
            shell += 1
            let value = values[i]
            if value < mu - delta { below.append(value) } else if value > mu + delta { above.append(value) }
        }
        let enough = max(5, shell / 33)
        var lo = mu - preset.defaultHalfWidth, hi = mu + preset.defaultHalfWidth
        // The far quartile of each side, not its median: the shell still holds some of the partial-volume ramp,
        // which pulls a median towards the lesion and the half-way bound into the lesion's edge.
        var tightLo = lo, tightHi = hi
        if below.count >= enough {
            lo = (mu + RegionWork.quantile(below, 0.25)) / 2
            tightLo = (mu + RegionWork.median(below)) / 2
        }
        if above.count >= enough {
            hi = (mu + RegionWork.quantile(above, 0.75)) / 2
            tightHi = (mu + RegionWork.median(above)) / 2
        }
        return (min(lo, mu - delta)...max(hi, mu + delta), min(tightLo, mu - delta)...max(tightHi, mu + delta))
    }
}
