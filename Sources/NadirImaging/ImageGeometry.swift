/// Where an image's voxels lie in the patient: size, origin, spacing and direction in DICOM LPS millimetres
/// (x towards the patient's left, y posterior, z superior), with SimpleITK's conventions.
///
/// The physical point of index `i` is `origin + direction * (spacing ⊙ i)`; `origin` is the centre of voxel
/// (0, 0, 0). Everything downstream of image reading works in this physical space.
public struct ImageGeometry: Hashable, Sendable, Codable {
    /// Voxels along each index axis.
    public var size: SIMD3<Int>
    /// Centre of the first voxel, LPS mm.
    public var origin: SIMD3<Double>
    /// Distance between voxel centres along each index axis, mm.
    public var spacing: SIMD3<Double>
    /// Direction cosines of the index axes (columns), LPS.
    public var direction: Matrix3

    public init(size: SIMD3<Int>, origin: SIMD3<Double> = .zero, spacing: SIMD3<Double> = .one,
                direction: Matrix3 = .identity) {
        self.size = size
        self.origin = origin
        self.spacing = spacing
        self.direction = direction
    }

    /// Number of voxels.
    public var voxelCount: Int { size.x * size.y * size.z }

    /// Volume of one voxel in mm³ (for an orthogonal direction matrix).
    public var voxelVolume: Double { spacing.x * spacing.y * spacing.z * abs(direction.determinant) }

    /// The linear offset of an index in x-fastest order.
    @inlinable
    public func offset(x: Int, y: Int, z: Int) -> Int { (z * size.y + y) * size.x + x }

    /// Whether an index lies inside the image.
    @inlinable
    public func contains(index: SIMD3<Int>) -> Bool {
        index.x >= 0 && index.y >= 0 && index.z >= 0 && index.x < size.x && index.y < size.y && index.z < size.z
    }

    /// The physical point (LPS mm) of a continuous index.
    public func physicalPoint(at index: SIMD3<Double>) -> SIMD3<Double> {
        origin + direction * (spacing * index)
    }

    /// The physical point (LPS mm) of a voxel index.
    public func physicalPoint(at index: SIMD3<Int>) -> SIMD3<Double> {
        physicalPoint(at: SIMD3<Double>(Double(index.x), Double(index.y), Double(index.z)))
    }

    /// The continuous index of a physical point, or `nil` if the direction matrix is singular.
    public func continuousIndex(of point: SIMD3<Double>) -> SIMD3<Double>? {
        guard let inverse = direction.inverse else { return nil }
        return (inverse * (point - origin)) / spacing
    }

    /// The nearest voxel index of a physical point, or `nil` if it falls outside the image.
    public func index(of point: SIMD3<Double>) -> SIMD3<Int>? {
        guard let c = continuousIndex(of: point) else { return nil }
        let i = SIMD3<Int>(Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
        return contains(index: i) ? i : nil
    }

    /// Whether two geometries describe the same grid within `tolerance` mm (origin, spacing and the
    /// position of the far corner).
    public func isCongruent(with other: ImageGeometry, tolerance: Double = 1e-4) -> Bool {
        guard size == other.size else { return false }
        let far = SIMD3<Double>(Double(size.x - 1), Double(size.y - 1), Double(size.z - 1))
        let d = spacing - other.spacing
        let spacingDelta = max(abs(d.x), abs(d.y), abs(d.z))
        let originDelta = norm(origin - other.origin)
        let farDelta = norm(physicalPoint(at: far) - other.physicalPoint(at: far))
        return spacingDelta <= tolerance && originDelta <= tolerance && farDelta <= tolerance
    }
}
