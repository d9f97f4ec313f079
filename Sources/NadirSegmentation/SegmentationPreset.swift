/// Where a seeded segmentation starts: a point in patient space or a voxel index.
public enum SeedPoint: Hashable, Sendable {
    /// A physical point, LPS mm.
    case physical(SIMD3<Double>)
    /// A voxel index of the scan.
    case index(SIMD3<Int>)
}

/// The tissue-specific settings of `SeededSegmenter`: how large lesions get, how much to smooth, how thin a
/// bridge to cut, and what surrounds the lesion.
///
/// Values are chosen from the CT appearance of each site (Hounsfield scale; lesion sizes from RECIST 1.1
/// measurable-disease limits and typical metastasis sizes) and checked on the synthetic phantoms.
public struct SegmentationPreset: Hashable, Sendable {
    /// A name for provenance ("liver", "lung", ...).
    public var name: String
    /// The largest lesion radius (mm) the region may reach from the seed: the bounded region that stops leaks.
    public var maximumRadius: Double
    /// The bounded region's radius (mm) tried first; it doubles (up to `maximumRadius`) while the lesion
    /// reaches its edge. Most lesions of the site fit in it, which keeps the work small.
    public var typicalRadius: Double
    /// Gaussian smoothing (sigma, mm) before thresholding, to tame noise (axes whose spacing exceeds 3 sigma
    /// are not smoothed).
    public var smoothingSigma: Double
    /// Ball radius (mm) of the opening that cuts thin bridges to touching structures.
    public var openingRadius: Double
    /// Half-width (HU) of the intensity window on a side where no contrasting tissue surrounds the lesion.
    public var defaultHalfWidth: Double
    /// The smallest half-width (HU) the adaptive window may take.
    public var minimumHalfWidth: Double
    /// Seed intensities (HU, after smoothing) a lesion of this site can have; outside it the seed is rejected.
    public var plausibleIntensity: ClosedRange<Double>
    /// Tissue that encloses lesions of this site (lung: air), whose closing by `enclosingClosingRadius`
    /// separates a lesion from a touching wall of similar density (the rolling-ball lung-mask correction).
    public var enclosingTissue: ClosedRange<Double>?
    /// Ball radius (mm) that closes the enclosing tissue over lesions; must exceed the lesion's radius.
    public var enclosingClosingRadius: Double

    /// Makes a preset.
    public init(name: String, maximumRadius: Double, typicalRadius: Double, smoothingSigma: Double, openingRadius: Double,
                defaultHalfWidth: Double, minimumHalfWidth: Double, plausibleIntensity: ClosedRange<Double>,
                enclosingTissue: ClosedRange<Double>? = nil, enclosingClosingRadius: Double = 0) {
        self.name = name
        self.maximumRadius = maximumRadius
        self.typicalRadius = typicalRadius
        self.smoothingSigma = smoothingSigma
        self.openingRadius = openingRadius
        self.defaultHalfWidth = defaultHalfWidth
        self.minimumHalfWidth = minimumHalfWidth
        self.plausibleIntensity = plausibleIntensity
        self.enclosingTissue = enclosingTissue
        self.enclosingClosingRadius = enclosingClosingRadius
    }

    /// Liver lesions: hypo- or hyperdense against parenchyma (~60 HU portal venous), up to 80 mm across.
    public static let liver = SegmentationPreset(
        name: "liver", maximumRadius: 40, typicalRadius: 20, smoothingSigma: 1.0, openingRadius: 1.5, defaultHalfWidth: 60,
        minimumHalfWidth: 8, plausibleIntensity: -50...200)
    /// Lung nodules and masses in aerated lung (~-850 HU), including juxtapleural ones up to 30 mm across.
    public static let lung = SegmentationPreset(
        name: "lung", maximumRadius: 20, typicalRadius: 12, smoothingSigma: 0.7, openingRadius: 1.0, defaultHalfWidth: 150,
        minimumHalfWidth: 8, plausibleIntensity: -400...250, enclosingTissue: -1100...(-400),
        enclosingClosingRadius: 16)
    /// Lymph nodes (~30-40 HU) in fat, next to contrast-filled vessels (150-300 HU), up to 40 mm across.
    public static let lymphNode = SegmentationPreset(
        name: "lymph node", maximumRadius: 20, typicalRadius: 12, smoothingSigma: 0.7, openingRadius: 1.0, defaultHalfWidth: 60,
        minimumHalfWidth: 8, plausibleIntensity: -30...120)
    /// Bone lesions (lytic or blastic) against marrow and cortex, up to 80 mm across.
    public static let bone = SegmentationPreset(
        name: "bone", maximumRadius: 40, typicalRadius: 20, smoothingSigma: 0.7, openingRadius: 1.0, defaultHalfWidth: 200,
        minimumHalfWidth: 20, plausibleIntensity: -100...2000)
    /// Brain lesions (contrast-enhancing or hypodense) against parenchyma (~30-40 HU), up to 60 mm across.
    public static let brain = SegmentationPreset(
        name: "brain", maximumRadius: 30, typicalRadius: 15, smoothingSigma: 1.0, openingRadius: 1.0, defaultHalfWidth: 40,
        minimumHalfWidth: 5, plausibleIntensity: -20...150)
    /// Soft-tissue lesions (muscle, subcutaneous, peritoneal) against fat or muscle, up to 80 mm across.
    public static let softTissue = SegmentationPreset(
        name: "soft tissue", maximumRadius: 40, typicalRadius: 20, smoothingSigma: 1.0, openingRadius: 1.5, defaultHalfWidth: 60,
        minimumHalfWidth: 8, plausibleIntensity: -50...200)

    /// All built-in presets.
    public static let all: [SegmentationPreset] = [.liver, .lung, .lymphNode, .bone, .brain, .softTissue]
}
