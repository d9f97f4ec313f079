internal import NadirImaging
internal import Foundation

/// The metric's value and its gradient with respect to the affine parameters of
/// `x ↦ A (x - c) + c + t` (the rigid gradient is derived from it by `RigidState`).
struct MetricEvaluation {
    /// The value to minimise (`-NCC` or `-MI`).
    var value: Double
    /// ∂value/∂A, element by element.
    var gradientMatrix: Matrix3
    /// ∂value/∂t.
    var gradientTranslation: SIMD3<Double>
    /// Samples that mapped inside the moving image.
    var validCount: Int
}

/// Evaluates a metric and its analytic gradient between a fixed sample set and a moving image on one level.
///
/// Three passes over the samples, each split over the cores: (1) map every sample into the moving image and
/// interpolate value and index-space gradient (trilinear, with the derivative of the interpolant itself, so
/// the gradient is exactly that of the function optimised); (2) the metric's statistics (sums or joint
/// histogram) and per-sample weights ∂value/∂m; (3) the weighted sum `Σ w ∇m (x - c)ᵀ`.
struct MetricEvaluator {
    let samples: SampleSet
    let moving: Volume<Float>
    let metric: Metric
    /// Moving physical → continuous index (linear part).
    let movingToIndex: Matrix3
    /// Per-sample moving value (NaN outside the moving image) and index-space gradient.
    var movingValues: [Float]
    var movingGradients: [SIMD3<Float>]
    var weights: [Float]
    var mattes: MattesHistogram?

    init(samples: SampleSet, moving: Volume<Float>, metric: Metric, level: Int) throws {
        guard let toIndex = moving.geometry.physicalToIndex else {
            throw RegistrationError(.singularGeometry, image: "moving", level: level,
                                    detail: "moving direction or spacing is singular")
        }
        self.samples = samples
        self.moving = moving
        self.metric = metric
        self.movingToIndex = toIndex
        movingValues = [Float](repeating: 0, count: samples.count)
        movingGradients = [SIMD3<Float>](repeating: .zero, count: samples.count)
        weights = [Float](repeating: 0, count: samples.count)
        if case .mattesMutualInformation(let bins) = metric {
            mattes = try MattesHistogram(bins: bins, fixedValues: samples.values, moving: moving, level: level)
        }
    }

    /// The metric and its gradient at `x ↦ A (x - center) + center + t`.
    mutating func evaluate(matrix a: Matrix3, translation t: SIMD3<Double>, center: SIMD3<Double>,
                           level: Int) throws -> MetricEvaluation {
        interpolate(matrix: a, offset: movingToIndex * (center + t - moving.geometry.origin))
        let value: Double
        let valid: Int
        switch metric {
        case .normalizedCrossCorrelation:
            (value, valid) = try correlationWeights(level: level)
        case .mattesMutualInformation:
            guard var histogram = mattes else { preconditionFailure("Mattes histogram is built in init") }
            (value, valid) = try histogram.evaluate(movingValues: movingValues, fixedCount: samples.count,
                                                    weights: &weights, level: level)
            mattes = histogram
        }
        let (g, gt) = accumulateGradient()
        let back = movingToIndex.transposed
        return MetricEvaluation(value: value, gradientMatrix: back * g, gradientTranslation: back * gt,
                                validCount: valid)
    }

