/// Why the optimiser stopped on a level.
public enum StopReason: String, Hashable, Sendable, Codable {
    /// The step fell below the minimum step length: converged.
    case minimumStepLength
    /// No step along the search direction decreased the metric: converged to the metric's noise level.
    case noFurtherImprovement
    /// The iteration limit was reached before convergence.
    case maximumIterations
    /// The gradient vanished: converged (or the metric is flat).
    case gradientTolerance
    /// The level was skipped because the region held too few fixed-image samples.
    case tooFewSamples
}

/// What happened on one level of one stage of the registration, for the audit trail.
public struct LevelReport: Hashable, Sendable, Codable {
    /// "rigid" or "affine".
    public var stage: String
    /// Pyramid level: 0 = full resolution.
    public var level: Int
    /// The fixed image's voxel spacing at this level, mm.
    public var spacing: SIMD3<Double>
    /// Metric sample points used.
    public var sampleCount: Int
    /// Optimiser iterations (metric and gradient evaluations after the first).
    public var iterations: Int
    /// Metric value at the start of the level (`nil` when the level was skipped).
    public var initialMetric: Double?
    /// Metric value at the end of the level (`nil` when the level was skipped).
    public var finalMetric: Double?
    /// Why the level ended.
    public var stopReason: StopReason
}

/// The outcome of registering a moving (follow-up) image to a fixed (baseline) image, Codable so that it
/// can be stored with the timepoint and audited.
///
/// Direction: `transform` maps **fixed-space points to moving-space points** (ITK's convention). Map a
/// baseline lesion centre into the follow-up with `transform.apply(to:)`; resample the follow-up into the
/// baseline grid with `Resampler.resample(followUp, onto: baseline.geometry, transform: transform)`.
public struct RegistrationResult: Hashable, Sendable, Codable {
    /// The fitted rigid transform (fixed → moving).
    public var rigid: RigidTransform
    /// The affine refinement (fixed → moving), when `TransformModel.affine` was requested.
    public var affine: AffineTransform3D?
    /// The transform the optimisation started from.
    public var initial: RigidTransform
    /// The metric optimised.
    public var metric: Metric
    /// The metric's value at the final transform on the finest level registered (lower is better).
    public var finalMetric: Double
    /// Total optimiser iterations over all levels and stages.
    public var iterations: Int
    /// Why the final level stopped.
    public var stopReason: StopReason
    /// One report per level and stage, coarsest first.
    public var levels: [LevelReport]

    /// The final transform: the affine refinement if any, else the rigid fit.
    public var transform: AffineTransform3D { affine ?? rigid.affineTransform }
}
