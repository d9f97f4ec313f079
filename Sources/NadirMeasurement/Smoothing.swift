internal import Foundation

/// Separable Gaussian smoothing of float fields, with a sigma per axis in voxels (axes with sigma < 0.2 voxel
/// are left alone: the kernel would be a delta). Samples beyond the border count as 0 (outside the mask).
enum Smoothing {
    static func kernel(_ sigma: Double) -> [Float] {
        let radius = Int((3 * sigma).rounded(.up))
        let k = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = k.reduce(0, +)
        return k.map { Float($0 / total) }
    }

    static func gaussian(_ values: [Float], size: SIMD3<Int>, sigma: SIMD3<Double>) -> [Float] {
        var a = values
        var b = values
        let strides = [1, size.x, size.x * size.y]
        for axis in 0..<3 where sigma[axis] >= 0.2 && size[axis] > 1 {
            let k = kernel(sigma[axis])
            let radius = k.count / 2
            let n = size[axis], stride = strides[axis]
            let lines = a.count / n
            a.withUnsafeBufferPointer { input in
                b.withUnsafeMutableBufferPointer { out in
                    k.withUnsafeBufferPointer { k in
                        for line in 0..<lines {
                            let start = stride == 1 ? line * n : (line / stride) * stride * n + line % stride
                            var q = 0
                            while q < n {
                                var sum: Float = 0
                                var t = max(-radius, -q)
                                let hi = min(radius, n - 1 - q)
                                while t <= hi {
                                    sum += k[t + radius] * input[start + (q + t) * stride]
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
}
