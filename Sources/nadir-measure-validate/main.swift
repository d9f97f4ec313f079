import Foundation
import NadirImaging
import NadirMeasurement
import NadirSegmentation

// nadir-measure-validate: measures every label of a raw label map for scripts/validate-measurement.py.
// Input: a JSON header {size, spacing, origin, direction (9, row-major columns-as-index-axes), labels (path to
// uint16 LE raw), image (optional path to int16 LE raw)}. Output: JSON measurements on stdout.

struct Header: Decodable {
    var size: [Int]
    var spacing: [Double]
    var origin: [Double]
    var direction: [Double]
    var labels: String
    var image: String?
}

func run() -> Int32 {
    guard CommandLine.arguments.count == 2 else {
        FileHandle.standardError.write(Data("usage: nadir-measure-validate HEADER.json\n".utf8))
        return 2
    }
    do {
        let header = try JSONDecoder().decode(Header.self, from: Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1])))
        let d = header.direction
        let geometry = ImageGeometry(
            size: SIMD3(header.size[0], header.size[1], header.size[2]),
            origin: SIMD3(header.origin[0], header.origin[1], header.origin[2]),
            spacing: SIMD3(header.spacing[0], header.spacing[1], header.spacing[2]),
            direction: Matrix3(rows: SIMD3(d[0], d[1], d[2]), SIMD3(d[3], d[4], d[5]), SIMD3(d[6], d[7], d[8])))
        func load<T>(_ path: String, as: T.Type) throws -> [T] {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return data.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
        }
        guard let labels = LabelMap(geometry: geometry, voxels: try load(header.labels, as: UInt16.self)) else {
            FileHandle.standardError.write(Data("label file size does not match the header\n".utf8))
            return 1
        }
        var image: MeasurementImage?
        if let path = header.image {
            guard let ct = Volume<Int16>(geometry: geometry, voxels: try load(path, as: Int16.self)) else {
                FileHandle.standardError.write(Data("image file size does not match the header\n".utf8))
                return 1
            }
            image = .computedTomography(ct)
        }
        let all = try LesionMeasurer().measureAll(in: labels, image: image)
        let rows: [[String: Double]] = all.map { m in
            [
                "label": Double(m.label), "voxelCount": Double(m.voxelCount),
                "longAxis": m.longAxis.millimeters, "shortAxis": m.shortAxis.millimeters,
                "maximum3DDiameter": m.maximumDiameter.millimeters, "voxelVolume": m.voxelVolume.doubleValue,
                "meshVolume": m.meshVolume.doubleValue, "surfaceArea": m.surfaceArea.doubleValue,
                "rawMeshSurfaceArea": m.mesh.surfaceArea, "mean": m.intensity?.mean ?? .nan,
                "standardDeviation": m.intensity?.standardDeviation ?? .nan,
                "longAxisSlice": Double(m.longAxis.sliceIndex ?? -1),
            ]
        }
        let json = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: json, as: UTF8.self))
        return 0
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        return 1
    }
}

exit(run())
