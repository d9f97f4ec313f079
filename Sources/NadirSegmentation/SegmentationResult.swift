public import NadirImaging

/// A seeded segmentation: the lesion mask in its region of interest, and how it was found.
public struct SegmentationResult: Sendable {
    /// The lesion (1) in the region of interest, on a geometry at its place in patient space.
    public var mask: Volume<UInt8>
    /// Where the region of interest lies in the scan's index space.
    public var region: IndexRegion
    /// The seed's voxel index in the scan.
    public var seedIndex: SIMD3<Int>
    /// The lesion intensity estimated at the seed (HU, smoothed median).
    public var seedIntensity: Double
    /// The adaptive intensity window (HU, after smoothing) the lesion was grown in.
    public var intensityWindow: ClosedRange<Double>
    /// Number of lesion voxels.
    public var voxelCount: Int
    /// Whether the lesion reached the preset's maximum radius: a sign it may continue beyond (check it).
    public var reachedSizeLimit: Bool
    /// The preset used.
    public var preset: SegmentationPreset

    /// The scan-sized label map holding this lesion as `label` (everything else 0).
    public func labelMap(on geometry: ImageGeometry, label: UInt16 = 1) throws(SegmentationError) -> LabelMap {
        var map = LabelMap(geometry: geometry, repeating: 0)
        try map.paste(mask, as: label)
        return map
    }
}

/// The algorithm identifier recorded in provenance.
public enum SegmentationAlgorithm {
    /// Name and version of the seeded segmenter; bump the version when results can change.
    public static let seeded = "nadir-seeded-segmenter 1"
}
