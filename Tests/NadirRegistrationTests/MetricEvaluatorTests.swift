import NadirImaging
@testable import NadirRegistration
import Testing

/// The analytic metric gradients against central finite differences of the metric itself.
@Suite struct MetricEvaluatorTests {
    /// Relative agreement required between analytic and numerical derivatives (the trilinear interpolant is
    /// only piecewise smooth, so the difference quotient averages over a few kinks).
    static let relativeTolerance = 0.03
    /// Finite-difference step, mm (translations) and mm per 100 mm lever (matrix entries).
    static let step = 0.01

    /// Rendered once for all tests of the suite.
    static let rendered: Result<(Volume<Float>, Volume<Float>), any Error> = Result { try render() }

    static func images() throws -> (Volume<Float>, Volume<Float>) { try rendered.get() }

    static func render() throws -> (Volume<Float>, Volume<Float>) {
        let g = ImageGeometry(size: [48, 48, 48], origin: [-117.5, -117.5, -117.5], spacing: [5, 5, 5])
        let moving = try TestPhantom(lesions: TestPhantom.followUpLesions, noiseSigma: 12, seed: 2)
            .render(on: g, anatomyToScan: RigidTransform(translation: [2, -1, 3]).affineTransform)
        let fixed = try TestPhantom(lesions: TestPhantom.baselineLesions, noiseSigma: 12, seed: 1).render(on: g)
        return (fixed, moving)
    }

    @Test(arguments: [Metric.normalizedCrossCorrelation, .mattesMutualInformation(bins: 32)])
    func analyticGradientMatchesFiniteDifferences(_ metric: Metric) throws {
        let (fixed, moving) = try Self.images()
        let center = SIMD3<Double>(3, -2, 1)
        // Samples well inside the moving image: none enters or leaves it (a jump, not a derivative).
        let samples = try SampleSet(image: fixed, region: .sphere(center: .zero, radius: 80), count: 20_000,
                                    strategy: .stochastic(seed: 5), center: center)
        var evaluator = try MetricEvaluator(samples: samples, moving: moving, metric: metric, level: 0)
        let a = Versor(eulerAnglesXYZ: [0.02, -0.01, 0.03]).matrix
        let t = SIMD3<Double>(1.2, -0.4, 2.1)
        let e = try evaluator.evaluate(matrix: a, translation: t, center: center, level: 0)
        for axis in 0..<3 {
            var dt = SIMD3<Double>.zero
            dt[axis] = Self.step
            let plus = try evaluator.evaluate(matrix: a, translation: t + dt, center: center, level: 0).value
            let minus = try evaluator.evaluate(matrix: a, translation: t - dt, center: center, level: 0).value
            let numeric = (plus - minus) / (2 * Self.step)
            let analytic = e.gradientTranslation[axis]
            #expect(abs(numeric - analytic) <= Self.relativeTolerance * max(abs(numeric), 1e-4),
                    "translation \(axis): analytic \(analytic) numeric \(numeric)")
        }
        // One entry of the linear part: d value / d A[1][2].
        let h = Self.step / 100
        var up = a, down = a
        up.c2.y += h
        down.c2.y -= h
        let plus = try evaluator.evaluate(matrix: up, translation: t, center: center, level: 0).value
        let minus = try evaluator.evaluate(matrix: down, translation: t, center: center, level: 0).value
        let numeric = (plus - minus) / (2 * h)
        #expect(abs(numeric - e.gradientMatrix.c2.y) <= Self.relativeTolerance * max(abs(numeric), 1e-2),
                "A[1][2]: analytic \(e.gradientMatrix.c2.y) numeric \(numeric)")
    }

    @Test func correlationOfAnImageWithAnAffineCopyOfItsIntensitiesIsMinusOne() throws {
        let (fixed, _) = try Self.images()
        let scaled = fixed.converted { 2.5 * $0 - 300 }
        let samples = try SampleSet(image: fixed, region: nil, count: 5_000, strategy: .grid, center: .zero)
        var evaluator = try MetricEvaluator(samples: samples, moving: scaled, metric: .normalizedCrossCorrelation,
                                            level: 0)
        let e = try evaluator.evaluate(matrix: .identity, translation: .zero, center: .zero, level: 0)
        #expect(abs(e.value + 1) < 1e-6)
    }

    @Test func samplesOutsideTheMovingImageAreRejectedWithAnOverlapError() throws {
        let (fixed, moving) = try Self.images()
        let samples = try SampleSet(image: fixed, region: nil, count: 5_000, strategy: .grid, center: .zero)
        var evaluator = try MetricEvaluator(samples: samples, moving: moving,
                                            metric: .mattesMutualInformation(bins: 32), level: 2)
        #expect(throws: RegistrationError.self) {
            try evaluator.evaluate(matrix: .identity, translation: [400, 0, 0], center: .zero, level: 2)
        }
    }
}
