/// The analytic chest-and-upper-abdomen anatomy of the synthetic CT, in the body frame (LPS mm, body centre at
/// the origin, z superior): the background that lesions are placed in.
///
/// Densities follow typical contrast-enhanced CT (portal venous phase): fat -100, muscle and soft tissue 40,
/// aerated lung -850, liver 60, contrast-filled aorta 180, cortical bone 700, cancellous bone 250, air -1000.
public struct ChestAnatomy: Hashable, Sendable {
    /// Densities (HU) of each tissue.
    public struct Densities: Hashable, Sendable {
        public var air = -1000.0, fat = -100.0, softTissue = 40.0, lung = -850.0, liver = 60.0
        public var vessel = 180.0, corticalBone = 700.0, cancellousBone = 250.0, cerebrospinalFluid = 15.0
        /// The typical densities listed above.
        public init() {}
    }

    /// The densities used.
    public var densities: Densities

    /// Makes the anatomy with typical densities.
    public init(densities: Densities = Densities()) {
        self.densities = densities
    }

    // Shapes (body frame, mm). Exposed so tests can place lesions against them.
    /// Body outline: elliptic cylinder semi-axes (x, y).
    public static let body = SIMD2<Double>(160, 115)
    /// Inner edge of the subcutaneous fat.
    public static let muscle = SIMD2<Double>(148, 103)
    /// Right lung ellipsoid: centre and semi-axes.
    public static let rightLung = (centre: SIMD3<Double>(-78, -5, 70), radii: SIMD3<Double>(50, 75, 110))
    /// Left lung ellipsoid: centre and semi-axes.
    public static let leftLung = (centre: SIMD3<Double>(80, -5, 70), radii: SIMD3<Double>(45, 75, 110))
    /// Liver ellipsoid: centre and semi-axes.
    public static let liver = (centre: SIMD3<Double>(-55, -10, -60), radii: SIMD3<Double>(80, 75, 70))
    /// Heart ellipsoid: centre and semi-axes.
    public static let heart = (centre: SIMD3<Double>(5, -40, 0), radii: SIMD3<Double>(50, 38, 45))
    /// Descending aorta: axis position (x, y) and radius.
    public static let aorta = (axis: SIMD2<Double>(15, 40), radius: 12.0)
    /// Vertebral body: axis position (x, y) and radius; spinal canal behind it.
    public static let vertebra = (axis: SIMD2<Double>(0, 72), radius: 18.0)
    public static let canal = (axis: SIMD2<Double>(0, 98), radius: 8.0)

    @inline(__always)
    static func inEllipsoid(_ x: Double, _ y: Double, _ z: Double,
                            _ e: (centre: SIMD3<Double>, radii: SIMD3<Double>)) -> Bool {
        let u = (x - e.centre.x) / e.radii.x, v = (y - e.centre.y) / e.radii.y, w = (z - e.centre.z) / e.radii.z
        return u * u + v * v + w * w <= 1
    }

    /// The density (HU) at a body point.
    public func density(at b: SIMD3<Double>) -> Double { density(b.x, b.y, b.z) }

    /// The density (HU) at a body point given by its coordinates (scalar arithmetic: fast in debug builds too).
    public func density(_ x: Double, _ y: Double, _ z: Double) -> Double {
        let d = densities
        let ex = x / Self.body.x, ey = y / Self.body.y
        if ex * ex + ey * ey > 1 { return d.air }
        let mx = x / Self.muscle.x, my = y / Self.muscle.y
        let inner = mx * mx + my * my
        if inner > 1 { return d.fat }
        // Spine and aorta run the whole length.
        let vx = x - Self.vertebra.axis.x, vy = y - Self.vertebra.axis.y
        let vr2 = vx * vx + vy * vy
        let vertebra = Self.vertebra.radius
        if vr2 <= vertebra * vertebra {
            return vr2 > (vertebra - 3) * (vertebra - 3) ? d.corticalBone : d.cancellousBone
        }
        let cx = x - Self.canal.axis.x, cy = y - Self.canal.axis.y
        if cx * cx + cy * cy <= Self.canal.radius * Self.canal.radius { return d.cerebrospinalFluid }
        let ax = x - Self.aorta.axis.x, ay = y - Self.aorta.axis.y
        if ax * ax + ay * ay <= Self.aorta.radius * Self.aorta.radius { return d.vessel }
        if Self.inEllipsoid(x, y, z, Self.rightLung) || Self.inEllipsoid(x, y, z, Self.leftLung) { return d.lung }
        // Ribs: a band just outside the lungs, one rib every 25 mm of height, over the thorax.
        if z > -30, z < 170, inner > 0.7744, inner < 0.9025 {
            let ring = inner.squareRoot()
            let phase = (z + 1000).truncatingRemainder(dividingBy: 25)
            if phase < 9 { return ring > 0.905 && ring < 0.935 ? d.cancellousBone : d.corticalBone }
        }
        if Self.inEllipsoid(x, y, z, Self.heart) { return d.softTissue }
        if Self.inEllipsoid(x, y, z, Self.liver) { return d.liver }
        // Mediastinal fat between the lungs, above the diaphragm.
        if z > -20, abs(x) < 40, y < 55 { return d.fat }
        return d.softTissue
    }
}
