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
