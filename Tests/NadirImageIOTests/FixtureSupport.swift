import Foundation
import NadirImageIO
import NadirImaging
import Testing

/// Tolerances, named: geometry to 1e-4 mm (NIfTI-1 stores float32), direction cosines to 1e-5.
enum Tolerance {
    static let millimetres = 1e-4
    static let cosine = 1e-5
    /// float32 voxels compared with the other tool's float64 values: relative float32 precision.
    static let float32Relative = 1.2e-7
}

/// One fixture's truth, written by scripts/fixtures/make-nifti-fixtures.py from nibabel/SimpleITK/pynrrd.
struct FixtureTruth: Decodable, CustomStringConvertible {
    var file: String
    var size: [Int]
    var origin: [Double]
    var spacing: [Double]
    var direction: [Double]  // row-major, as SimpleITK's GetDirection
    var voxels: [Double]
    var expected_voxel_type: String
    var geometry_source: String
    var notes: String
    var description: String { file }

    static let folder: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("Fixtures resource missing from the test bundle")
        }
        return url
    }()

    static func all() -> [FixtureTruth] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            return try? JSONDecoder().decode(FixtureTruth.self, from: data)
        }
    }

    var url: URL { Self.folder.appendingPathComponent(file) }
}

/// Every voxel as Double, x fastest.
func doubles(_ volume: AnyVolume) -> [Double] {
    switch volume {
    case .uint8(let v): v.voxels.map(Double.init)
    case .int8(let v): v.voxels.map(Double.init)
    case .uint16(let v): v.voxels.map(Double.init)
    case .int16(let v): v.voxels.map(Double.init)
    case .uint32(let v): v.voxels.map(Double.init)
    case .int32(let v): v.voxels.map(Double.init)
    case .float32(let v): v.voxels.map(Double.init)
    case .float64(let v): v.voxels
    }
}

/// Expects two geometries to agree within the named tolerances.
func expectGeometry(_ g: ImageGeometry, origin: [Double], spacing: [Double], directionRowMajor d: [Double],
                    _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for axis in 0..<3 {
        #expect(abs(g.origin[axis] - origin[axis]) <= Tolerance.millimetres, "\(context) origin[\(axis)]",
                sourceLocation: sourceLocation)
        #expect(abs(g.spacing[axis] - spacing[axis]) <= Tolerance.millimetres, "\(context) spacing[\(axis)]",
                sourceLocation: sourceLocation)
        for column in 0..<3 {
            let ours = [g.direction.c0, g.direction.c1, g.direction.c2][column][axis]
            #expect(abs(ours - d[axis * 3 + column]) <= Tolerance.cosine, "\(context) direction[\(axis)][\(column)]",
                    sourceLocation: sourceLocation)
        }
    }
}

/// Expects two geometries to agree within the named tolerances.
func expectSameGeometry(_ a: ImageGeometry, _ b: ImageGeometry, _ context: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.size == b.size, "\(context) size", sourceLocation: sourceLocation)
    let rows = (0..<3).flatMap { r in [b.direction.c0[r], b.direction.c1[r], b.direction.c2[r]] }
    expectGeometry(a, origin: [b.origin.x, b.origin.y, b.origin.z], spacing: [b.spacing.x, b.spacing.y, b.spacing.z],
                   directionRowMajor: rows, context, sourceLocation: sourceLocation)
}
