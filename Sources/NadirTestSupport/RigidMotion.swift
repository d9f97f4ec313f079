public import NadirImaging
internal import Foundation

/// A rotation and translation in patient space (LPS mm): where a phantom's body lies at one timepoint.
///
/// A body point `b` appears at `rotation * b + translation`; follow-up scans use a different motion so they
/// are misaligned on purpose, as real follow-ups are.
public struct RigidMotion: Hashable, Sendable {
    /// The rotation (orthonormal, determinant +1).
    public var rotation: Matrix3
    /// The translation, mm.
    public var translation: SIMD3<Double>

    /// Makes a motion from a rotation matrix and a translation.
    public init(rotation: Matrix3 = .identity, translation: SIMD3<Double> = .zero) {
        self.rotation = rotation
        self.translation = translation
    }

    /// No motion.
    public static let identity = RigidMotion()

    /// A rotation of `degrees` about `axis` (right-hand rule, Rodrigues' formula) followed by a translation.
    public init(axis: SIMD3<Double>, degrees: Double, translation: SIMD3<Double> = .zero) {
        self.init(rotation: Matrix3.rotation(axis: axis, degrees: degrees), translation: translation)
    }

    /// Where a body point appears in patient space.
    public func apply(_ body: SIMD3<Double>) -> SIMD3<Double> { rotation * body + translation }

    /// The body point that appears at a patient-space point.
    public func inverseApply(_ world: SIMD3<Double>) -> SIMD3<Double> { rotation.transposed * (world - translation) }
}

extension Matrix3 {
    /// The rotation of `degrees` about `axis` (right-hand rule), by Rodrigues' formula.
    public static func rotation(axis: SIMD3<Double>, degrees: Double) -> Matrix3 {
        let length = norm(axis)
        guard length > 0 else { return .identity }
        let k = axis / length
        let t = degrees * Double.pi / 180
        let c = cos(t), s = sin(t), v = 1 - c
        return Matrix3(rows: [c + k.x * k.x * v, k.x * k.y * v - k.z * s, k.x * k.z * v + k.y * s],
                       [k.y * k.x * v + k.z * s, c + k.y * k.y * v, k.y * k.z * v - k.x * s],
                       [k.z * k.x * v - k.y * s, k.z * k.y * v + k.x * s, c + k.z * k.z * v])
    }
}
