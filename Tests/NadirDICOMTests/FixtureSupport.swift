import Foundation
import NadirDICOM
import NadirImaging
import Testing

/// Tolerances named once (style: never `==` on a Double).
enum Tolerance {
    /// Geometry agreement with SimpleITK, mm (the 1e-4 mm).
    static let geometry = 1e-4
    /// Float voxels against pydicom/SimpleITK (exact binary fractions in these fixtures; margin for rounding).
    static let floatVoxel: Float = 1e-3
}

/// The fixtures folder and the truth written by scripts/fixtures/make-dicom-fixtures.py.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    struct Geometry: Decodable {
        var size: [Int]
        var origin: [Double]
        var spacing: [Double]
        var direction: [Double]  // row-major, SimpleITK's GetDirection()
    }

    struct Series: Decodable {
        var geometry: Geometry
        var voxels: [Double]
    }

    struct CT: Decodable {
        var geometry: Geometry
        var voxels: [Int]
        var studyInstanceUID: String
        var seriesInstanceUID: String
        var identifying: [String]
    }

    struct Segmentation: Decodable {
        var binary: [[Int]]
        var fractionalStored: [Int]
        var maxFractionalValue: Int
        var labels: [String]
    }

    struct Truth: Decodable {
        var ct: CT
        var variants: [String: String]
        var signed: Series
        var seg: Segmentation
        var tiltDegrees: Double
    }

    static let truth: Truth? = {
        guard let data = try? Data(contentsOf: url("expected.json")) else { return nil }
        return try? JSONDecoder().decode(Truth.self, from: data)
    }()

    /// The one image series in a folder.
    static func imageSeries(_ folder: String) throws -> DICOMSeriesSummary {
        let result = DICOMSeriesScanner.scan(folder: url(folder))
        let images = result.series.filter { $0.kind == .image }
        try #require(images.count == 1, "\(folder): \(result.series.count) series, \(result.diagnostics)")
        return images[0]
    }
}

/// Expects our geometry to match SimpleITK's within `Tolerance.geometry`.
func expectGeometry(_ ours: ImageGeometry, equals theirs: Fixtures.Geometry, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect([ours.size.x, ours.size.y, ours.size.z] == theirs.size, sourceLocation: sourceLocation)
    for axis in 0..<3 {
        #expect(abs(ours.origin[axis] - theirs.origin[axis]) <= Tolerance.geometry, sourceLocation: sourceLocation)
        #expect(abs(ours.spacing[axis] - theirs.spacing[axis]) <= Tolerance.geometry, sourceLocation: sourceLocation)
        for column in 0..<3 {
            let value = [ours.direction.c0, ours.direction.c1, ours.direction.c2][column][axis]
            #expect(abs(value - theirs.direction[axis * 3 + column]) <= Tolerance.geometry, sourceLocation: sourceLocation)
        }
    }
}
