public import NadirImaging
internal import Foundation

/// A rotation held as a unit quaternion (versor), as ITK's `VersorRigid3DTransform` holds it.
///
/// Composition and inversion are exact up to rounding and never drift away from a rotation, unlike
/// a 3x3 matrix updated step by step.
public struct Versor: Hashable, Sendable, Codable {
    /// Vector part, x (`sin(angle/2) * axis.x`).
    public private(set) var x: Double
    /// Vector part, y.
    public private(set) var y: Double
    /// Vector part, z.
    public private(set) var z: Double
    /// Scalar part (`cos(angle/2)`), kept non-negative.
    public private(set) var w: Double

    /// The identity rotation.
    public static let identity = Versor(normalizing: 0, 0, 0, 1)

    /// Makes a versor from quaternion components, normalised; `nil` when the norm is zero or not finite.
    public init?(x: Double, y: Double, z: Double, w: Double) {
        let n = (x * x + y * y + z * z + w * w).squareRoot()
        guard n.isFinite, n > 1e-12 else { return nil }
        self.init(normalizing: x, y, z, w)
    }

    init(normalizing x: Double, _ y: Double, _ z: Double, _ w: Double) {
        let n = (x * x + y * y + z * z + w * w).squareRoot()
        let s = w < 0 ? -1 / n : 1 / n
        self.x = x * s
        self.y = y * s
        self.z = z * s
        self.w = w * s
    }

    /// The rotation by `angle` radians about `axis` (right-handed); identity for a zero axis.
    public init(axis: SIMD3<Double>, angle: Double) {
        let length = norm(axis)
        guard length > 0, angle.isFinite else {
            self = .identity
            return
        }
        let s = sin(angle / 2) / length
        self.init(normalizing: axis.x * s, axis.y * s, axis.z * s, cos(angle / 2))
    }

    /// The rotation whose axis is the direction of `vector` and whose angle (radians) is its length.
    public init(rotationVector vector: SIMD3<Double>) {
        self.init(axis: vector, angle: norm(vector))
    }

    /// The rotation by Euler angles (radians) applied about x, then y, then z: `R = Rz(γ) Ry(β) Rx(α)`.
    public init(eulerAnglesXYZ angles: SIMD3<Double>) {
        let rx = Versor(axis: [1, 0, 0], angle: angles.x)
        let ry = Versor(axis: [0, 1, 0], angle: angles.y)
        let rz = Versor(axis: [0, 0, 1], angle: angles.z)
        self = rz * ry * rx
    }

    /// The rotation angle in radians, in [0, π].
    public var angle: Double { 2 * atan2((x * x + y * y + z * z).squareRoot(), w) }

    /// The inverse rotation.
    public var inverse: Versor { Versor(normalizing: -x, -y, -z, w) }

    /// The rotation matrix.
    public var matrix: Matrix3 {
        let xx = x * x, yy = y * y, zz = z * z
        let xy = x * y, xz = x * z, yz = y * z
        let wx = w * x, wy = w * y, wz = w * z
        return Matrix3(
            rows: [1 - 2 * (yy + zz), 2 * (xy - wz), 2 * (xz + wy)],
            [2 * (xy + wz), 1 - 2 * (xx + zz), 2 * (yz - wx)],
            [2 * (xz - wy), 2 * (yz + wx), 1 - 2 * (xx + yy)])
    }

    /// Rotates a vector.
    public func rotate(_ v: SIMD3<Double>) -> SIMD3<Double> { matrix * v }

    /// The composition `a * b`: rotate by `b` first, then by `a`.
    public static func * (a: Versor, b: Versor) -> Versor {
        Versor(
            normalizing: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
            a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z)
    }

    private enum CodingKeys: String, CodingKey { case x, y, z, w }

    /// Decodes a versor, rejecting components whose norm is not within 1e-6 of one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let x = try c.decode(Double.self, forKey: .x), y = try c.decode(Double.self, forKey: .y)
        let z = try c.decode(Double.self, forKey: .z), w = try c.decode(Double.self, forKey: .w)
        let n = (x * x + y * y + z * z + w * w).squareRoot()
        guard n.isFinite, abs(n - 1) < 1e-6 else {
            throw DecodingError.dataCorruptedError(
                forKey: .w, in: c, debugDescription: "versor norm \(n) is not 1: not a rotation")
        }
        self.init(normalizing: x, y, z, w)
    }

    /// Encodes the four components.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(x, forKey: .x)
        try c.encode(y, forKey: .y)
        try c.encode(z, forKey: .z)
        try c.encode(w, forKey: .w)
    }
}
