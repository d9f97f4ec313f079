public import NadirImaging

/// A general affine map `x ↦ A (x - center) + center + translation` (12 degrees of freedom), LPS mm.
/// (Named with `3D` so it does not collide with Foundation's 2D `AffineTransform`.)
///
/// As a registration result it maps fixed-space points to moving-space points (ITK's `AffineTransform`).
public struct AffineTransform3D: SpatialTransform, Hashable, Codable {
    /// The linear part `A`.
    public var matrix: Matrix3
    /// The translation after the linear part about `center`, mm.
    public var translation: SIMD3<Double>
    /// The centre about which `matrix` acts, LPS mm.
    public var center: SIMD3<Double>

    /// Makes an affine transform; the identity by default.
    public init(matrix: Matrix3 = .identity, translation: SIMD3<Double> = .zero, center: SIMD3<Double> = .zero) {
        self.matrix = matrix
        self.translation = translation
        self.center = center
    }

    /// The identity map.
    public static let identity = AffineTransform3D()

    /// Maps a point.
    public func apply(to point: SIMD3<Double>) -> SIMD3<Double> {
        matrix * (point - center) + center + translation
    }

    /// The inverse map (same centre); throws when the linear part is singular or not finite.
    public func inverted() throws -> AffineTransform3D {
        guard matrix.isFinite, translation.x.isFinite, translation.y.isFinite, translation.z.isFinite,
              let inverse = matrix.inverse
        else {
            throw RegistrationError(.invalidTransform, detail: "affine matrix \(matrix) is singular or not finite")
        }
        return AffineTransform3D(matrix: inverse, translation: -(inverse * translation), center: center)
    }

    /// Itself.
    public var affineTransform: AffineTransform3D { self }
}
