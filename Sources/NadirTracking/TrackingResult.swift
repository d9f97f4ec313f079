public import NadirImaging
public import NadirMeasurement
public import NadirModel
public import NadirSegmentation

/// A lesion the tracker will follow: where it lies in baseline space and how it is segmented.
public struct LesionToTrack: Hashable, Sendable {
    /// The tracking identifier, e.g. "T01".
    public var id: LesionID
    /// Its seed or centroid in the baseline scan (LPS mm), or its latest position mapped back into baseline space.
    public var position: SIMD3<Double>
    /// The seeded-segmentation preset it was placed with.
    public var preset: SegmentationPreset
    /// Its last measured volume (widens the search radius for large lesions).
    public var volume: VolumeMeasure?

    /// Makes a lesion to track.
    public init(id: LesionID, position: SIMD3<Double>, preset: SegmentationPreset, volume: VolumeMeasure? = nil) {
        self.id = id
        self.position = position
        self.preset = preset
        self.volume = volume
    }
}

/// Something segmented in the follow-up: a tracked lesion found again, or a candidate new lesion.
public struct FollowUpFinding: Sendable {
    /// The mask in its bounding region (a sub-grid of the follow-up at the same place in patient space).
    public var mask: Volume<UInt8>
    /// Where `mask` lies in the follow-up's index space.
    public var region: IndexRegion
    /// Axes, volumes and density, measured on the follow-up.
    public var measurement: LesionMeasurement
    /// Centroid, bounding box and key slice on the follow-up.
    public var location: LesionLocation
    /// The seed it was segmented from, LPS mm.
    public var seed: SIMD3<Double>
    /// The preset it was segmented with.
    public var preset: SegmentationPreset
    /// The tracked lesions it continues (several when they merged; none for a candidate new lesion).
    public var sources: [LesionID]
    /// Whether the segmentation reached the preset's size limit (it may continue beyond: check it).
    public var reachedSizeLimit: Bool

    /// Voxels in the mask.
    public var voxelCount: Int { measurement.voxelCount }

    /// The mask on the whole follow-up grid (what the image store keeps).
    public func fullMask(on geometry: ImageGeometry) throws(SegmentationError) -> Volume<UInt8> {
        var labels = LabelMap(geometry: geometry, repeating: 0)
        try labels.paste(mask, as: 1)
        return labels.converted { $0 == 0 ? 0 : 1 }
    }
}

/// A changed blob that is not proposed as a new lesion, and why.
public struct RejectedCandidate: Hashable, Sendable, Codable {
    /// Where it was (LPS mm).
    public var centroid: [Double]
    /// Its screened volume, mm³.
    public var volume: Double
    /// The test it failed, with the numbers.
    public var reason: String
}

/// What tracking one follow-up produced: what was segmented, what is proposed, what was set aside and why.
public struct TrackingResult: Sendable {
    /// The follow-up findings; a proposal's `component` is an index into this array.
    public var findings: [FollowUpFinding]
    /// The proposals: matched, split, merged, not found (with the reason), candidate new.
    public var outcome: TrackingOutcome
    /// Changed blobs that failed a candidate test (near a tracked lesion, grew into normal tissue, sliver, low
    /// contrast), listed so nothing is hidden.
    public var rejectedCandidates: [RejectedCandidate]
}
