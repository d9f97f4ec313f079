public import NadirImaging

/// A coarse grid over a scan for change screening: blocks of `factor` voxels, each summarised by its mean
/// (a box filter that also averages the noise down) and its maximum (so thin bone is not averaged away).
struct ScreeningGrid: Sendable {
    /// The scan's grid.
    let fine: ImageGeometry
    /// Voxels per block along each axis (>= 1).
    let factor: SIMD3<Int>
    /// The block grid: each voxel centre is its block's centre, in the same patient space.
    let coarse: ImageGeometry

    /// Blocks of round(`spacing` / voxel spacing) voxels per axis (at least 1, at most the grid's size).
    init(_ fine: ImageGeometry, spacing: Double) {
        self.fine = fine
        let f = SIMD3<Int>(
            max(1, min(fine.size.x, Int((spacing / fine.spacing.x).rounded()))),
            max(1, min(fine.size.y, Int((spacing / fine.spacing.y).rounded()))),
            max(1, min(fine.size.z, Int((spacing / fine.spacing.z).rounded()))))
        factor = f
        var g = fine
        g.size = SIMD3(max(1, fine.size.x / f.x), max(1, fine.size.y / f.y), max(1, fine.size.z / f.z))
        g.spacing = fine.spacing * SIMD3<Double>(f)
        g.origin = fine.physicalPoint(at: (SIMD3<Double>(f) - 1) / 2)
        coarse = g
    }

    /// Voxels per block.
    var blockSize: Int { factor.x * factor.y * factor.z }

    /// The block means (HU) and block maxima of `volume` (on `fine`), blocks in parallel over slabs.
    func reduce(_ volume: Volume<Int16>) -> (mean: [Float], maximum: [Int16]) {
        let c = coarse.size, f = factor, fs = fine.size
        let count = c.x * c.y * c.z
        var mean = [Float](repeating: 0, count: count)
        var maximum = [Int16](repeating: .min, count: count)
        let scale = 1 / Float(blockSize)
        volume.withUnsafeVoxels { source in
            mean.withUnsafeMutableBufferPointer { meanOut in
                maximum.withUnsafeMutableBufferPointer { maxOut in
                    Parallel.forEachChunk(count: c.z) { slabs in
                        var sums = [Float](repeating: 0, count: c.x)
                        var peaks = [Int16](repeating: .min, count: c.x)
                        for cz in slabs {
                            for cy in 0..<c.y {
                                for i in 0..<c.x {
                                    sums[i] = 0
                                    peaks[i] = .min
                                }
                                for dz in 0..<f.z {
                                    for dy in 0..<f.y {
                                        let row = ((cz * f.z + dz) * fs.y + cy * f.y + dy) * fs.x
                                        var start = row
                                        for cx in 0..<c.x {
                                            var s: Float = 0
                                            var peak = peaks[cx]
                                            for dx in 0..<f.x {
                                                let v = source[start &+ dx]
                                                s += Float(v)
                                                if v > peak { peak = v }
                                            }
                                            sums[cx] += s
                                            peaks[cx] = peak
                                            start &+= f.x
                                        }
                                    }
                                }
                                let o = (cz * c.y + cy) * c.x
                                for cx in 0..<c.x {
                                    meanOut[o + cx] = sums[cx] * scale
                                    maxOut[o + cx] = peaks[cx]
                                }
                            }
                        }
                    }
                }
            }
        }
        return (mean, maximum)
    }

    /// One pass of a 3-voxel box filter along `axis` of a volume of `size` (edges repeat), in place.
    static func boxPass(_ data: inout [Float], size: SIMD3<Int>, axis: Int) {
        let stride = axis == 0 ? 1 : axis == 1 ? size.x : size.x * size.y
        let extent = axis == 0 ? size.x : axis == 1 ? size.y : size.z
        let lines = data.count / extent
        guard extent > 1 else { return }
        data.withUnsafeMutableBufferPointer { values in
            Parallel.forEachChunk(count: lines, minimumPerChunk: 256) { range in
                var line = [Float](repeating: 0, count: extent)
                for l in range {
                    // Line l: the start offset of the l-th line along `axis`.
                    let start: Int
                    switch axis {
                    case 0: start = l * size.x
                    case 1: start = (l / size.x) * size.x * size.y + l % size.x
                    default: start = l
                    }
                    for k in 0..<extent { line[k] = values[start + k * stride] }
                    for k in 0..<extent {
                        let previous = line[max(0, k - 1)], next = line[min(extent - 1, k + 1)]
                        values[start + k * stride] = (previous + line[k] + next) / 3
                    }
                }
            }
        }
    }

    /// The affine map from indices of `from` to continuous indices of `to`, through `transform` (a `from`
    /// point p lands at `transform(p)` in `to`'s space): origin and the three unit steps.
    static func indexMap(from: ImageGeometry, to: ImageGeometry,
                         transform: (SIMD3<Double>) -> SIMD3<Double>) -> (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>, SIMD3<Double>)? {
        func at(_ i: SIMD3<Double>) -> SIMD3<Double>? { to.continuousIndex(of: transform(from.physicalPoint(at: i))) }
        guard let o = at(.zero), let x = at([1, 0, 0]), let y = at([0, 1, 0]), let z = at([0, 0, 1]) else { return nil }
        return (o, x - o, y - o, z - o)
    }
}
