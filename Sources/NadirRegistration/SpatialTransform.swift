internal import NadirImaging

/// A map between physical spaces (LPS mm) that can be written as `x ↦ A (x - c) + c + t`.
///
/// Registration results map **fixed-space points to moving-space points** (ITK's convention): to bring a
/// moving image into the fixed grid, sample the moving image at `apply(to:)` of each fixed voxel's position.
public protocol SpatialTransform: Sendable {
    /// Maps a point (LPS mm).
    func apply(to point: SIMD3<Double>) -> SIMD3<Double>
    /// The same map as a general affine transform.
    var affineTransform: AffineTransform3D { get }
}
