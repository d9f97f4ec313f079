import Foundation
import NadirDICOM
import NadirImaging
import Testing

@Suite struct DICOMSeriesReaderTests {
    static let variants = ["ct-explicit-le", "ct-implicit-le", "ct-implicit-undefined-lengths", "ct-explicit-be", "ct-deflated", "ct-raw-implicit",
                           "ct-rle", "ct-jpeg-sv1", "ct-jpeg-sv2", "ct-jpeg-sv3", "ct-jpeg-sv4", "ct-jpeg-sv5",
                           "ct-jpeg-sv6", "ct-jpeg-sv7"]

    @Test(arguments: variants)
    func readsEveryTransferSyntaxVoxelForVoxelLikePydicomAndSimpleITK(folder: String) throws {
        let truth = try #require(Fixtures.truth)
        let series = try Fixtures.imageSeries(folder)  // Given a series written by dcmtk/pydicom
        let (volume, metadata, diagnostics) = try DICOMSeriesReader.readVolume(series: series)  // When
        guard case .int16(let ct) = volume else {  // Then
            Issue.record("expected Int16 HU voxels, got \(volume.voxelTypeName)")
            return
        }
        #expect(ct.voxels.map(Int.init) == truth.ct.voxels)
        expectGeometry(ct.geometry, equals: truth.ct.geometry)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(metadata.seriesInstanceUID == truth.ct.seriesInstanceUID)
        if let expected = truth.variants[folder], expected != "raw" {
            #expect(series.transferSyntaxes == [DICOMTransferSyntax(uid: expected)])
        }
    }

    @Test func indexAndPhysicalPointsRoundTripOnTheObliqueGrid() throws {
        let truth = try #require(Fixtures.truth)
        let geometry = try #require(try Fixtures.imageSeries("ct-explicit-le").geometry)
        // SimpleITK's TransformIndexToPhysicalPoint for the far corner: origin + D * (spacing * index).
        let g = truth.ct.geometry
        let index = SIMD3<Int>(g.size[0] - 1, g.size[1] - 1, g.size[2] - 1)
        let point = geometry.physicalPoint(at: index)
        for axis in 0..<3 {
            var expected = g.origin[axis]
            for k in 0..<3 { expected += g.direction[axis * 3 + k] * g.spacing[k] * Double(index[k]) }
            #expect(abs(point[axis] - expected) <= Tolerance.geometry)
        }
        #expect(geometry.index(of: point) == index)
    }

    @Test func signedStoredValuesWithFractionalSlopeBecomeFloatVoxels() throws {
        let truth = try #require(Fixtures.truth)
        let (volume, _, _) = try DICOMSeriesReader.readVolume(series: try Fixtures.imageSeries("ct-signed-float"))
        guard case .float32(let v) = volume else {
            Issue.record("expected Float voxels, got \(volume.voxelTypeName)")
            return
        }
        #expect(v.voxels.count == truth.signed.voxels.count)
        let worst = zip(v.voxels, truth.signed.voxels).map { abs($0 - Float($1)) }.max() ?? .infinity
        #expect(worst <= Tolerance.floatVoxel)
        expectGeometry(v.geometry, equals: truth.signed.geometry)
    }

    @Test(arguments: ["ct-enhanced", "ct-enhanced-implicit-undefined"])
    func enhancedMultiFrameCTMatchesTheClassicSeries(folder: String) throws {
        let truth = try #require(Fixtures.truth)
        let series = try Fixtures.imageSeries(folder)
        #expect(series.files.count == 1)
        let (volume, metadata, _) = try DICOMSeriesReader.readVolume(series: series)
        guard case .int16(let ct) = volume else {
            Issue.record("expected Int16, got \(volume.voxelTypeName)")
            return
        }
        #expect(ct.voxels.map(Int.init) == truth.ct.voxels)
        expectGeometry(ct.geometry, equals: truth.ct.geometry)
        #expect(metadata.pixelSpacing.count == 2)
    }

    @Test(arguments: ["ct-explicit-le/IM0000", "ct-implicit-le/IM0000", "ct-implicit-undefined-lengths/IM0000",
                      "ct-explicit-be/IM0000", "ct-deflated/IM0000"])
    func privateSequencesAreParsedAndSkipped(path: String) throws {
        let file = try DICOMFileReader.read(url: Fixtures.url(path))
        let privateSequence = try #require(file.dataSet.element(DICOMTag(0x0029, 0x1011)))
        // pydicom wrote two items, each with the creator and a DS "1.5"; the reader walks past them to Pixel Data.
        #expect(privateSequence.items?.count == 2)
        let value = try #require(privateSequence.items?.first?.string(DICOMTag(0x0029, 0x1020)))
        #expect(value == "1.5")
        #expect(file.dataSet.contains(.pixelData))
        #expect(file.dataSet.element(DICOMTag(0x0029, 0x1010))?.tag.isPrivate == true)
    }

    @Test func spacingComesFromPositionsNotSliceThickness() throws {
        let series = try Fixtures.imageSeries("ct-explicit-le")
        let geometry = try #require(series.geometry)
        #expect(abs(geometry.spacing.z - 2.5) <= Tolerance.geometry)  // the script's step, not SliceThickness 3.0
        let thickness = try #require(series.metadata.sliceThickness)
        #expect(abs(thickness - 3.0) <= Tolerance.geometry)
    }
}
