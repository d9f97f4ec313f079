public import NadirImaging
internal import NadirModel
public import NadirSegmentation
internal import Dispatch

/// Measures the lesions of a label map: RECIST axes, Feret diameter, volumes, surface, density and SULpeak.
///
/// Each lesion is measured in its bounding box only; `measureAll` finds every box in one pass over the map and
/// measures lesions on all cores.
public struct LesionMeasurer: Sendable {
    /// The algorithm name and version recorded in provenance; bump when results can change.
    public static let algorithm = "nadir-measure 1"

    /// In-plane Gaussian sigma (voxels) of the slice masks whose 0.5 contour gives the RECIST axes.
    public var contourSmoothing: Double
    /// Gaussian sigma, in units of the coarser in-plane spacing, of the mask whose 0.5 iso-surface gives the
    /// Feret diameter and the surface area (0: the raw mask's surface, whose staircase lengthens the Feret
    /// diameter by up to a voxel and inflates the area). The same sigma in mm on every axis, so thick slices
    /// are barely blurred along z. The volume always comes from the raw mask's surface: smoothing shrinks a
    /// convex surface by about sigma² times its curvature, which costs 1-2 % of a small lesion's volume.
    public var meshSmoothing: Double
    /// Histogram bin width (default 10 HU for CT, 0.1 SUL for PET).
    public var histogramBinWidth: Double?

    /// Makes a measurer; the defaults are the ones validated on the analytic phantoms.
    public init(contourSmoothing: Double = 0.6, meshSmoothing: Double = 0.6, histogramBinWidth: Double? = nil) {
        self.contourSmoothing = contourSmoothing
        self.meshSmoothing = meshSmoothing
        self.histogramBinWidth = histogramBinWidth
    }

    /// A description of the method for provenance.
    public var methodDescription: String {
        "\(Self.algorithm): RECIST axes on the 0.5 contour of each slice smoothed by sigma \(contourSmoothing) voxel "
            + "(convex hull, exhaustive pairs); volume from the marching-tetrahedra surface of the mask; Feret and area "
            + "from that of the mask smoothed by sigma \(meshSmoothing) x in-plane spacing"
    }

    /// Measures one lesion.
    public func measure(label: UInt16, in labels: LabelMap, image: MeasurementImage? = nil, imageHash: String? = nil,
                        maskHash: String? = nil) throws(MeasurementError) -> LesionMeasurement {
        try check(labels, image)
        guard let summary = labels.labelSummaries().first(where: { $0.label == label }) else {
            throw MeasurementError(.labelNotFound, label: label, detail: "the label map has no voxel of this label")
        }
        return try measure(summary, labels, image, imageHash, maskHash)
    }

    /// Measures every non-zero label, in increasing label order.
    public func measureAll(in labels: LabelMap, image: MeasurementImage? = nil, imageHash: String? = nil,
                           maskHash: String? = nil) throws(MeasurementError) -> [LesionMeasurement] {
        try check(labels, image)
        let summaries = labels.labelSummaries()
        var results = [Result<LesionMeasurement, MeasurementError>?](repeating: nil, count: summaries.count)
        results.withUnsafeMutableBufferPointer { out in
            let box = UncheckedBox(out)
            DispatchQueue.concurrentPerform(iterations: summaries.count) { i in
                do throws(MeasurementError) {
                    box.value[i] = .success(try measure(summaries[i], labels, image, imageHash, maskHash))
                } catch {
                    box.value[i] = .failure(error)
                }
            }
        }
        var list: [LesionMeasurement] = []
        for r in results {
            switch r {
            case .success(let m)?: list.append(m)
            case .failure(let e)?: throw e
            case nil: break
            }
        }
        return list
    }

