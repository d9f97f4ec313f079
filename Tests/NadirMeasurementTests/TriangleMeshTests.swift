import Foundation
import NadirImaging
import NadirMeasurement
import NadirSegmentation
import NadirTestSupport
import Testing

/// Mesh export: STL and OBJ re-read by independent parsers written here, checked for closure and volume.
@Suite struct TriangleMeshTests {
    static let volumeTolerance = 1e-4  // relative: float32 STL coordinates

    static func lesionMesh() throws -> (TriangleMesh, Double) {
        let lesion = PhantomLesion(label: 2, name: "e", centre: [0.3, -0.2, 0.4], radii: [9, 6, 7],
                                   orientation: Matrix3.rotation(axis: [1, 1, 1], degrees: 40), hounsfield: 0)
        // A left-handed oblique grid: the mesh must still face outwards.
        let direction = Matrix3(columns: [0, 1, 0], [1, 0, 0], [0, 0, 1])
        let g = Phantom.centredGeometry(size: [40, 36, 20], spacing: [0.8, 0.7, 1.5], direction: direction)
        let labels = Phantom(geometry: g, anatomy: nil, lesions: [lesion], noiseStandardDeviation: 0).renderLabels()
        return (try MarchingCubes.mesh(of: 2, in: labels), lesion.analyticVolume)
    }

    /// Each undirected edge (by vertex coordinates) and how many triangles use it.
    static func edgeUse(_ triangles: [[SIMD3<Float>]]) -> [String: Int] {
        var use: [String: Int] = [:]
        for t in triangles {
            for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
                let ka = "\(a.x),\(a.y),\(a.z)", kb = "\(b.x),\(b.y),\(b.z)"
                use[ka < kb ? ka + "|" + kb : kb + "|" + ka, default: 0] += 1
            }
        }
        return use
    }

    static func signedVolume(_ triangles: [[SIMD3<Float>]]) -> Double {
        var sum = 0.0
        for t in triangles {
            let a = SIMD3<Double>(t[0]), b = SIMD3<Double>(t[1]), c = SIMD3<Double>(t[2])
            sum += dot(a, cross(b, c))
        }
        return sum / 6
    }

    @Test func meshIsClosedAndOrientedOutwards() throws {
        let (mesh, analytic) = try Self.lesionMesh()
        #expect(mesh.isWatertight)
        #expect(mesh.volume > 0)
        #expect(abs(mesh.volume / analytic - 1) < 0.03)
    }

    @Test func binarySTLIsWatertightAndKeepsTheVolume() throws {
        let (mesh, _) = try Self.lesionMesh()
        let data = [UInt8](mesh.stl())
        func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(data[o + $1]) << (8 * $1) } }
        func f32(_ o: Int) -> Float { Float(bitPattern: u32(o)) }
        let count = Int(u32(80))
        #expect(count == mesh.triangles.count)
        #expect(data.count == 84 + 50 * count)
        var triangles: [[SIMD3<Float>]] = []
        for i in 0..<count {
            let o = 84 + 50 * i + 12
            triangles.append((0..<3).map { k in SIMD3(f32(o + 12 * k), f32(o + 12 * k + 4), f32(o + 12 * k + 8)) })
        }
        #expect(Self.edgeUse(triangles).values.allSatisfy { $0 == 2 })
        #expect(abs(Self.signedVolume(triangles) / mesh.volume - 1) < Self.volumeTolerance)
    }

    @Test func objIsWatertightAndKeepsTheVolume() throws {
        let (mesh, _) = try Self.lesionMesh()
        var vertices: [SIMD3<Float>] = []
        var triangles: [[SIMD3<Float>]] = []
        for line in mesh.obj().split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.first == "v" { vertices.append(SIMD3(Float(f[1])!, Float(f[2])!, Float(f[3])!)) }
            if f.first == "f" { triangles.append(f[1...3].map { vertices[Int($0)! - 1] }) }
        }
        #expect(triangles.count == mesh.triangles.count)
        #expect(Self.edgeUse(triangles).values.allSatisfy { $0 == 2 })
        #expect(abs(Self.signedVolume(triangles) / mesh.volume - 1) < Self.volumeTolerance)
    }
}
