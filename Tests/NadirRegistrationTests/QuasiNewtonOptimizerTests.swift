import NadirImaging
@testable import NadirRegistration
import Testing

/// The optimiser and the rigid/affine parameter maps on point-set registration, whose optimum is known:
/// minimising `Σ |T(p) - T*(p)|²` must return `T*`.
@Suite struct QuasiNewtonOptimizerTests {
    /// Residual TRE after convergence, mm.
    static let tolerance = 1e-3

    static let points: [SIMD3<Double>] = [[-80, 10, 30], [60, -40, 0], [0, 70, -50], [20, 20, 90], [-30, -60, -70]]

    /// The sum of squared distances between `A d + c + t` and the targets, with its analytic gradient.
    static func evaluation(_ parts: (matrix: Matrix3, translation: SIMD3<Double>, center: SIMD3<Double>),
                           targets: [SIMD3<Double>]) -> MetricEvaluation {
        var value = 0.0
        var g = Matrix3(columns: .zero, .zero, .zero)
        var gt = SIMD3<Double>.zero
        for (p, q) in zip(points, targets) {
            let d = p - parts.center
            let r = parts.matrix * d + parts.center + parts.translation - q
            value += (r * r).sum()
            g = g + Matrix3(columns: 2 * r * d.x, 2 * r * d.y, 2 * r * d.z)
            gt += 2 * r
        }
        return MetricEvaluation(value: value, gradientMatrix: g, gradientTranslation: gt, validCount: points.count)
    }

    static let optimizer = QuasiNewtonOptimizer(maximumStep: 5, minimumStep: 1e-5, maximumIterations: 500,
                                                gradientTolerance: 1e-12)

    @Test func rigidStateConvergesToTheKnownRotationAndTranslation() throws {
        let truth = RigidTransform(rotation: Versor(eulerAnglesXYZ: [0.12, -0.17, 0.1]), translation: [25, -12, 8],
                                   center: [3, 4, 5])
        let targets = Self.points.map { truth.apply(to: $0) }
        let outcome = try Self.optimizer.minimize(from: RigidState(transform: RigidTransform(center: [3, 4, 5])),
                                                  radius: 80) { Self.evaluation($0.affineParts, targets: targets) }
        let errors = targetRegistrationErrors(outcome.state.transform, truth, at: Self.points + bodyGridPoints)
        #expect((errors.max() ?? .infinity) < Self.tolerance, "TRE \(errors.max() ?? -1) after \(outcome.iterations)")
        #expect(outcome.iterations < 200)
    }

    @Test func affineStateConvergesToTheKnownMap() throws {
        let truth = AffineTransform3D(matrix: Matrix3(rows: [1.05, 0.02, 0], [-0.03, 0.96, 0.01], [0, 0.04, 1.02]),
                                      translation: [-9, 14, 3], center: .zero)
        let targets = Self.points.map { truth.apply(to: $0) }
        let outcome = try Self.optimizer.minimize(from: AffineState(transform: .identity), radius: 80) {
            Self.evaluation($0.affineParts, targets: targets)
        }
        let errors = targetRegistrationErrors(outcome.state.transform, truth, at: Self.points)
        #expect((errors.max() ?? .infinity) < Self.tolerance, "TRE \(errors.max() ?? -1) after \(outcome.iterations)")
    }
}
