/// Settings of `RigidRegistrar`; the defaults suit CT-to-CT follow-up registration.
public struct RegistrationConfiguration: Sendable {
    /// The similarity measure.
    public var metric: Metric = .mattesMutualInformation(bins: 50)
    /// Rigid (default) or rigid followed by affine.
    public var transformModel: TransformModel = .rigid
    /// How metric sample points are chosen.
    public var sampling: SamplingStrategy = .stochastic(seed: 20_260_101)
    /// Metric sample points per pyramid level (fewer when the level or region holds fewer voxels).
    public var samplesPerLevel: Int = 100_000
    /// Pyramid levels are added until the fixed image's finest spacing reaches this, mm.
    public var coarsestSpacing: Double = 5
    /// The finest level registered (0 = full resolution, 1 = half, ...): a coarser finest level is faster.
    public var finestLevel: Int = 0
    /// Largest displacement (mm) one optimiser step may cause, in units of the level's (mean) voxel spacing;
    /// twice this on the coarsest level when the transform comes from the initialisation.
    public var maximumStepLength: Double = 1
    /// A level has converged when an accepted step moves points by less than this, in units of its spacing.
    public var minimumStepLength: Double = 0.01
    /// Iteration limit per level.
    public var maximumIterationsPerLevel: Int = 200
    /// The optimiser stops when the scaled gradient's norm falls below this.
    public var gradientTolerance: Double = 1e-10
    /// Initialisation used when `register` gets no initial transform.
    public var initialization: Initialization = .centerOfMass
    /// Restrict the metric to this part of the fixed image (local refinement), or use the whole image.
    public var region: RegistrationRegion?
    /// Levels whose region holds fewer samples than this are skipped.
    public var minimumSamples: Int = 256

    /// The default configuration.
    public init() {}

    /// A configuration with a metric and optionally a region; other settings default.
    public init(metric: Metric, transformModel: TransformModel = .rigid, region: RegistrationRegion? = nil) {
        self.metric = metric
        self.transformModel = transformModel
        self.region = region
    }

    func validate() throws {
        func fail(_ what: String) -> RegistrationError {
            RegistrationError(.invalidConfiguration, detail: what)
        }
        if case .mattesMutualInformation(let bins) = metric, !(8...512).contains(bins) {
            throw fail("Mattes histogram bins \(bins) outside 8...512")
        }
        guard samplesPerLevel >= 16 else { throw fail("samplesPerLevel \(samplesPerLevel) is below 16") }
        guard coarsestSpacing.isFinite, coarsestSpacing > 0 else { throw fail("coarsestSpacing must be > 0 mm") }
        guard finestLevel >= 0 else { throw fail("finestLevel \(finestLevel) is negative") }
        guard maximumStepLength > 0, minimumStepLength > 0, minimumStepLength < maximumStepLength else {
            throw fail("step lengths must satisfy 0 < minimum (\(minimumStepLength)) < maximum (\(maximumStepLength))")
        }
        guard maximumIterationsPerLevel >= 1 else { throw fail("maximumIterationsPerLevel must be >= 1") }
        if case .sphere(_, let radius) = region, !(radius > 0) {
            throw fail("region sphere radius \(radius) must be > 0 mm")
        }
    }
}
