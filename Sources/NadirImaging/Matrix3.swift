/// A 3x3 matrix of `Double`, stored by columns: the direction cosines of an image's axes in LPS.
public struct Matrix3: Hashable, Sendable, Codable {
    /// Column vectors: `columns.0` is where the first index axis points, and so on.
    public var c0: SIMD3<Double>
    public var c1: SIMD3<Double>
    public var c2: SIMD3<Double>

    public init(columns c0: SIMD3<Double>, _ c1: SIMD3<Double>, _ c2: SIMD3<Double>) {
        self.c0 = c0
        self.c1 = c1
        self.c2 = c2
    }

    /// The identity: index axes along L, P, S.
    public static let identity = Matrix3(columns: [1, 0, 0], [0, 1, 0], [0, 0, 1])

    /// Makes a matrix from rows.
    public init(rows r0: SIMD3<Double>, _ r1: SIMD3<Double>, _ r2: SIMD3<Double>) {
        self.init(columns: [r0.x, r1.x, r2.x], [r0.y, r1.y, r2.y], [r0.z, r1.z, r2.z])
    }

    /// Row `i`.
    public func row(_ i: Int) -> SIMD3<Double> { [c0[i], c1[i], c2[i]] }

    public static func * (m: Matrix3, v: SIMD3<Double>) -> SIMD3<Double> {
        m.c0 * v.x + m.c1 * v.y + m.c2 * v.z
    }

    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3(columns: a * b.c0, a * b.c1, a * b.c2)
    }

    public var transposed: Matrix3 { Matrix3(rows: c0, c1, c2) }

    public var determinant: Double {
        (c0 * cross(c1, c2)).sum()
    }

    /// The inverse, or `nil` when the matrix is singular (|det| < 1e-12).
    public var inverse: Matrix3? {
        let det = determinant
        guard abs(det) > 1e-12 else { return nil }
        // Rows of the inverse are the cross products of the columns, divided by the determinant.
        return Matrix3(rows: cross(c1, c2) / det, cross(c2, c0) / det, cross(c0, c1) / det)
    }
}

/// The cross product of two vectors.
public func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    [a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x]
}

/// The dot product of two vectors.
public func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }

/// The Euclidean length of a vector.
public func norm(_ a: SIMD3<Double>) -> Double { dot(a, a).squareRoot() }
