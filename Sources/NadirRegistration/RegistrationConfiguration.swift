public import NadirImaging

/// The similarity measure registration optimises.
public enum Metric: Hashable, Sendable, Codable {
    /// Normalised cross correlation (Pearson), minimised as `-NCC`: insensitive to a linear change of
    /// contrast (window, calibration), fast. Same modality only.
    case normalizedCrossCorrelation
    /// Mattes mutual information with `bins` histogram bins (Mattes et al., IEEE TMI 2003;22:120-128:
    /// cubic B-spline Parzen window on the moving image, zero-order on the fixed), minimised as `-MI`:
    /// tolerates non-linear contrast changes (enhancement phases) and lesion changes.
    case mattesMutualInformation(bins: Int)
}

/// Which transform family is fitted.
public enum TransformModel: String, Hashable, Sendable, Codable {
    /// Rotation and translation (6 degrees of freedom).
    case rigid
    /// Rigid first, then a full affine refinement (12 degrees of freedom) on the two finest levels.
    case affine
}

/// How fixed-image points are chosen for the metric at each level.
public enum SamplingStrategy: Hashable, Sendable, Codable {
    /// A random set of voxels drawn once per level with this seed (reproducible), like ITK's RANDOM sampling.
    case stochastic(seed: UInt64)
    /// A regular lattice of voxels, like ITK's REGULAR sampling without jitter.
    case grid
}

/// How the transform is initialised when no initial transform is given.
public enum Initialization: String, Hashable, Sendable, Codable {
    /// Translate so that the intensity centres of mass coincide (image moments); rotate about the fixed one.
    case centerOfMass
    /// Translate so that the centres of the two image grids coincide.
    case geometryCenter
    /// Start from the identity (the scanner's frame of reference is trusted).
    case identity
}

/// A part of the fixed image (baseline) to which the metric is restricted, for local refinement.
public enum RegistrationRegion: Sendable {
    /// An axis-aligned box in physical LPS mm (fixed space), corners in any order.
    case boundingBox(SIMD3<Double>, SIMD3<Double>)
    /// A ball around a point, e.g. a lesion centre with a margin, LPS mm.
    case sphere(center: SIMD3<Double>, radius: Double)
    /// The non-zero voxels of a mask on any grid (it need not match the fixed image's geometry).
    case mask(Volume<UInt8>)
}

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
