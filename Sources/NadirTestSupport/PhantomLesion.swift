public import NadirImaging
internal import Foundation

/// An ellipsoidal lesion in a phantom's body frame (LPS mm before the body's rigid motion).
public struct PhantomLesion: Hashable, Sendable {
    /// The label the lesion gets in the ground-truth label map (1...65535).
    public var label: UInt16
    /// A name for test messages ("liver metastasis").
    public var name: String
    /// Centre in the body frame, mm.
    public var centre: SIMD3<Double>
    /// Semi-axes, mm, along the columns of `orientation`.
    public var radii: SIMD3<Double>
    /// The lesion's axes in the body frame (orthonormal columns).
    public var orientation: Matrix3
    /// The lesion's density, HU.
    public var hounsfield: Double

    /// Makes a lesion.
    public init(label: UInt16, name: String, centre: SIMD3<Double>, radii: SIMD3<Double>,
                orientation: Matrix3 = .identity, hounsfield: Double) {
        self.label = label
        self.name = name
        self.centre = centre
        self.radii = radii
        self.orientation = orientation
        self.hounsfield = hounsfield
    }

    /// The ellipsoid's volume, 4/3 π abc (mm³).
    public var analyticVolume: Double { 4.0 / 3.0 * Double.pi * radii.x * radii.y * radii.z }

    /// The squared normalised radius of a body point: < 1 inside, 1 on the surface.
    public func normalizedRadiusSquared(ofBodyPoint b: SIMD3<Double>) -> Double {
        let d = b - centre
        let u = SIMD3(dot(orientation.c0, d), dot(orientation.c1, d), dot(orientation.c2, d)) / radii
        return (u * u).sum()
    }

    /// Whether a body point lies inside the lesion.
    public func contains(bodyPoint b: SIMD3<Double>) -> Bool { normalizedRadiusSquared(ofBodyPoint: b) <= 1 }

    /// Where the centre appears in patient space under `motion`.
    public func centre(under motion: RigidMotion) -> SIMD3<Double> { motion.apply(centre) }

    /// The lesion's axes in patient space under `motion` (columns).
    public func axes(under motion: RigidMotion) -> Matrix3 { motion.rotation * orientation }
}
