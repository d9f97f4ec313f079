public import NadirImaging
internal import Foundation

/// Registers a moving (follow-up) volume to a fixed (baseline) volume in physical space: moments
/// initialisation, a multi-resolution pyramid, NCC or Mattes MI on sampled points, quasi-Newton (BFGS)
/// optimisation of the six rigid parameters, then optionally a 12-parameter affine refinement.
///
/// The result maps **fixed-space points to moving-space points** (ITK convention): a baseline lesion centre
/// `p` lies at `result.transform.apply(to: p)` in the follow-up scan.
public struct RigidRegistrar: Sendable {
    /// The settings.
    public var configuration: RegistrationConfiguration

    /// Makes a registrar with the given settings.
    public init(_ configuration: RegistrationConfiguration = RegistrationConfiguration()) {
        self.configuration = configuration
    }

    /// Registers `moving` to `fixed`; `initialTransform` (fixed → moving) replaces the configured
    /// initialisation, e.g. a global result refined locally around a lesion.
    public func register(fixed: Volume<Float>, moving: Volume<Float>,
                         initialTransform: RigidTransform? = nil) throws -> RegistrationResult {
        let config = configuration
        try config.validate()
        for (name, image) in [("fixed", fixed), ("moving", moving)] {
            guard image.geometry.voxelCount > 0 else {
                throw RegistrationError(.emptyImage, image: name, detail: "the \(name) image has no voxels")
            }
            guard image.geometry.physicalToIndex != nil else {
                throw RegistrationError(.singularGeometry, image: name,
                                        detail: "direction \(image.geometry.direction) or spacing "
                                            + "\(image.geometry.spacing) of the \(name) image is singular")
            }
        }
        let fixedPyramid = ImagePyramid(fixed, coarsestSpacing: config.coarsestSpacing)
        let levelCount = fixedPyramid.levels.count
        let movingPyramid = ImagePyramid(moving, coarsestSpacing: config.coarsestSpacing, levelCount: levelCount)
        let initial = try initialTransform ?? initialize(fixedPyramid, movingPyramid)
        let center = try regionCenter(fixed: fixed) ?? initial.center
        var rigid = initial.recentered(at: center)

        let finest = min(config.finestLevel, levelCount - 1)
        var reports: [LevelReport] = []
        for level in stride(from: levelCount - 1, through: finest, by: -1) {
            let movingLevel = movingPyramid.levels[min(level, movingPyramid.levels.count - 1)]
            let coarsest = level == levelCount - 1 && initialTransform == nil
            guard let run = try runLevel(stage: "rigid", level: level, fixed: fixedPyramid.levels[level],
                                         moving: movingLevel, center: center, coarsest: coarsest,
                                         start: RigidState(transform: rigid), reports: &reports)
            else { continue }
            rigid = run.transform
        }
        var affine: AffineTransform3D?
        if config.transformModel == .affine {
            var state = AffineState(transform: rigid.affineTransform)
            for level in stride(from: min(finest + 1, levelCount - 1), through: finest, by: -1) {
                let movingLevel = movingPyramid.levels[min(level, movingPyramid.levels.count - 1)]
                guard let run = try runLevel(stage: "affine", level: level, fixed: fixedPyramid.levels[level],
                                             moving: movingLevel, center: center, coarsest: false,
                                             start: state, reports: &reports)
                else { continue }
                state = run
            }
            affine = state.transform
        }
        guard let last = reports.last(where: { $0.stopReason != .tooFewSamples }), let finalMetric = last.finalMetric
        else {
            throw RegistrationError(.emptyRegion, image: "fixed",
                                    detail: "no pyramid level had \(config.minimumSamples) fixed samples in the "
                                        + "region; enlarge the region or lower minimumSamples")
        }
        return RegistrationResult(rigid: rigid, affine: affine, initial: initial, metric: config.metric,
                                  finalMetric: finalMetric, iterations: reports.reduce(0) { $0 + $1.iterations },
                                  stopReason: last.stopReason, levels: reports)
    }

