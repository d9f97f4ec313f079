public import NadirModel

/// Every threshold of lesion tracking, in one place, each with its unit and whether the bound is inclusive.
///
/// The defaults suit contrast-enhanced CT follow-up with slices up to 5 mm. `validate()` checks ranges.
public struct TrackingParameters: Hashable, Sendable, Codable {
    // MARK: Matching (Hungarian assignment on registered distance, Kuhn 1955 / Munkres 1957)

    /// A component whose centroid is farther (>) than this from a lesion's registered position cannot be that
    /// lesion, unless it overlaps the lesion's registered mask. Distance <= radius is admissible.
    public var searchRadius: Length = Length(millimeters: 15)
    /// For large lesions the search radius grows to this multiple of the equivalent-sphere radius (the larger
    /// of the two applies).
    public var radiusFactor: Double = 1.5
    /// Unmatched components with volume >= this are proposed as candidate new lesions; smaller ones are listed.
    public var minimumNewLesionVolume: VolumeMeasure = VolumeMeasure(units: 10_000)  // 100 mm³
    /// Two re-segmented lesions whose masks overlap by more than (>) this fraction of the smaller mask are one
    /// follow-up component (lesions that merged).
    public var sameComponentOverlap: Double = 0.5

    // MARK: Candidate new lesions: screening by subtraction on a coarse grid

    /// Screening grid spacing, mm: the follow-up is block-averaged by round(spacing / voxel) per axis (at
    /// least 1), so a 0.7 x 0.7 x 1 mm scan is screened at 2.1 x 2.1 x 2 mm. Block averaging also suppresses
    /// noise (SD falls by the square root of the block size); grids already coarser than this get two 3-voxel
    /// box passes instead.
    public var screeningSpacing: Double = 2
    /// A screening voxel has changed when |follow-up - registered baseline| > this, HU.
    public var changeThreshold: Double = 25
    /// A lesion is tissue now: follow-up density within this range (inclusive), HU.
    public var tissueRange: ClosedRange<Double> = -150...250
    /// Opening radius (mm) that removes the thin rims sub-voxel misregistration leaves at strong edges; at
    /// least 1.1 screening voxels.
    public var openingRadius: Double = 1.5
    /// Changed blobs with volume >= this (mm³) are screened further (100 mm³ is a sphere of 5.8 mm).
    public var minimumBlobVolume: Double = 100
    /// Changes within (<=) this distance (mm) of the air outside the body are not candidates: breathing and
    /// positioning change the body outline; lesions rarely appear there.
    public var surfaceMargin: Double = 10
    /// Bone: > this density (HU) in either scan.
    public var boneThreshold: Double = 300
    /// Changes within (<=) this distance (mm) of bone are not candidates: thin bone interpolated across thick
    /// slices differs from itself by hundreds of HU. Bone metastases are therefore placed by a person.
    public var boneMargin: Double = 4
    /// Changes within (<) this distance (mm) of either field of view's edge are not candidates.
    public var fieldOfViewMargin: Double = 8
    /// A changed blob nearer (<) than this (mm) to a tracked lesion (its registered position or its follow-up
    /// centroid) belongs to that lesion, not a new one.
    public var trackedLesionDistance: Double = 20

    // MARK: Candidate new lesions: the segmented candidate

    /// A candidate's segmentation must stay <= max(growthFactor x blob volume, growthAllowance): one that
    /// spreads far beyond its changed blob grew into normal tissue.
    public var growthFactor: Double = 4
    /// See `growthFactor`, mm³.
    public var growthAllowance: Double = 2000
    /// Shape test: a candidate's short axis must be >= this (mm). A sliver (short axis 1.3 mm) is an edge
    /// artefact, not a lesion; RECIST 1.1 does not measure lesions below 10 mm long axis either.
    public var minimumShortAxis: Double = 3
    /// Shape test: long axis / short axis must be <= this.
    public var maximumElongation: Double = 4
    /// Contrast test: the mean |follow-up - registered baseline| over the candidate's mask must be >= this, HU.
    /// A real new lesion changed the tissue it occupies; an edge shift changes only its rim.
    public var minimumMeanChange: Double = 25

    /// The defaults above.
    public init() {}

    /// Checks every value is in range.
    public func validate() throws(TrackingError) {
        func fail(_ what: String) -> TrackingError { TrackingError(.invalidParameter, detail: what) }
        guard searchRadius.units > 0 else { throw fail("searchRadius must be > 0 mm") }
        guard radiusFactor.isFinite, radiusFactor > 0 else { throw fail("radiusFactor must be > 0") }
        guard (0...1).contains(sameComponentOverlap) else { throw fail("sameComponentOverlap must be in 0...1") }
        for (name, value) in [("screeningSpacing", screeningSpacing), ("changeThreshold", changeThreshold),
                              ("growthFactor", growthFactor), ("maximumElongation", maximumElongation)] {
            guard value.isFinite, value > 0 else { throw fail("\(name) \(value) must be > 0") }
        }
        for (name, value) in [("openingRadius", openingRadius), ("minimumBlobVolume", minimumBlobVolume),
                              ("surfaceMargin", surfaceMargin), ("boneMargin", boneMargin),
                              ("fieldOfViewMargin", fieldOfViewMargin), ("trackedLesionDistance", trackedLesionDistance),
                              ("growthAllowance", growthAllowance), ("minimumShortAxis", minimumShortAxis),
                              ("minimumMeanChange", minimumMeanChange)] {
            guard value.isFinite, value >= 0 else { throw fail("\(name) \(value) must be >= 0") }
        }
    }
}