    private func check(_ labels: LabelMap, _ image: MeasurementImage?) throws(MeasurementError) {
        let g = labels.geometry
        guard abs(g.direction.determinant) > 1e-6, g.spacing.min() > 0 else {
            throw MeasurementError(.invalidGeometry, detail: "the label map has a singular direction or zero spacing")
        }
        if let image, !image.geometry.isCongruent(with: g, tolerance: 1e-3) {
            throw MeasurementError(.geometryMismatch,
                                   detail: "the image and the label map are on different grids; resample the mask onto the image")
        }
    }

    private func measure(_ s: LabelSummary, _ labels: LabelMap, _ image: MeasurementImage?, _ imageHash: String?,
                         _ maskHash: String?) throws(MeasurementError) -> LesionMeasurement {
        let g = labels.geometry
        guard let axes = PlanarAxes.measure(label: s.label, in: labels, bounds: s.bounds, sigma: contourSmoothing) else {
            throw MeasurementError(.labelNotFound, label: s.label, detail: "no in-plane contour found")
        }
        // The raw mask's surface encloses the mask: it gives the volume and the exported mesh. The smoothed
        // surface has no staircase: it gives the Feret diameter and the surface area.
        let mesh = MarchingCubes.mesh(LabelField(label: s.label, labels: labels, bounds: s.bounds, smoothing: 0))
        var smooth = mesh
        if meshSmoothing > 0 {
            let m = MarchingCubes.mesh(LabelField(label: s.label, labels: labels, bounds: s.bounds, smoothing: meshSmoothing))
            if !m.triangles.isEmpty { smooth = m }  // tiny lesions may not survive smoothing
        }
        let (fa, fb, _) = FeretDiameter.diameter(smooth.vertices)
        var intensity: IntensityStatistics?
        var density: Density?
        var peak: (value: Double, centre: SIMD3<Int>)?
        switch image {
        case .computedTomography(let ct)?:
            intensity = ct.withUnsafeVoxels { v in statistics(s, labels, binWidth: histogramBinWidth ?? 10) { Double(v[$0]) } }
            density = intensity.flatMap { Density(rounding: $0.mean) }
        case .petSUL(let pet)?:
            intensity = pet.withUnsafeVoxels { v in statistics(s, labels, binWidth: histogramBinWidth ?? 0.1) { Double(v[$0]) } }
            peak = SULPeak.peak(label: s.label, labels: labels, bounds: s.bounds, pet: pet)
        case nil:
            break
        }
        return LesionMeasurement(
            label: s.label, voxelCount: s.voxelCount, longAxis: axes.long, shortAxis: axes.short,
            maximumDiameter: AxisMeasurement(start: fa, end: fb, sliceIndex: nil),
            voxelVolume: VolumeMeasure(rounding: Double(s.voxelCount) * g.voxelVolume) ?? .zero,
            meshVolume: VolumeMeasure(rounding: abs(mesh.volume)) ?? .zero,
            surfaceArea: Area(rounding: smooth.surfaceArea) ?? .zero, mesh: mesh, intensity: intensity,
            meanDensity: density, sulPeak: peak.flatMap { StandardizedUptake(rounding: $0.value) },
            sulPeakCentre: peak.map { g.physicalPoint(at: $0.centre) },
            provenance: Provenance(algorithm: Self.algorithm, imageHash: imageHash, maskHash: maskHash,
                                   source: methodDescription))
    }

    private func statistics(_ s: LabelSummary, _ labels: LabelMap, binWidth: Double,
                            _ value: (Int) -> Double) -> IntensityStatistics? {
        let g = labels.geometry
        var values: [Double] = []
        values.reserveCapacity(s.voxelCount)
        labels.withUnsafeVoxels { l in
            for z in s.bounds.lower.z...s.bounds.upper.z {
                for y in s.bounds.lower.y...s.bounds.upper.y {
                    for x in s.bounds.lower.x...s.bounds.upper.x {
                        let o = g.offset(x: x, y: y, z: z)
                        if l[o] == s.label { values.append(value(o)) }
                    }
                }
            }
        }
        return IntensityStatistics(values: values, binWidth: binWidth)
    }
}

/// Carries a buffer into a concurrent loop whose iterations write disjoint elements.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