    /// Pass 1: moving value and index gradient at every mapped sample.
    private mutating func interpolate(matrix a: Matrix3, offset b: SIMD3<Double>) {
        let k = movingToIndex * a
        let size = moving.geometry.size
        let strideY = size.x, strideZ = size.x * size.y
        let stepX = size.x > 1 ? 1 : 0, stepY = size.y > 1 ? strideY : 0, stepZ = size.z > 1 ? strideZ : 0
        let upper = SIMD3<Double>(Double(size.x - 1), Double(size.y - 1), Double(size.z - 1))
        let lastCell = SIMD3<Int>(max(size.x - 2, 0), max(size.y - 2, 0), max(size.z - 2, 0))
        samples.offsets.withUnsafeBufferPointer { offsets in
            movingValues.withUnsafeMutableBufferPointer { values in
                movingGradients.withUnsafeMutableBufferPointer { gradients in
                    moving.withUnsafeVoxels { image in
                        Parallel.forEachChunk(count: offsets.count, minimumPerChunk: 2048) { _, range in
                            guard let src = image.baseAddress else { return }
                            var i = range.lowerBound
                            while i < range.upperBound {
                                let d = offsets[i]
                                let p = k.c0 * d.x + k.c1 * d.y + k.c2 * d.z + b
                                if p.x >= 0, p.y >= 0, p.z >= 0, p.x <= upper.x, p.y <= upper.y, p.z <= upper.z {
                                    let ix = min(Int(p.x), lastCell.x), iy = min(Int(p.y), lastCell.y)
                                    let iz = min(Int(p.z), lastCell.z)
                                    let fx = Float(p.x - Double(ix)), fy = Float(p.y - Double(iy))
                                    let fz = Float(p.z - Double(iz))
                                    let base = src + (iz * strideZ + iy * strideY + ix)
                                    let c000 = base[0], c100 = base[stepX], c010 = base[stepY]
                                    let c110 = base[stepY + stepX], c001 = base[stepZ], c101 = base[stepZ + stepX]
                                    let c011 = base[stepZ + stepY], c111 = base[stepZ + stepY + stepX]
                                    let dx00 = c100 - c000, dx10 = c110 - c010, dx01 = c101 - c001, dx11 = c111 - c011
                                    let gx0 = dx00 + fy * (dx10 - dx00), gx1 = dx01 + fy * (dx11 - dx01)
                                    let c00 = c000 + fx * dx00, c10 = c010 + fx * dx10
                                    let c01 = c001 + fx * dx01, c11 = c011 + fx * dx11
                                    let gy0 = c10 - c00, gy1 = c11 - c01
                                    let c0 = c00 + fy * gy0, c1 = c01 + fy * gy1
                                    let value = c0 + fz * (c1 - c0)
                                    values[i] = value.isFinite ? value : .nan  // NaN/inf voxels count as outside
                                    gradients[i] = SIMD3(gx0 + fz * (gx1 - gx0), gy0 + fz * (gy1 - gy0), c1 - c0)
                                } else {
                                    values[i] = .nan
                                }
                                i &+= 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Pass 2 for `-NCC`: sums, value and per-sample weights ∂(-NCC)/∂m.
    private mutating func correlationWeights(level: Int) throws -> (Double, Int) {
        let n = samples.count
        var partial = [SIMD8<Double>](repeating: .zero, count: Parallel.chunkCount)
        samples.values.withUnsafeBufferPointer { f in
            movingValues.withUnsafeBufferPointer { m in
                partial.withUnsafeMutableBufferPointer { out in
                    Parallel.forEachChunk(count: n, minimumPerChunk: 8192) { chunk, range in
                        // count, Σf, Σm, Σff, Σmm, Σfm
                        var s = SIMD8<Double>.zero
                        for i in range where !m[i].isNaN {
                            let fi = Double(f[i]), mi = Double(m[i])
                            s += SIMD8(1, fi, mi, fi * fi, mi * mi, fi * mi, 0, 0)
                        }
                        out[chunk] = s
                    }
                }
            }
        }
        let s = partial.reduce(SIMD8<Double>.zero, +)
        let valid = Int(s[0])
        try MetricEvaluator.checkOverlap(valid: valid, of: n, level: level)
        let count = s[0], meanF = s[1] / count, meanM = s[2] / count
        let sfm = s[5] - count * meanF * meanM
        let sff = s[3] - count * meanF * meanF
        let smm = s[4] - count * meanM * meanM
        guard sff > 1e-12 * max(1, s[3]), smm > 1e-12 * max(1, s[4]) else {
            throw RegistrationError(.constantImage, image: sff <= 1e-12 * max(1, s[3]) ? "fixed" : "moving",
                                    level: level, detail: "intensities under the samples are constant")
        }
        let root = (sff * smm).squareRoot()
        let ncc = sfm / root
        let a = Float(-1 / root), b = Float(sfm / (sff.squareRoot() * smm * smm.squareRoot()))
        let mf = Float(meanF), mm = Float(meanM)
        samples.values.withUnsafeBufferPointer { f in
            movingValues.withUnsafeBufferPointer { m in
                weights.withUnsafeMutableBufferPointer { w in
                    var i = 0
                    while i < n {
                        w[i] = m[i].isNaN ? 0 : a * (f[i] - mf) + b * (m[i] - mm)
                        i &+= 1
                    }
                }
            }
        }
        return (-ncc, valid)
    }

    /// Pass 3: `Σ w ∇m (x - c)ᵀ` and `Σ w ∇m` in moving index space.
    private func accumulateGradient() -> (Matrix3, SIMD3<Double>) {
        let n = samples.count
        var partial = [(Matrix3, SIMD3<Double>)](repeating: (Matrix3(columns: .zero, .zero, .zero), .zero),
                                                 count: Parallel.chunkCount)
        samples.offsets.withUnsafeBufferPointer { offsets in
            movingGradients.withUnsafeBufferPointer { gradients in
                weights.withUnsafeBufferPointer { w in
                    partial.withUnsafeMutableBufferPointer { out in
                        Parallel.forEachChunk(count: n, minimumPerChunk: 8192) { chunk, range in
                            var c0 = SIMD3<Double>.zero, c1 = SIMD3<Double>.zero, c2 = SIMD3<Double>.zero
                            var ct = SIMD3<Double>.zero
                            var i = range.lowerBound
                            while i < range.upperBound {
                                let wi = w[i]
                                if wi != 0 {
                                    let g = SIMD3<Double>(gradients[i] * wi)
                                    let d = offsets[i]
                                    c0 += g * d.x
                                    c1 += g * d.y
                                    c2 += g * d.z
                                    ct += g
                                }
                                i &+= 1
                            }
                            out[chunk] = (Matrix3(columns: c0, c1, c2), ct)
                        }
                    }
                }
            }
        }
        return partial.reduce((Matrix3(columns: .zero, .zero, .zero), .zero)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }

    /// Throws when too few samples fall inside the moving image to trust the metric.
    static func checkOverlap(valid: Int, of total: Int, level: Int) throws {
        guard valid >= max(16, total / 10) else {
            throw RegistrationError(.insufficientOverlap, image: "moving", level: level,
                                    detail: "only \(valid) of \(total) fixed samples map inside the moving image; "
                                        + "check that both scans cover the same anatomy or give an initial transform")
        }
    }
}
