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
