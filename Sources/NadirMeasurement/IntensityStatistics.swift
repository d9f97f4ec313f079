/// Intensity statistics inside a lesion: mean, standard deviation and a histogram (Choi criteria use the mean
/// CT density, Choi et al., J Clin Oncol 2007;25:1753-1759).
public struct IntensityStatistics: Hashable, Sendable {
    /// Number of voxels.
    public var count: Int
    /// Mean value (HU for CT, SUL for PET).
    public var mean: Double
    /// Sample standard deviation (n - 1).
    public var standardDeviation: Double
    /// Smallest value.
    public var minimum: Double
    /// Largest value.
    public var maximum: Double
    /// Histogram of the values.
    public var histogram: Histogram
}

/// A histogram with bins of equal width: bin i counts values in [lowerBound + i*binWidth, lowerBound + (i+1)*binWidth).
public struct Histogram: Hashable, Sendable {
    /// The lower edge of the first bin (a multiple of `binWidth`).
    public var lowerBound: Double
    /// The width of every bin.
    public var binWidth: Double
    /// Counts per bin.
    public var counts: [Int]
}

extension IntensityStatistics {
    /// Statistics of `values` with bins `binWidth` wide aligned to multiples of the width.
    init?(values: [Double], binWidth: Double) {
        guard let lo = values.min(), let hi = values.max(), binWidth > 0 else { return nil }
        count = values.count
        // Two-pass mean and variance (numerically stable for HU-sized values).
        mean = values.reduce(0, +) / Double(count)
        let m = mean
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        standardDeviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
        minimum = lo
        maximum = hi
        let first = (lo / binWidth).rounded(.down) * binWidth
        let bins = Int(((hi - first) / binWidth).rounded(.down)) + 1
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int(((v - first) / binWidth).rounded(.down)))] += 1 }
        histogram = Histogram(lowerBound: first, binWidth: binWidth, counts: counts)
    }
}
