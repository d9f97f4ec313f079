import Foundation
import NadirDICOM
import NadirImaging
import Testing

@Suite struct DICOMCTWriterTests {
    /// An analytic phantom on an oblique grid: voxel value = x - 2y + 100z - 1000.
    static func phantom() -> Volume<Int16> {
        let angle = 0.3
        let direction = Matrix3(columns: SIMD3(cos(angle), sin(angle), 0), SIMD3(-sin(angle), cos(angle), 0),
                                SIMD3(0, 0, 1))
        let geometry = ImageGeometry(size: SIMD3(7, 5, 4), origin: SIMD3(-12.5, 30.25, -101.75),
                                     spacing: SIMD3(0.8, 1.1, 2.5), direction: direction)
        var volume = Volume<Int16>(geometry: geometry, repeating: 0)
        for z in 0..<4 { for y in 0..<5 { for x in 0..<7 { volume[x, y, z] = Int16(x - 2 * y + 100 * z - 1000) } } }
        return volume
    }

    @Test func writtenSeriesReadsBackToThePhantomAndItsGeometry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-ct-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let volume = Self.phantom()
        let writer = DICOMCTWriter(subjectID: "SUBJ-007", studyDate: "20240102")
        let urls = try writer.write(volume, to: folder)
        #expect(urls.count == 4)
        let series = try #require(DICOMSeriesScanner.scan(folder: folder).series.first)
        let (read, metadata, diagnostics) = try DICOMSeriesReader.readVolume(series: series)
        guard case .int16(let back) = read else {
            Issue.record("expected Int16")
            return
        }
        #expect(back.voxels == volume.voxels)
        #expect(back.geometry.isCongruent(with: volume.geometry, tolerance: Tolerance.geometry))
        #expect(diagnostics.isEmpty)
        #expect(metadata.seriesInstanceUID == writer.seriesInstanceUID)
        #expect(writer.seriesInstanceUID.hasPrefix("2.25.") && writer.seriesInstanceUID.count <= 64)
        let file = try DICOMFileReader.read(url: urls[0])
        #expect(file.hasPreamble && file.transferSyntax == .explicitVRLittleEndian)
        #expect(file.dataSet.string(.patientID) == "SUBJ-007")
    }

    @Test func aTiltedDirectionMatrixIsRefused() {
        var geometry = Self.phantom().geometry
        geometry.direction.c2 = SIMD3(0, 0.2588190451, 0.9659258263)
        let volume = Volume<Int16>(geometry: geometry, repeating: 0)
        #expect(throws: DICOMError.self) {
            try DICOMCTWriter(subjectID: "S").write(volume, to: FileManager.default.temporaryDirectory)
        }
    }
}
