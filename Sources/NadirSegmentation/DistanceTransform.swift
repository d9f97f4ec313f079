/// Exact Euclidean distance transform on an anisotropic grid, in millimetres.
///
/// Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled Functions", Theory of Computing 8 (2012):
/// the squared distance is separable, so three passes of the 1D lower envelope of parabolas (one per axis,
/// each weighted by that axis's spacing squared) give the exact squared distance from every voxel centre to the
/// nearest feature voxel centre, in linear time. Morphology by a ball of radius r mm is then a threshold on
/// this distance, exact for any spacing (no structuring element drawn on the grid).
enum DistanceTransform {
    /// A value larger than any squared distance in a box, finite so the envelope arithmetic stays exact.
    static let far = 1e30

    /// Squared distance (mm²) from each voxel to the nearest voxel where `isFeature` holds.
    static func squaredDistance(size: SIMD3<Int>, spacing: SIMD3<Double>, isFeature: (Int) -> Bool) -> [Double] {
        let n = size.x * size.y * size.z
        var d = [Double](unsafeUninitializedCapacity: n) { b, c in
            for i in 0..<n { b[i] = isFeature(i) ? 0 : far }
            c = n
        }
        let longest = max(size.x, size.y, size.z)
        // Lines along one axis are independent: split them across the cores, each chunk with its own scratch.
        let chunks = n >= 65_536 ? 4 : 1
        d.withUnsafeMutableBufferPointer { d in
            let strides = [1, size.x, size.x * size.y]
            for axis in 0..<3 {
                let length = size[axis], stride = strides[axis]
                guard length > 1 else { continue }
                let w2 = spacing[axis] * spacing[axis]
                let lines = n / length
                Parallel.forEach(chunks) { chunk in
                    var scratch = [Double](repeating: 0, count: 3 * longest + 1)
                    var v = [Int](repeating: 0, count: longest)
                    scratch.withUnsafeMutableBufferPointer { s in
                        v.withUnsafeMutableBufferPointer { v in
                            guard let base = s.baseAddress else { return }
                            let f = base, out = base + longest, z = base + 2 * longest
                            for line in (lines * chunk / chunks)..<(lines * (chunk + 1) / chunks) {
                                let s0 = stride == 1 ? line * length : (line / stride) * stride * length + line % stride
                                var anyFeature = false
                                var q = 0
                                while q < length {
                                    let value = d[s0 + q * stride]
                                    f[q] = value
                                    if value < far { anyFeature = true }
                                    q += 1
                                }
                                guard anyFeature else { continue }
                                envelope(f: f, length: length, w2: w2, v: v, z: z, out: out)
                                q = 0
                                while q < length {
                                    d[s0 + q * stride] = out[q]
                                    q += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return d
    }

    /// The 1D lower envelope of parabolas w2*(q-p)^2 + f[p] sampled at q = 0..<length.
    @inline(__always)
    private static func envelope(f: UnsafeMutablePointer<Double>, length: Int, w2: Double,
                                 v: UnsafeMutableBufferPointer<Int>, z: UnsafeMutablePointer<Double>,
                                 out: UnsafeMutablePointer<Double>) {
        var k = 0
        // Start from the first finite sample: infinite parabolas never form the envelope.
        var first = 0
        while first < length, f[first] >= far { first += 1 }
        v[0] = first
        z[0] = -Double.infinity
        z[1] = Double.infinity
        var q = first + 1
        while q < length {
            let fq = f[q]
            if fq < far {
                let dq = Double(q)
                var s: Double
                while true {
                    let p = v[k]
                    let dp = Double(p)
                    s = ((fq + w2 * dq * dq) - (f[p] + w2 * dp * dp)) / (2 * w2 * (dq - dp))
                    if s <= z[k], k > 0 { k -= 1 } else { break }
                }
                if s <= z[k] {
                    // Only when k == 0: the new parabola is lower everywhere it matters.
                    v[0] = q
                    z[0] = -Double.infinity
                    z[1] = Double.infinity
                } else {
                    k += 1
                    v[k] = q
                    z[k] = s
                    z[k + 1] = Double.infinity
                }
            }
            q += 1
        }
        k = 0
        for q in 0..<length {
            while z[k + 1] < Double(q) { k += 1 }
            let dq = Double(q - v[k])
            out[q] = w2 * dq * dq + f[v[k]]
        }
    }
}
