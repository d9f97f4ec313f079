import Foundation
import NadirDICOM
import NadirImaging
import Testing

@Suite struct DICOMSeriesScannerTests {
    @Test func scanningTheWholeFixtureTreeSeparatesSeriesSegmentationsAndNonDICOMFiles() throws {
        let result = DICOMSeriesScanner.scan(folder: Fixtures.root)
        #expect(result.diagnostics.contains { $0.code == .unreadableFile && $0.file?.lastPathComponent == "not-dicom.txt" })
        #expect(result.series.filter { $0.kind == .segmentation }.count == 2)
        // CT, enhanced (two encodings of one object), signed, and the four problem series.
        #expect(result.series.filter { $0.kind == .image }.count == 7)
        // The 14 transfer-syntax variants share one Series Instance UID (dcmtk keeps UIDs): one series of 70 files
        // with duplicate positions reported.
        let truth = try #require(Fixtures.truth)
        let ct = try #require(result.series.first { $0.seriesInstanceUID == truth.ct.seriesInstanceUID })
        #expect(ct.files.count == 70)
        #expect(ct.diagnostics.contains { $0.code == .duplicatePositions })
    }

    @Test func aGapIsReported() throws {
        let series = try Fixtures.imageSeries("problems/gap")
        #expect(series.diagnostics.map(\.code) == [.gap])
    }

    @Test func duplicatePositionsAreReportedAndDropped() throws {
        let series = try Fixtures.imageSeries("problems/duplicate")
        #expect(series.diagnostics.map(\.code) == [.duplicatePositions])
        #expect(series.slices.count == 3)
        let geometry = try #require(series.geometry)
        #expect(abs(geometry.spacing.z - 2.0) <= Tolerance.geometry)
    }

    @Test func gantryTiltIsReportedWithItsAngleAndPlacesSlicesWhereTheyAre() throws {
        let truth = try #require(Fixtures.truth)
        let series = try Fixtures.imageSeries("problems/tilt")
        let tilt = try #require(series.diagnostics.first { $0.code == .gantryTilt })
        #expect(tilt.message.contains(String(format: "%.2f", truth.tiltDegrees)))
        let geometry = try #require(series.geometry)
        // The last slice's first voxel lands on its Image Position (Patient) (0, 3 tan 15°... scaled).
        let last = try #require(series.slices.last)
        let point = geometry.physicalPoint(at: SIMD3<Int>(0, 0, geometry.size.z - 1))
        #expect(norm(point - last.position) <= Tolerance.geometry)
    }

    @Test func mixedOrientationsCannotFormAVolume() throws {
        let series = try Fixtures.imageSeries("problems/mixed")
        #expect(series.diagnostics.map(\.code) == [.mixedOrientations])
        #expect(series.geometry == nil)
        #expect(throws: DICOMError.self) { try DICOMSeriesReader.readVolume(series: series) }
    }
}
