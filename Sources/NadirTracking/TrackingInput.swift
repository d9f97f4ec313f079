public import NadirModel

/// A lesion recorded at baseline, as the tracker needs it.
public struct BaselineLesion: Hashable, Sendable, Codable {
    /// The tracking identifier, e.g. "T04".
    public var id: LesionID
    /// Seed point or centroid in the baseline scan, LPS mm.
    public var position: SIMD3<Double>
    /// Volume at baseline, if measured (widens the search radius for large lesions).
    public var volume: VolumeMeasure?

    /// Makes a baseline lesion.
    public init(id: LesionID, position: SIMD3<Double>, volume: VolumeMeasure? = nil) {
        self.id = id
        self.position = position
        self.volume = volume
    }
}

/// A connected component found in the follow-up scan by segmentation.
public struct FollowUpComponent: Hashable, Sendable, Codable {
    /// The component's label in the follow-up label map.
    public var label: Int
    /// Centroid in the follow-up scan, LPS mm.
    public var centroid: SIMD3<Double>
    /// Number of voxels.
    public var voxelCount: Int
    /// Physical volume.
    public var volume: VolumeMeasure
    /// For each baseline lesion whose mask, mapped into the follow-up, overlaps this component: the number
    /// of this component's voxels inside it (empty when not computed).
    public var overlaps: [LesionID: Int]

    /// Makes a component.
    public init(label: Int, centroid: SIMD3<Double>, voxelCount: Int, volume: VolumeMeasure,
                overlaps: [LesionID: Int] = [:]) {
        self.label = label
        self.centroid = centroid
        self.voxelCount = voxelCount
        self.volume = volume
        self.overlaps = overlaps
    }
}
