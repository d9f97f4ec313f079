/// A box of voxel indices, bounds inclusive: the bounding box of a label or the region of interest of a segmenter.
public struct IndexRegion: Hashable, Sendable {
    /// The smallest index in the box.
    public var lower: SIMD3<Int>
    /// The largest index in the box (inclusive).
    public var upper: SIMD3<Int>

    /// Makes a box from its inclusive bounds.
    public init(lower: SIMD3<Int>, upper: SIMD3<Int>) {
        self.lower = lower
        self.upper = upper
    }

    /// The whole grid of `size` voxels.
    public init(size: SIMD3<Int>) {
        self.init(lower: .zero, upper: size &- 1)
    }

    /// Voxels along each axis.
    public var size: SIMD3<Int> { upper &- lower &+ 1 }

    /// Number of voxels in the box.
    public var voxelCount: Int { let s = size; return s.x * s.y * s.z }

    /// Whether an index lies in the box.
    public func contains(_ index: SIMD3<Int>) -> Bool {
        all(index .>= lower) && all(index .<= upper)
    }

    /// The box grown by `margin` voxels per axis and clipped to a grid of `size` voxels.
    public func padded(by margin: SIMD3<Int>, clippedTo size: SIMD3<Int>) -> IndexRegion {
        IndexRegion(lower: pointwiseMax(lower &- margin, .zero), upper: pointwiseMin(upper &+ margin, size &- 1))
    }

    /// The smallest box holding both.
    public func union(_ other: IndexRegion) -> IndexRegion {
        IndexRegion(lower: pointwiseMin(lower, other.lower), upper: pointwiseMax(upper, other.upper))
    }
}