    /// Optimises one level; `nil` (and a `tooFewSamples` report) when the region holds too few samples.
    private func runLevel<State: OptimizedTransform>(
        stage: String, level: Int, fixed: Volume<Float>, moving: Volume<Float>, center: SIMD3<Double>,
        coarsest: Bool, start: State, reports: inout [LevelReport]
    ) throws -> State? {
        let config = configuration
        let spacing = fixed.geometry.spacing
        let samples = try SampleSet(image: fixed, region: config.region, count: config.samplesPerLevel,
                                    strategy: config.sampling, center: center)
        guard samples.count >= config.minimumSamples else {
            reports.append(LevelReport(stage: stage, level: level, spacing: spacing, sampleCount: samples.count,
                                       iterations: 0, initialMetric: nil, finalMetric: nil,
                                       stopReason: .tooFewSamples))
            return nil
        }
        var evaluator = try MetricEvaluator(samples: samples, moving: moving, metric: config.metric, level: level)
        let meanSpacing = cbrt(spacing.x * spacing.y * spacing.z)
        let optimizer = QuasiNewtonOptimizer(
            maximumStep: config.maximumStepLength * meanSpacing * (coarsest ? 2 : 1),
            minimumStep: config.minimumStepLength * meanSpacing, maximumIterations: config.maximumIterationsPerLevel,
            gradientTolerance: config.gradientTolerance)
        let outcome = try optimizer.minimize(from: start, radius: samples.radius) { state in
            let parts = state.affineParts
            return try evaluator.evaluate(matrix: parts.matrix, translation: parts.translation,
                                          center: parts.center, level: level)
        }
        reports.append(LevelReport(stage: stage, level: level, spacing: spacing, sampleCount: samples.count,
                                   iterations: outcome.iterations, initialMetric: outcome.initialValue,
                                   finalMetric: outcome.value, stopReason: outcome.stopReason))
        return outcome.state
    }

    /// The configured initialisation, computed on the coarsest levels.
    private func initialize(_ fixed: ImagePyramid, _ moving: ImagePyramid) throws -> RigidTransform {
        guard let f = fixed.levels.last, let m = moving.levels.last else {
            throw RegistrationError(.emptyImage, detail: "empty image pyramid")
        }
        let fixedCenter = Self.gridCenter(f.geometry), movingCenter = Self.gridCenter(m.geometry)
        switch configuration.initialization {
        case .identity:
            return RigidTransform(center: fixedCenter)
        case .geometryCenter:
            return RigidTransform(translation: movingCenter - fixedCenter, center: fixedCenter)
        case .centerOfMass:
            guard let cf = Moments.centerOfMass(f) else {
                throw RegistrationError(.constantImage, image: "fixed", detail: "the fixed image is constant")
            }
            guard let cm = Moments.centerOfMass(m) else {
                throw RegistrationError(.constantImage, image: "moving", detail: "the moving image is constant")
            }
            return RigidTransform(translation: cm - cf, center: cf)
        }
    }

    /// The physical centre of an image grid.
    static func gridCenter(_ g: ImageGeometry) -> SIMD3<Double> {
        g.physicalPoint(at: SIMD3<Double>(Double(g.size.x - 1), Double(g.size.y - 1), Double(g.size.z - 1)) / 2)
    }

    /// The centre of the configured region (rotations about it are best conditioned), if any.
    private func regionCenter(fixed: Volume<Float>) throws -> SIMD3<Double>? {
        switch configuration.region {
        case nil: return nil
        case .boundingBox(let a, let b): return (a + b) / 2
        case .sphere(let c, _): return c
        case .mask(let mask):
            guard let box = RegionPredicate.nonZeroPhysicalBox(mask) else {
                throw RegistrationError(.emptyRegion, image: "mask", detail: "the region mask has no non-zero voxel")
            }
            return (box.0 + box.1) / 2
        }
    }
}
