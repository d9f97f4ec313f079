import NadirImaging
import NadirMeasurement
import NadirModel
import NadirSegmentation
import Testing

/// Density statistics and SULpeak against values computed directly from the synthetic images' formulas.
@Suite struct IntensityTests {
    static let tolerance = 1e-9

    /// A box lesion (label 1) in a 30x30x20 grid.
    static func boxLabels(spacing: SIMD3<Double>) -> LabelMap {
        var labels = LabelMap(geometry: ImageGeometry(size: [30, 30, 20], spacing: spacing), repeating: 0)
        for z in 6..<14 { for y in 8..<20 { for x in 5..<22 { labels[x, y, z] = 1 } } }
        return labels
    }

    @Test func densityMeanSDAndHistogramOfKnownValues() throws {
        let labels = Self.boxLabels(spacing: [0.8, 0.8, 2])
        var ct = Volume<Int16>(geometry: labels.geometry, repeating: -1000)
        var inside: [Double] = []
        for z in 0..<20 { for y in 0..<30 { for x in 0..<30 {
            let v = Int16(20 + 3 * x - 2 * y + z)
            ct[x, y, z] = v
            if labels[x, y, z] == 1 { inside.append(Double(v)) }
        } } }
        let m = try LesionMeasurer(histogramBinWidth: 5).measure(label: 1, in: labels, image: .computedTomography(ct))
        let stats = try #require(m.intensity)
        let mean = inside.reduce(0, +) / Double(inside.count)
        let sd = (inside.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(inside.count - 1)).squareRoot()
        #expect(abs(stats.mean - mean) < Self.tolerance)
        #expect(abs(stats.standardDeviation - sd) < Self.tolerance)
        #expect(m.meanDensity == Density(rounding: mean))
        #expect(stats.histogram.counts.reduce(0, +) == inside.count)
        let firstBin = inside.filter { $0 >= stats.histogram.lowerBound && $0 < stats.histogram.lowerBound + 5 }.count
        #expect(stats.histogram.counts.first == firstBin)
        #expect(stats.minimum == inside.min() && stats.maximum == inside.max())
    }

    @Test func sulPeakOfAUniformHotSphereIsItsUptake() throws {
        // A 1.5 cm radius sphere of SUL 5 in SUL 1: a 1 cm³ sphere fits inside, so SULpeak = 5.
        let g = ImageGeometry(size: [40, 40, 40], origin: [-39, -39, -39], spacing: [2, 2, 2])
        var pet = Volume<Float>(geometry: g, repeating: 1)
        var labels = LabelMap(geometry: g, repeating: 0)
        for z in 0..<40 { for y in 0..<40 { for x in 0..<40 {
            let p = g.physicalPoint(at: SIMD3(x, y, z))
            if norm(p) <= 15 { pet[x, y, z] = 5; labels[x, y, z] = 1 }
        } } }
        let m = try LesionMeasurer().measure(label: 1, in: labels, image: .petSUL(pet))
        #expect(m.sulPeak == StandardizedUptake(units: 5000))
        #expect(m.meanDensity == nil)
    }

    @Test func sulPeakOfALinearRampIsTheRampAtTheHottestCentre() throws {
        // SUL = 1 + 0.05 * x (mm): a sphere's mean over a centred-symmetric voxel set is the value at its centre,
        // so SULpeak is the ramp at the lesion voxel with the largest x, whatever lies around it.
        let g = ImageGeometry(size: [30, 30, 20], spacing: [2, 2, 3])
        var pet = Volume<Float>(geometry: g, repeating: 0)
        for z in 0..<20 { for y in 0..<30 { for x in 0..<30 { pet[x, y, z] = Float(1 + 0.05 * Double(2 * x)) } } }
        var labels = LabelMap(geometry: g, repeating: 0)
        for z in 8..<12 { for y in 10..<20 { for x in 6..<18 { labels[x, y, z] = 1 } } }
        let m = try LesionMeasurer().measure(label: 1, in: labels, image: .petSUL(pet))
        let expected = 1 + 0.05 * Double(2 * 17)
        #expect(abs(try #require(m.sulPeak).doubleValue - expected) < 0.0015)
    }

    @Test func imageOnAnotherGridIsRejected() {
        let labels = Self.boxLabels(spacing: [1, 1, 1])
        let ct = Volume<Int16>(geometry: ImageGeometry(size: [30, 30, 20], spacing: [1, 1, 2]), repeating: 0)
        #expect(throws: MeasurementError.self) {
            try LesionMeasurer().measure(label: 1, in: labels, image: .computedTomography(ct))
        }
    }
}
