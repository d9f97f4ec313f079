internal import NadirImaging
internal import Foundation

/// Mattes mutual information: the joint histogram with a zero-order (box) Parzen window on the fixed image
/// and a cubic B-spline window on the moving image, its value and per-sample derivative weights
/// (Mattes D et al., "PET-CT image registration in the chest using free-form deformations",
/// IEEE TMI 2003;22:120-128, eqs. 3-9; the same construction as ITK's MattesMutualInformationImageToImageMetric).
struct MattesHistogram: Sendable {
    /// Bins of the histogram along each axis (two padding bins at each end hold the B-spline's support).
    let bins: Int
    static let padding = 2
    let fixedMinimum: Float, fixedBinWidth: Float
    let movingMinimum: Float, movingBinWidth: Float
    /// Fixed bin of each sample (constant on a level).
    let fixedBins: [Int32]
    /// Continuous moving bin of each sample (scratch).
    private var movingBins: [Float]

    init(bins: Int, fixedValues: [Float], moving: Volume<Float>, level: Int) throws {
        self.bins = bins
        let (fLow, fHigh) = Self.range(fixedValues)
        var (mLow, mHigh) = (Float.infinity, -Float.infinity)
        moving.withUnsafeVoxels { v in (mLow, mHigh) = Self.range(v) }
        guard fHigh > fLow else {
            throw RegistrationError(.constantImage, image: "fixed", level: level,
                                    detail: "fixed samples all have the value \(fLow)")
        }
        guard mHigh > mLow else {
            throw RegistrationError(.constantImage, image: "moving", level: level,
                                    detail: "moving image has the single value \(mLow)")
        }
        let usable = Float(bins - 2 * Self.padding - 1)
        fixedMinimum = fLow
        fixedBinWidth = (fHigh - fLow) / usable
        movingMinimum = mLow
        movingBinWidth = (mHigh - mLow) / usable
        let pad = Float(Self.padding), width = fixedBinWidth, top = Int32(bins - Self.padding - 1)
        fixedBins = fixedValues.map { min(Int32(($0 - fLow) / width + pad), top) }
        movingBins = [Float](repeating: 0, count: fixedValues.count)
    }

    static func range(_ values: some Sequence<Float>) -> (Float, Float) {
        var low = Float.infinity, high = -Float.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        return (low, high)
    }

    /// The cubic B-spline β³(u) (support |u| < 2).
    @inline(__always)
    static func bspline(_ u: Float) -> Float {
        let a = abs(u)
        if a < 1 { return (4 - 6 * a * a + 3 * a * a * a) / 6 }
        if a < 2 { let t = 2 - a; return t * t * t / 6 }
        return 0
    }

    /// The derivative dβ³/du.
    @inline(__always)
    static func bsplineDerivative(_ u: Float) -> Float {
        let a = abs(u)
        if a < 1 { return -2 * u + 1.5 * u * a }
        if a < 2 { let t = 2 - a; return u < 0 ? 0.5 * t * t : -0.5 * t * t }
        return 0
    }

    /// Builds the joint histogram from the moving values (NaN = outside), returns `-MI` and the number of
    /// valid samples, and fills `weights` with ∂(-MI)/∂m per sample.
    mutating func evaluate(movingValues: [Float], fixedCount n: Int, weights: inout [Float],
                           level: Int) throws -> (Double, Int) {
        let b = bins, pad = Float(Self.padding), mLow = movingMinimum, mWidth = movingBinWidth
        let chunks = Parallel.chunkCount
        var partial = [Double](repeating: 0, count: chunks * b * b)
        var counts = [Int](repeating: 0, count: chunks)
        let topBin = Float(b - Self.padding - 1)
        movingValues.withUnsafeBufferPointer { m in
            fixedBins.withUnsafeBufferPointer { fb in
                movingBins.withUnsafeMutableBufferPointer { mb in
                    partial.withUnsafeMutableBufferPointer { hist in
                        counts.withUnsafeMutableBufferPointer { countOut in
                            Parallel.forEachChunk(count: n, minimumPerChunk: 8192) { chunk, range in
                                guard let h = hist.baseAddress?.advanced(by: chunk * b * b) else { return }
                                var valid = 0
                                for i in range where !m[i].isNaN {
                                    let bin = min(max((m[i] - mLow) / mWidth + pad, pad), topBin)
                                    mb[i] = bin
                                    let row = h + Int(fb[i]) * b
                                    let k0 = Int(bin) - 1
                                    var k = k0
                                    while k < k0 + 4 {
                                        row[k] += Double(Self.bspline(bin - Float(k)))
                                        k &+= 1
                                    }
                                    valid &+= 1
                                }
                                countOut[chunk] = valid
                            }
                        }
                    }
                }
            }
        }
        let valid = counts.reduce(0, +)
        try MetricEvaluator.checkOverlap(valid: valid, of: n, level: level)
        var joint = [Double](repeating: 0, count: b * b)
        for chunk in 0..<chunks {
            for j in 0..<(b * b) { joint[j] += partial[chunk * b * b + j] }
        }
        let total = joint.reduce(0, +)
        var fixedMarginal = [Double](repeating: 0, count: b), movingMarginal = [Double](repeating: 0, count: b)
        for i in 0..<b {
            for k in 0..<b {
                let p = joint[i * b + k] / total
                joint[i * b + k] = p
                fixedMarginal[i] += p
                movingMarginal[k] += p
            }
        }
        var mi = 0.0
        // logRatio[ι, κ] = log(p(ι, κ) / p_M(κ)): the only factor the gradient needs (Mattes eq. 9).
        var logRatio = [Float](repeating: 0, count: b * b)
        for i in 0..<b {
            for k in 0..<b {
                let p = joint[i * b + k]
                guard p > 1e-16 else { continue }
                mi += p * log(p / (fixedMarginal[i] * movingMarginal[k]))
                logRatio[i * b + k] = Float(log(p / movingMarginal[k]))
            }
        }
        let scale = Float(-1 / (Double(valid) * Double(mWidth)))
        movingValues.withUnsafeBufferPointer { m in
            fixedBins.withUnsafeBufferPointer { fb in
                movingBins.withUnsafeBufferPointer { mb in
                    logRatio.withUnsafeBufferPointer { lr in
                        weights.withUnsafeMutableBufferPointer { w in
                            Parallel.forEachChunk(count: n, minimumPerChunk: 8192) { _, range in
                                guard let table = lr.baseAddress else { return }
                                for i in range {
                                    guard !m[i].isNaN else {
                                        w[i] = 0
                                        continue
                                    }
                                    let bin = mb[i]
                                    let row = table + Int(fb[i]) * b
                                    let k0 = Int(bin) - 1
                                    var sum: Float = 0
                                    var k = k0
                                    while k < k0 + 4 {
                                        sum += Self.bsplineDerivative(bin - Float(k)) * row[k]
                                        k &+= 1
                                    }
                                    w[i] = scale * sum
                                }
                            }
                        }
                    }
                }
            }
        }
        return (-mi, valid)
    }
}
