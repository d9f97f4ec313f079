internal import NadirImaging

/// A transform being optimised: maps its parameters to the affine form the metric needs, turns the
/// metric's affine gradient into its own (scaled) gradient and takes steps.
///
/// Parameters are scaled to millimetres of displacement: a rotation of ω radians counts as `ω · radius`
/// and a change of the linear part as `ΔA · radius`, where `radius` is the samples' RMS distance from the
/// centre, so one step length moves points by about that many millimetres whatever the parameter.
protocol OptimizedTransform {
    var affineParts: (matrix: Matrix3, translation: SIMD3<Double>, center: SIMD3<Double>) { get }
    func scaledGradient(_ evaluation: MetricEvaluation, radius: Double) -> [Double]
    func stepped(by delta: [Double], radius: Double) -> Self
}

/// A rigid transform updated by composing small rotations on the left (ITK VersorRigid3D-style).
struct RigidState: OptimizedTransform {
    var transform: RigidTransform

    var affineParts: (matrix: Matrix3, translation: SIMD3<Double>, center: SIMD3<Double>) {
        (transform.matrix, transform.translation, transform.center)
    }

    /// ∂f/∂ω for `A = exp([ω]×) R`: the axial vector of `G Rᵀ`'s antisymmetric part, then ∂f/∂t.
    func scaledGradient(_ e: MetricEvaluation, radius: Double) -> [Double] {
        let k = e.gradientMatrix * transform.matrix.transposed
        let omega = SIMD3<Double>(k.element(2, 1) - k.element(1, 2), k.element(0, 2) - k.element(2, 0),
                                  k.element(1, 0) - k.element(0, 1))
        let t = e.gradientTranslation
        return [omega.x / radius, omega.y / radius, omega.z / radius, t.x, t.y, t.z]
    }

    func stepped(by delta: [Double], radius: Double) -> RigidState {
        var next = transform
        next.rotation = Versor(rotationVector: SIMD3(delta[0], delta[1], delta[2]) / radius) * transform.rotation
        next.translation += SIMD3(delta[3], delta[4], delta[5])
        return RigidState(transform: next)
    }
}

/// A general affine transform updated additively.
struct AffineState: OptimizedTransform {
    var transform: AffineTransform3D

    var affineParts: (matrix: Matrix3, translation: SIMD3<Double>, center: SIMD3<Double>) {
        (transform.matrix, transform.translation, transform.center)
    }

    func scaledGradient(_ e: MetricEvaluation, radius: Double) -> [Double] {
        let g = e.gradientMatrix, t = e.gradientTranslation
        let columns = [g.c0, g.c1, g.c2].flatMap { [$0.x / radius, $0.y / radius, $0.z / radius] }
        return columns + [t.x, t.y, t.z]
    }

    func stepped(by delta: [Double], radius: Double) -> AffineState {
        var next = transform
        let m = transform.matrix
        next.matrix = Matrix3(columns: m.c0 + SIMD3(delta[0], delta[1], delta[2]) / radius,
                              m.c1 + SIMD3(delta[3], delta[4], delta[5]) / radius,
                              m.c2 + SIMD3(delta[6], delta[7], delta[8]) / radius)
        next.translation += SIMD3(delta[9], delta[10], delta[11])
        return AffineState(transform: next)
    }
}

/// Regular-step gradient descent (ITK `RegularStepGradientDescentOptimizer`): steps of fixed length along
/// the negative gradient; the length is multiplied by the relaxation factor whenever the gradient turns
/// back (an overshoot), and the search stops when it falls below the minimum. Robust to the metric's noise
/// because it never trusts the gradient's magnitude.
struct RegularStepGradientDescent {
    var maximumStep: Double
    var minimumStep: Double
    var relaxation: Double
    var maximumIterations: Int
    var gradientTolerance: Double

    struct Outcome<State> {
        var state: State
        var initialValue: Double
        var value: Double
        var iterations: Int
        var stopReason: StopReason
    }

    func minimize<State: OptimizedTransform>(
        from start: State, radius: Double, evaluate: (State) throws -> MetricEvaluation
    ) throws -> Outcome<State> {
        var state = start
        var evaluation = try evaluate(state)
        let initialValue = evaluation.value
        var gradient = state.scaledGradient(evaluation, radius: radius)
        var step = maximumStep
        var iterations = 0
        var reason = StopReason.maximumIterations
        while true {
            let length = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard length.isFinite, length > gradientTolerance else {
                reason = .gradientTolerance
                break
            }
            guard iterations < maximumIterations else {
                reason = .maximumIterations
                break
            }
            let next = state.stepped(by: gradient.map { -step * $0 / length }, radius: radius)
            let nextEvaluation = try evaluate(next)
            iterations += 1
            let nextGradient = next.scaledGradient(nextEvaluation, radius: radius)
            if zip(gradient, nextGradient).reduce(0, { $0 + $1.0 * $1.1 }) < 0 { step *= relaxation }
            state = next
            evaluation = nextEvaluation
            gradient = nextGradient
            if step < minimumStep {
                reason = .minimumStepLength
                break
            }
        }
        return Outcome(state: state, initialValue: initialValue, value: evaluation.value, iterations: iterations,
                       stopReason: reason)
    }
}
