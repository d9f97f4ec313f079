public import NadirImaging

/// A rigid map (rotation about a centre, then translation) in physical LPS millimetres:
/// `x ↦ R (x - center) + center + translation`, six degrees of freedom.
///
/// This is ITK's `VersorRigid3DTransform` / `Euler3DTransform` form. As a registration result it maps
/// fixed-space (baseline) points to moving-space (follow-up) points.
public struct RigidTransform: SpatialTransform, Hashable, Codable {
    /// The rotation.
    public var rotation: Versor
    /// The translation after rotation about `center`, mm.
    public var translation: SIMD3<Double>
    /// The centre of rotation, LPS mm (a fixed parameter: it changes the parameters, not the map's freedom).
    public var center: SIMD3<Double>

    /// Makes a rigid transform; the identity by default.
    public init(rotation: Versor = .identity, translation: SIMD3<Double> = .zero, center: SIMD3<Double> = .zero) {
        self.rotation = rotation
        self.translation = translation
        self.center = center
    }

    /// The identity map.
    public static let identity = RigidTransform()

    /// The rotation matrix.
    public var matrix: Matrix3 { rotation.matrix }

    /// ITK's offset: `center + translation - R center`, so that `x ↦ R x + offset`.
    public var offset: SIMD3<Double> { center + translation - matrix * center }

    /// Maps a point.
    public func apply(to point: SIMD3<Double>) -> SIMD3<Double> {
        matrix * (point - center) + center + translation
    }

    /// The inverse map (same centre).
    public var inverse: RigidTransform {
        let back = rotation.inverse
        return RigidTransform(rotation: back, translation: -(back.matrix * translation), center: center)
    }

    /// The same map expressed about another centre of rotation.
    public func recentered(at newCenter: SIMD3<Double>) -> RigidTransform {
        let r = matrix
        return RigidTransform(rotation: rotation,
                              translation: r * (newCenter - center) + center - newCenter + translation,
                              center: newCenter)
    }

    /// The map `first` then `self`: `x ↦ self(first(x))`, expressed about `first.center`.
    public func composed(after first: RigidTransform) -> RigidTransform {
        let c = first.center
        return RigidTransform(rotation: rotation * first.rotation, translation: apply(to: first.apply(to: c)) - c,
                              center: c)
    }

    /// The same map as an affine transform.
    public var affineTransform: AffineTransform3D {
        AffineTransform3D(matrix: matrix, translation: translation, center: center)
    }
}
