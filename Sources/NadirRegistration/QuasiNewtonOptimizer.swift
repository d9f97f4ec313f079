/// Quasi-Newton minimisation (BFGS with a backtracking Armijo line search; Nocedal & Wright, Numerical
/// Optimization, 2nd ed., Algorithm 6.1 and §3.1) on the transform's tangent space.
///
/// Chosen over ITK's regular-step gradient descent, which halves its step at every gradient reversal and so
/// stalls in the narrow valleys that couple rotation and translation: BFGS learns that coupling, so it
/// converges in tens of iterations to the metric's optimum. Robustness comes from capping every step at
/// `maximumStep` mm, requiring sufficient decrease, and restarting from steepest descent when the curvature
/// model fails.
struct QuasiNewtonOptimizer {
    var maximumStep: Double
    var minimumStep: Double
    var maximumIterations: Int
    var gradientTolerance: Double
    /// Sufficient-decrease constant of the Armijo condition.
    static let armijo = 1e-4
    /// Backtracking halvings before the line search gives up.
    static let maximumBacktracks = 12

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
        let first = try evaluate(state)
        var value = first.value
        let initialValue = value
        var gradient = state.scaledGradient(first, radius: radius)
        let n = gradient.count
        var inverseHessian: [Double]? = nil  // row-major n x n; nil = scaled identity
        var iterations = 0
        var reason = StopReason.maximumIterations
        while true {
            let gradientNorm = Self.norm(gradient)
            guard gradientNorm.isFinite, gradientNorm > gradientTolerance else {
                reason = .gradientTolerance
                break
            }
            guard iterations < maximumIterations else { break }
            var direction = inverseHessian.map { Self.multiply($0, gradient).map { -$0 } }
                ?? gradient.map { -$0 * maximumStep / gradientNorm }
            var slope = Self.dot(direction, gradient)
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                inverseHessian = nil
                direction = gradient.map { -$0 * maximumStep / gradientNorm }
                slope = Self.dot(direction, gradient)
            }
            let length = Self.norm(direction)
            if length > maximumStep {
                direction = direction.map { $0 * maximumStep / length }
                slope *= maximumStep / length
            }
            // Backtracking line search.
            var alpha = 1.0
            var accepted: (State, Double, [Double])?
            for _ in 0..<Self.maximumBacktracks {
                let trial = state.stepped(by: direction.map { $0 * alpha }, radius: radius)
                let e = try evaluate(trial)
                if e.value <= value + Self.armijo * alpha * slope {
                    accepted = (trial, e.value, trial.scaledGradient(e, radius: radius))
                    break
                }
                alpha *= 0.5
                if alpha * Self.norm(direction) < minimumStep { break }
            }
            guard let (next, nextValue, nextGradient) = accepted else {
                if inverseHessian != nil {
                    inverseHessian = nil  // retry once along the gradient
                    continue
                }
                reason = .noFurtherImprovement
                break
            }
            iterations += 1
            let step = direction.map { $0 * alpha }
            let change = zip(nextGradient, gradient).map { $0 - $1 }
            inverseHessian = Self.updated(inverseHessian, step: step, change: change, size: n)
            state = next
            value = nextValue
            gradient = nextGradient
            // Converged when a full quasi-Newton step (not a backtracked one) is below the minimum.
            if alpha == 1, Self.norm(step) < minimumStep {
                reason = .minimumStepLength
                break
            }
        }
        return Outcome(state: state, initialValue: initialValue, value: value, iterations: iterations,
                       stopReason: reason)
    }

    /// The BFGS update of the inverse Hessian (Nocedal & Wright eq. 6.17), skipped when the curvature
    /// condition `sᵀy > 0` fails; the first update starts from `(sᵀy / yᵀy) I` (eq. 6.20).
    static func updated(_ h: [Double]?, step s: [Double], change y: [Double], size n: Int) -> [Double]? {
        let sy = dot(s, y)
        guard sy > 1e-12 * norm(s) * norm(y) else { return h }
        var m = h ?? {
            var identity = [Double](repeating: 0, count: n * n)
            let scale = sy / dot(y, y)
            for i in 0..<n { identity[i * n + i] = scale }
            return identity
        }()
        let rho = 1 / sy
        let hy = multiply(m, y)
        let yhy = dot(y, hy)
        for i in 0..<n {
            for j in 0..<n {
                m[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
            }
        }
        return m
    }

    static func multiply(_ m: [Double], _ v: [Double]) -> [Double] {
        let n = v.count
        return (0..<n).map { i in (0..<n).reduce(0) { $0 + m[i * n + $1] * v[$1] } }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
}
