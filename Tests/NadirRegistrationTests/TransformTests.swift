import Foundation
import NadirImaging
@testable import NadirRegistration
import Testing

@Suite struct TransformTests {
    /// Round-off allowed in transform algebra, mm (or unitless for matrix entries).
    static let tolerance = 1e-9

    static func close(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ tolerance: Double = tolerance) -> Bool {
        let d = a - b
        return (d * d).sum().squareRoot() <= tolerance
    }

    @Test func quarterTurnAboutZTakesLeftToPosterior() {
        let r = Versor(axis: [0, 0, 1], angle: Double.pi / 2)
        #expect(Self.close(r.rotate([1, 0, 0]), [0, 1, 0]))
        #expect(Self.close(r.rotate([0, 1, 0]), [-1, 0, 0]))
        #expect(abs(r.angle - Double.pi / 2) < Self.tolerance)
    }

    @Test func eulerAnglesMatchExplicitMatrixProduct() {
        let (a, b, c) = (0.1, -0.2, 0.3)
        let rx = Matrix3(rows: [1, 0, 0], [0, cos(a), -sin(a)], [0, sin(a), cos(a)])
        let ry = Matrix3(rows: [cos(b), 0, sin(b)], [0, 1, 0], [-sin(b), 0, cos(b)])
        let rz = Matrix3(rows: [cos(c), -sin(c), 0], [sin(c), cos(c), 0], [0, 0, 1])
        let expected = rz * ry * rx
        let actual = Versor(eulerAnglesXYZ: [a, b, c]).matrix
        for column in 0..<3 {
            for row in 0..<3 {
                #expect(abs(actual.element(row, column) - expected.element(row, column)) < Self.tolerance)
            }
        }
        #expect(abs(actual.determinant - 1) < Self.tolerance)
    }

    @Test func rigidMapsPointsAsDefinedAndInverseUndoesIt() {
        let t = RigidTransform(rotation: Versor(axis: [0, 0, 1], angle: Double.pi / 2), translation: [1, 2, 3],
                               center: [10, 0, 0])
        // R (p - c) + c + t for p = (11, 0, 0): R (1, 0, 0) = (0, 1, 0) -> (10, 1, 0) + (1, 2, 3).
        #expect(Self.close(t.apply(to: [11, 0, 0]), [11, 3, 3]))
        var rng = TestRandom(seed: 3)
        for _ in 0..<20 {
            let p = SIMD3<Double>(rng.uniform(), rng.uniform(), rng.uniform()) * 200 - 100
            #expect(Self.close(t.inverse.apply(to: t.apply(to: p)), p))
            #expect(Self.close(t.recentered(at: [-40, 7, 90]).apply(to: p), t.apply(to: p)))
            #expect(Self.close(t.offset + t.matrix * p, t.apply(to: p)))
        }
    }

    @Test func compositionAppliesFirstThenSecond() {
        let first = RigidTransform(rotation: Versor(axis: [1, 0, 0], angle: 0.3), translation: [5, 0, 0],
                                   center: [1, 2, 3])
        let second = RigidTransform(rotation: Versor(axis: [0, 1, 1], angle: -0.2), translation: [0, -4, 2],
                                    center: [-7, 0, 0])
        let both = second.composed(after: first)
        for p: SIMD3<Double> in [[0, 0, 0], [30, -20, 10], [-5, 60, 100]] {
            #expect(Self.close(both.apply(to: p), second.apply(to: first.apply(to: p))))
        }
    }

    @Test func affineInverseUndoesAndSingularThrows() throws {
        let a = AffineTransform3D(matrix: Matrix3(rows: [1.1, 0.05, 0], [0, 0.95, 0.02], [0.01, 0, 1.03]),
                                  translation: [3, -2, 1], center: [10, 20, 30])
        let back = try a.inverted()
        #expect(Self.close(back.apply(to: a.apply(to: [7, -8, 9])), [7, -8, 9]))
        let singular = AffineTransform3D(matrix: Matrix3(rows: [1, 0, 0], [0, 1, 0], [0, 0, 0]))
        #expect(throws: RegistrationError.self) { try singular.inverted() }
    }

    @Test func transformsRoundTripThroughJSONAndRejectNonUnitVersor() throws {
        let t = RigidTransform(rotation: Versor(eulerAnglesXYZ: [0.01, 0.2, -0.3]), translation: [1.5, -2, 30],
                               center: [0, 1, 2])
        let data = try JSONEncoder().encode(t)
        let decoded = try JSONDecoder().decode(RigidTransform.self, from: data)
        #expect(Self.close(decoded.apply(to: [10, 20, 30]), t.apply(to: [10, 20, 30])))
        let bad = Data(#"{"rotation":{"x":0.5,"y":0,"z":0,"w":0.5},"translation":[0,0,0],"center":[0,0,0]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RigidTransform.self, from: bad) }
    }
}
