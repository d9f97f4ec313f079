import Foundation
import NadirImaging
import NadirRegistration

/// An adult-sized CT-like phantom for the registration benchmark (512 x 512 x 300, 0.8 x 0.8 x 1 mm): body,
/// lungs, liver, spine with vertebrae and lesions, soft edges, Gaussian noise from a fixed seed. The
/// follow-up shows the anatomy through a known rigid transform, with lesions grown, shrunk, gone and new.
struct RegistrationPhantom {
    typealias Sphere = (x: Double, y: Double, z: Double, radius: Double, hu: Double)

    static let geometry = ImageGeometry(size: [512, 512, 300], origin: [-204.4, -204.4, -149.5],
                                        spacing: [0.8, 0.8, 1.0])
    /// Baseline → follow-up: 6, -4 and 8 degrees, 18, -12, 25 mm.
    static let truth = RigidTransform(rotation: Versor(eulerAnglesXYZ: SIMD3(6, -4, 8) * (Double.pi / 180)),
                                      translation: [18, -12, 25], center: [0, 0, 0])
    static let baselineLesions: [Sphere] = [
        (-80, -25, 50, 14, 30), (72, 8, 15, 11, 30), (-60, 35, -70, 16, 110), (-35, -8, -50, 9, 110),
        (105, 50, -60, 12, 100),
    ]
    static let followUpLesions: [Sphere] = [
        (-80, -25, 50, 19, 30), (72, 8, 15, 6, 30), (-60, 35, -70, 16, 110), (105, 50, -60, 12, 100),
        (78, -35, 70, 10, 30),
    ]

    /// Points where the benchmark measures target registration error (lesion centres and a body grid).
    static var errorPoints: [SIMD3<Double>] {
        var points = baselineLesions.map { SIMD3($0.x, $0.y, $0.z) }
        for x in stride(from: -140.0, through: 140, by: 70) {
            for y in stride(from: -90.0, through: 90, by: 45) {
                for z in stride(from: -120.0, through: 120, by: 60)
                where (x / 165) * (x / 165) + (y / 120) * (y / 120) < 1 {
                    points.append([x, y, z])
                }
            }
        }
        return points
    }

    /// Renders on `geometry` through `anatomyToScan`, slices split over the cores.
    static func render(lesions: [Sphere], anatomyToScan: RigidTransform, seed: UInt64) -> Volume<Float> {
        let g = geometry
        let back = anatomyToScan.inverse
        let o = back.apply(to: g.physicalPoint(at: SIMD3<Int>(0, 0, 0)))
        let a = back.apply(to: g.physicalPoint(at: SIMD3<Int>(1, 0, 0))) - o
        let b = back.apply(to: g.physicalPoint(at: SIMD3<Int>(0, 1, 0))) - o
        let c = back.apply(to: g.physicalPoint(at: SIMD3<Int>(0, 0, 1))) - o
        var volume = Volume<Float>(geometry: g, repeating: 0)
        volume.withUnsafeMutableVoxels { voxels in
            nonisolated(unsafe) let out = voxels
            DispatchQueue.concurrentPerform(iterations: g.size.z) { z in
                var state = seed &+ UInt64(z) &* 0x9E37_79B9_7F4A_7C15
                var i = z * g.size.x * g.size.y
                for y in 0..<g.size.y {
                    var p = o + b * Double(y) + c * Double(z)
                    for _ in 0..<g.size.x {
                        out[i] = Float(value(p, lesions) + 15 * gaussian(&state))
                        p += a
                        i += 1
                    }
                }
            }
        }
        return volume
    }

    static func value(_ p: SIMD3<Double>, _ lesions: [Sphere]) -> Double {
        let rho = ((p.x / 165) * (p.x / 165) + (p.y / 120) * (p.y / 120)).squareRoot()
        let body = max((rho - 1) * 120, abs(p.z) - 140)
        var v = blend(-1000, 40, body)
        if body > 1 { return v }
        v = blend(v, 60, ellipsoid(p - [-70, 25, -70], [75, 65, 50]))
        v = blend(v, -850, ellipsoid(p - [-75, -8, 35], [52, 65, 90]))
        v = blend(v, -850, ellipsoid(p - [75, -8, 35], [48, 62, 90]))
        let spine = ((p.x * p.x + (p.y - 78) * (p.y - 78)).squareRoot() - 22)
        if spine < 1 { v = blend(v, 425 + 275 * cos(2 * Double.pi * p.z / 28), spine) }
        for s in lesions {
            let dx = p.x - s.x, dy = p.y - s.y, dz = p.z - s.z
            let d = (dx * dx + dy * dy + dz * dz).squareRoot() - s.radius
            if d < 1 { v = blend(v, s.hu, d) }
        }
        return v
    }

    static func ellipsoid(_ d: SIMD3<Double>, _ r: SIMD3<Double>) -> Double {
        let q = d / r
        return ((q * q).sum().squareRoot() - 1) * r.min()
    }

    /// Linear ramp over ±1 mm around the boundary.
    static func blend(_ under: Double, _ value: Double, _ distance: Double) -> Double {
        under + min(max(0.5 - distance / 2, 0), 1) * (value - under)
    }

    /// SplitMix64 + Box-Muller.
    static func gaussian(_ state: inout UInt64) -> Double {
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        return (-2 * log(next())).squareRoot() * cos(2 * Double.pi * next())
    }

    /// Writes a float32 MetaImage pair (`.mhd` header + `.raw`) that SimpleITK reads.
    static func writeMetaImage(_ volume: Volume<Float>, to directory: URL, name: String) throws {
        let g = volume.geometry
        let d = g.direction
        let header = """
            ObjectType = Image
            NDims = 3
            BinaryData = True
            BinaryDataByteOrderMSB = False
            CompressedData = False
            TransformMatrix = \([d.c0.x, d.c0.y, d.c0.z, d.c1.x, d.c1.y, d.c1.z, d.c2.x, d.c2.y, d.c2.z].map { "\($0)" }.joined(separator: " "))
            Offset = \(g.origin.x) \(g.origin.y) \(g.origin.z)
            ElementSpacing = \(g.spacing.x) \(g.spacing.y) \(g.spacing.z)
            DimSize = \(g.size.x) \(g.size.y) \(g.size.z)
            ElementType = MET_FLOAT
            ElementDataFile = \(name).raw

            """
        try Data(header.utf8).write(to: directory.appending(path: "\(name).mhd"))
        try volume.withUnsafeVoxels { try Data(buffer: $0).write(to: directory.appending(path: "\(name).raw")) }
    }

    /// Writes the known transform and the error points for the peer script.
    static func writeTruth(to directory: URL) throws {
        let m = truth.matrix
        let json: [String: Any] = [
            "matrixRows": [m.row(0), m.row(1), m.row(2)].map { [$0.x, $0.y, $0.z] },
            "offset": [truth.offset.x, truth.offset.y, truth.offset.z],
            "points": errorPoints.map { [$0.x, $0.y, $0.z] },
        ]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: directory.appending(path: "truth.json"))
    }
}
