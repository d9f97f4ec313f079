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
        var f = [Double](repeating: 0, count: longest)
        var out = [Double](repeating: 0, count: longest)
        var v = [Int](repeating: 0, count: longest)
        var zs = [Double](repeating: 0, count: longest + 1)
        d.withUnsafeMutableBufferPointer { d in
            // Axis x: lines are contiguous.
            let strides = [(size.x, 1, size.y * size.z, { (line: Int) in line * size.x }),
                           (size.y, size.x, size.x * size.z, { (line: Int) in (line / size.x) * size.x * size.y + line % size.x }),
                           (size.z, size.x * size.y, size.x * size.y, { (line: Int) in line })]
            for (axis, (length, stride, lines, start)) in strides.enumerated() {
                let w2 = spacing[axis] * spacing[axis]
                guard length > 1 else { continue }
                for line in 0..<lines {
                    let s0 = start(line)
                    var anyFeature = false
                    for q in 0..<length {
                        f[q] = d[s0 + q * stride]
                        if f[q] < far { anyFeature = true }
                    }
                    guard anyFeature else { continue }
                    envelope(f: f, length: length, w2: w2, v: &v, z: &zs, out: &out)
                    for q in 0..<length { d[s0 + q * stride] = out[q] }
                }
            }
        }
        return d
    }

    /// The 1D lower envelope of parabolas w2*(q-p)^2 + f[p] sampled at q = 0..<length.
    private static func envelope(f: [Double], length: Int, w2: Double, v: inout [Int], z: inout [Double],
                                 out: inout [Double]) {
        var k = 0
        // Start from the first finite sample: infinite parabolas never form the envelope.
        var first = 0
        while first < length, f[first] >= far { first += 1 }
        v[0] = first
        z[0] = -Double.infinity
        z[1] = Double.infinity
        var q = first + 1
        while q < length {
            if f[q] < far {
                var s: Double
                repeat {
                    let p = v[k]
                    s = ((f[q] + w2 * Double(q * q)) - (f[p] + w2 * Double(p * p))) / (2 * w2 * Double(q - p))
                    if s <= z[k] { k -= 1 } else { break }
                } while k >= 0
                k += 1
                if k == 0 { z[0] = -Double.infinity }
                v[k] = q
                z[k] = k == 0 ? -Double.infinity : s
                z[k + 1] = Double.infinity
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
