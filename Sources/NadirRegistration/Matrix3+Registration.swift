internal import NadirImaging

extension Matrix3 {
    /// The matrix with each column scaled: `self * diag(s)`.
    func scalingColumns(by s: SIMD3<Double>) -> Matrix3 { Matrix3(columns: c0 * s.x, c1 * s.y, c2 * s.z) }

    /// The matrix with each row scaled: `diag(s) * self`.
    func scalingRows(by s: SIMD3<Double>) -> Matrix3 { Matrix3(columns: c0 * s, c1 * s, c2 * s) }

    /// Element (row, column).
    func element(_ row: Int, _ column: Int) -> Double {
        switch column {
        case 0: c0[row]
        case 1: c1[row]
        default: c2[row]
        }
    }

    static func + (a: Matrix3, b: Matrix3) -> Matrix3 { Matrix3(columns: a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2) }

    /// Whether every element is finite.
    var isFinite: Bool {
        [c0, c1, c2].allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
    }
}

extension ImageGeometry {
    /// `direction * diag(spacing)`: maps an index offset to a physical offset.
    var indexToPhysical: Matrix3 { direction.scalingColumns(by: spacing) }

    /// The inverse of `indexToPhysical`, or `nil` when the direction or spacing is singular.
    var physicalToIndex: Matrix3? {
        guard spacing.x > 0, spacing.y > 0, spacing.z > 0, let inverse = direction.inverse else { return nil }
        return inverse.scalingRows(by: 1 / spacing)
    }
}
