import Foundation
import NadirImaging
import NadirRegistration

/// A small analytic CT-like phantom for registration tests: an elliptic-cylinder body (40 HU) in air
/// (-1000 HU) with two lungs (-850 HU), a liver (60 HU), a spine with vertebrae (150-700 HU) and spherical
/// lesions, soft-edged over about one voxel, plus Gaussian noise with a fixed seed.
///
/// Anatomy is defined in baseline coordinates (LPS mm). A scan taken with `anatomyToScan = T` shows at
/// scan point `q` the anatomy at `T⁻¹(q)`, so `T` is exactly the fixed → moving map registration must find.
struct TestPhantom {
    struct Lesion {
        var center: SIMD3<Double>
        var radius: Double
        var hu: Double
    }

    /// Lesions at baseline: two in the lungs, two in the liver, one in the body wall.
    static let baselineLesions: [Lesion] = [
        Lesion(center: [-48, -15, 35], radius: 9, hu: 30),
        Lesion(center: [42, 5, 10], radius: 7, hu: 30),
        Lesion(center: [-35, 20, -45], radius: 10, hu: 110),
        Lesion(center: [-20, -5, -30], radius: 6, hu: 110),
        Lesion(center: [60, 30, -40], radius: 8, hu: 100),
    ]

    /// The follow-up: lesion 0 grows, 1 shrinks, 3 vanishes, a new one appears in the right lung.
    static let followUpLesions: [Lesion] = [
        Lesion(center: [-48, -15, 35], radius: 12, hu: 30),
        Lesion(center: [42, 5, 10], radius: 4, hu: 30),
        Lesion(center: [-35, 20, -45], radius: 10, hu: 110),
        Lesion(center: [60, 30, -40], radius: 8, hu: 100),
        Lesion(center: [45, -20, 45], radius: 7, hu: 30),
    ]

    var lesions: [Lesion]
    var noiseSigma: Double = 12
    var seed: UInt64 = 1

    /// Renders the phantom on `geometry`, as seen through `anatomyToScan` (baseline → this scan).
    ///
    /// Scalar arithmetic throughout: the tests run in debug builds, where SIMD operators are not inlined.
    func render(on geometry: ImageGeometry, anatomyToScan: AffineTransform3D = .identity) throws -> Volume<Float> {
        let toAnatomy = try anatomyToScan.inverted()
        // Anatomy point of voxel (x, y, z) = origin' + x a + y b + z c.
        let origin = toAnatomy.apply(to: geometry.physicalPoint(at: SIMD3<Int>(0, 0, 0)))
        let a = toAnatomy.apply(to: geometry.physicalPoint(at: SIMD3<Int>(1, 0, 0))) - origin
        let b = toAnatomy.apply(to: geometry.physicalPoint(at: SIMD3<Int>(0, 1, 0))) - origin
        let c = toAnatomy.apply(to: geometry.physicalPoint(at: SIMD3<Int>(0, 0, 1))) - origin
        let (ox, oy, oz) = (origin.x, origin.y, origin.z)
        let (ax, ay, az, bx, by, bz, cx, cy, cz) = (a.x, a.y, a.z, b.x, b.y, b.z, c.x, c.y, c.z)
        let spheres = lesions.map { ($0.center.x, $0.center.y, $0.center.z, $0.radius, $0.hu) }
        var rng = TestRandom(seed: seed)
        var voxels = [Float](repeating: 0, count: geometry.voxelCount)
        var i = 0
        for z in 0..<geometry.size.z {
            for y in 0..<geometry.size.y {
                let fy = Double(y), fz = Double(z)
                var px = ox + fy * bx + fz * cx, py = oy + fy * by + fz * cy, pz = oz + fy * bz + fz * cz
                for _ in 0..<geometry.size.x {
                    voxels[i] = Float(Self.value(px, py, pz, spheres) + noiseSigma * rng.gaussian())
                    px += ax
                    py += ay
                    pz += az
                    i += 1
                }
            }
        }
        guard let volume = Volume(geometry: geometry, voxels: voxels) else { throw TestPhantomError.sizeMismatch }
        return volume
    }

    /// Noise-free intensity at an anatomy point.
    func value(at p: SIMD3<Double>) -> Double {
        Self.value(p.x, p.y, p.z, lesions.map { ($0.center.x, $0.center.y, $0.center.z, $0.radius, $0.hu) })
    }

    static let edge = 1.5

    static func value(_ x: Double, _ y: Double, _ z: Double,
                      _ spheres: [(Double, Double, Double, Double, Double)]) -> Double {
        // Body: elliptic cylinder 95 x 70 mm, z in [-85, 85].
        let rho = ((x / 95) * (x / 95) + (y / 70) * (y / 70)).squareRoot()
        let bodyDistance = max((rho - 1) * 70, abs(z) - 85)
        var v = blend(-1000, 40, bodyDistance)
        if bodyDistance > edge { return v }
        v = blend(v, 60, ellipsoidDistance(x + 40, y - 15, z + 40, 45, 40, 30))
        v = blend(v, -850, ellipsoidDistance(x + 45, y + 5, z - 20, 30, 40, 55))
        v = blend(v, -850, ellipsoidDistance(x - 45, y + 5, z - 20, 28, 38, 55))
        let spineDistance = (x * x + (y - 45) * (y - 45)).squareRoot() - 14
        if spineDistance < edge { v = blend(v, 425 + 275 * cos(2 * Double.pi * z / 25), spineDistance) }
        for (cx, cy, cz, r, hu) in spheres {
            let dx = x - cx, dy = y - cy, dz = z - cz
            let d = (dx * dx + dy * dy + dz * dz).squareRoot() - r
            if d < edge { v = blend(v, hu, d) }
        }
        return v
    }

    /// Approximate signed distance to an axis-aligned ellipsoid at the origin (exact on the axes).
    private static func ellipsoidDistance(_ x: Double, _ y: Double, _ z: Double,
                                          _ rx: Double, _ ry: Double, _ rz: Double) -> Double {
        let qx = x / rx, qy = y / ry, qz = z / rz
        return ((qx * qx + qy * qy + qz * qz).squareRoot() - 1) * min(rx, ry, rz)
    }

    /// Paints `value` over `under` with a linear ramp of width `2 * edge` across the boundary.
    private static func blend(_ under: Double, _ value: Double, _ signedDistance: Double) -> Double {
        let a = min(max(0.5 - signedDistance / (2 * edge), 0), 1)
        return under + a * (value - under)
    }
}

enum TestPhantomError: Error { case sizeMismatch }

/// SplitMix64 with Box-Muller Gaussian samples: reproducible noise for the tests.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// Standard normal.
    mutating func gaussian() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

/// Target registration error of `estimate` against `truth` at `points` (both fixed → moving), mm.
func targetRegistrationErrors(_ estimate: some SpatialTransform, _ truth: some SpatialTransform,
                              at points: [SIMD3<Double>]) -> [Double] {
    points.map { p in
        let d = estimate.apply(to: p) - truth.apply(to: p)
        return (d * d).sum().squareRoot()
    }
}

/// A grid of points inside the phantom body (baseline space): 5 x 5 x 5 within the body's box, kept when
/// inside the elliptic cylinder.
let bodyGridPoints: [SIMD3<Double>] = {
    var points: [SIMD3<Double>] = []
    for x in stride(from: -80.0, through: 80, by: 40) {
        for y in stride(from: -60.0, through: 60, by: 30) {
            for z in stride(from: -70.0, through: 70, by: 35) where (x / 95) * (x / 95) + (y / 70) * (y / 70) < 1 {
                points.append([x, y, z])
            }
        }
    }
    return points
}()
