/// The analytic chest-and-upper-abdomen anatomy of the synthetic CT, in the body frame (LPS mm, body centre at
/// the origin, z superior): the background that lesions are placed in.
///
/// Densities follow typical contrast-enhanced CT (portal venous phase): fat -100, muscle and soft tissue 40,
/// aerated lung -850, liver 60, contrast-filled aorta 180, cortical bone 700, cancellous bone 250, air -1000.
public struct ChestAnatomy: Hashable, Sendable {
    /// Densities (HU) of each tissue.
    public struct Densities: Hashable, Sendable {
        /// Air, fat, muscle and soft tissue, aerated lung, liver parenchyma (HU).
        public var air = -1000.0, fat = -100.0, softTissue = 40.0, lung = -850.0, liver = 60.0
        /// Contrast-filled vessel, cortical and cancellous bone, cerebrospinal fluid (HU).
        public var vessel = 180.0, corticalBone = 700.0, cancellousBone = 250.0, cerebrospinalFluid = 15.0
        /// The typical densities listed above.
        public init() {}
    }

    /// The densities used.
    public var densities: Densities

    /// The shapes, copied into the instance so the per-voxel code reads stored values (a `static let` read
    /// costs a `swift_once` check per access in the hot loop).
    let shape: Shape

    struct Shape: Hashable, Sendable {
        var body = ChestAnatomy.body, muscle = ChestAnatomy.muscle
        var rightLung = Ellipsoid(ChestAnatomy.rightLung), leftLung = Ellipsoid(ChestAnatomy.leftLung)
        var liver = Ellipsoid(ChestAnatomy.liver), heart = Ellipsoid(ChestAnatomy.heart)
        var aorta = ChestAnatomy.aorta.axis, aortaRadius = ChestAnatomy.aorta.radius
        var vertebra = ChestAnatomy.vertebra.axis, vertebraRadius = ChestAnatomy.vertebra.radius
        var canal = ChestAnatomy.canal.axis, canalRadius = ChestAnatomy.canal.radius
    }

    struct Ellipsoid: Hashable, Sendable {
        var centre: SIMD3<Double>, radii: SIMD3<Double>
        init(_ e: (centre: SIMD3<Double>, radii: SIMD3<Double>)) { centre = e.centre; radii = e.radii }
        @inline(__always)
        func contains(_ x: Double, _ y: Double, _ z: Double) -> Bool {
            let u = (x - centre.x) / radii.x, v = (y - centre.y) / radii.y, w = (z - centre.z) / radii.z
            return u * u + v * v + w * w <= 1
        }
    }

    /// Makes the anatomy with typical densities.
    public init(densities: Densities = Densities()) {
        self.densities = densities
        self.shape = Shape()
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
    /// Vertebral body: axis position (x, y) and radius.
    public static let vertebra = (axis: SIMD2<Double>(0, 72), radius: 18.0)
    /// Spinal canal: axis position (x, y) and radius.
    public static let canal = (axis: SIMD2<Double>(0, 98), radius: 8.0)

    /// The density (HU) at a body point.
    public func density(at b: SIMD3<Double>) -> Double { density(b.x, b.y, b.z) }

    /// The density (HU) at a body point given by its coordinates (scalar arithmetic: fast in debug builds too).
    public func density(_ x: Double, _ y: Double, _ z: Double) -> Double {
        let d = densities, sh = shape
        let ex = x / sh.body.x, ey = y / sh.body.y
        if ex * ex + ey * ey > 1 { return d.air }
        let mx = x / sh.muscle.x, my = y / sh.muscle.y
        let inner = mx * mx + my * my
        if inner > 1 { return d.fat }
        // Spine and aorta run the whole length.
        let vx = x - sh.vertebra.x, vy = y - sh.vertebra.y
        let vr2 = vx * vx + vy * vy
        let vertebra = sh.vertebraRadius
        if vr2 <= vertebra * vertebra {
            return vr2 > (vertebra - 3) * (vertebra - 3) ? d.corticalBone : d.cancellousBone
        }
        let cx = x - sh.canal.x, cy = y - sh.canal.y
        if cx * cx + cy * cy <= sh.canalRadius * sh.canalRadius { return d.cerebrospinalFluid }
        let ax = x - sh.aorta.x, ay = y - sh.aorta.y
        if ax * ax + ay * ay <= sh.aortaRadius * sh.aortaRadius { return d.vessel }
        if sh.rightLung.contains(x, y, z) || sh.leftLung.contains(x, y, z) { return d.lung }
        // Ribs: a band just outside the lungs, one rib every 25 mm of height, over the thorax.
        if z > -30, z < 170, inner > 0.7744, inner < 0.9025 {
            let ring = inner.squareRoot()
            let phase = (z + 1000).truncatingRemainder(dividingBy: 25)
            if phase < 9 { return ring > 0.905 && ring < 0.935 ? d.cancellousBone : d.corticalBone }
        }
        if sh.heart.contains(x, y, z) { return d.softTissue }
        if sh.liver.contains(x, y, z) { return d.liver }
        // Mediastinal fat between the lungs, above the diaphragm.
        if z > -20, abs(x) < 40, y < 55 { return d.fat }
        return d.softTissue
    }
}
