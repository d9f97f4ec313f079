import Foundation
import NadirImageIO
import NadirImaging
import Testing

/// Hand-written NRRD headers whose geometry follows from the NRRD format definition
/// (http://teem.sourceforge.net/nrrd/format.html): RAS vectors negate x and y to give LPS.
@Suite struct NRRDReaderTests {
    static func read(_ header: String, _ voxels: [UInt8]) throws -> (AnyVolume, [ImageIODiagnostic]) {
        try NRRDReader().read(data: Data(Array(header.utf8) + voxels))
    }

    @Test func rasDirectionsWithSpacesInsideVectorsBecomeLPS() throws {
        let header = """
            NRRD0005
            # a comment
            type: uint8
            dimension: 3
            space: RAS
            sizes: 2 3 1
            space directions: (0, 2, 0) (-1.5, 0, 0) (0,0,4)
            space origin: (10, -20, 30)
            encoding: raw
            creator:=hand


            """
        let (volume, diagnostics) = try Self.read(header, Array(0..<6))
        let g = volume.geometry
        #expect(diagnostics.isEmpty)
        #expect(g.size == [2, 3, 1])
        expectGeometry(g, origin: [-10, 20, 30], spacing: [2, 1.5, 4],
                       directionRowMajor: [0, 1, 0, -1, 0, 0, 0, 0, 1], "RAS")
        guard case .uint8(let v) = volume else { Issue.record("type \(volume.voxelTypeName)"); return }
        #expect(v[1, 2, 0] == 5)  // x fastest
    }

    @Test func spaceDimensionWithoutSpaceIsReadAsLPSWithAWarning() throws {
        let header = "NRRD0004\ntype: short\ndimension: 2\nspace dimension: 3\nsizes: 2 2\n"
            + "space directions: (0.5,0,0) (0,0.25,0)\nendian: big\nencoding: raw\n\n"
        let (volume, diagnostics) = try Self.read(header, [0, 1, 0, 2, 0xFF, 0xFF, 0x80, 0x00])
        #expect(diagnostics.contains { $0.field == "space dimension" })
        #expect(volume.geometry.size == [2, 2, 1])
        expectGeometry(volume.geometry, origin: [0, 0, 0], spacing: [0.5, 0.25, 1],
                       directionRowMajor: [1, 0, 0, 0, 1, 0, 0, 0, 1], "2D")
        guard case .int16(let v) = volume else { Issue.record("type"); return }
        #expect(v.voxels == [1, 2, -1, -32768])  // big-endian
    }

    @Test func vectorAxisWithMoreThanOneSampleIsRefused() {
        let header = "NRRD0004\ntype: float\ndimension: 4\nspace: LPS\nsizes: 3 2 2 2\n"
            + "space directions: none (1,0,0) (0,1,0) (0,0,1)\nendian: little\nencoding: raw\n\n"
        do {
            _ = try Self.read(header, [UInt8](repeating: 0, count: 96))
            Issue.record("a 3-vector per voxel was read as a volume")
        } catch let error as ImageIOError {
            #expect(error.code == .unsupportedDimensions)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func headerOfSimpleITKFileHasItsFields() throws {
        let header = try NRRDReader().readHeader(url: FixtureTruth.folder.appendingPathComponent("sitk_int16_raw.nrrd"))
        #expect(header.formatVersion == 4)
        #expect(header.fields["space"] == "left-posterior-superior")
        #expect(header.fields["sizes"] == "7 6 5")
    }

    @Test func niftiWithZeroVoxOffsetReadsAfterTheHeader() throws {
        var bytes = [UInt8](try Data(contentsOf: FixtureTruth.folder.appendingPathComponent("n1_int16.nii")))
        let (expected, _) = try NIfTIReader().read(data: Data(bytes))
        bytes.replaceSubrange(108..<112, with: [0, 0, 0, 0])
        let (volume, diagnostics) = try NIfTIReader().read(data: Data(bytes))
        #expect(doubles(volume) == doubles(expected))
        #expect(diagnostics.contains { $0.field == "vox_offset" })
    }
}
