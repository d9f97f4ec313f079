import Foundation
import NadirImageIO
import NadirImaging
import Testing

/// Files written by nibabel, SimpleITK and pynrrd, read by us, compared with what those tools say.
@Suite struct FixtureReadingTests {
    @Test func everyFixtureHasATruthSidecar() {
        #expect(FixtureTruth.all().count >= 28)
    }

    @Test(arguments: FixtureTruth.all())
    func voxelsAndGeometryMatchTheOtherTool(truth: FixtureTruth) throws {
        let (volume, diagnostics) = try ImageFileReader.read(url: truth.url)          // When
        let g = volume.geometry
        #expect([g.size.x, g.size.y, g.size.z] == truth.size)                        // Then
        #expect(volume.voxelTypeName == truth.expected_voxel_type)
        expectGeometry(g, origin: truth.origin, spacing: truth.spacing, directionRowMajor: truth.direction,
                       truth.file)
        let ours = doubles(volume)
        try #require(ours.count == truth.voxels.count)
        let exact = !volume.voxelTypeName.hasPrefix("float")
        var mismatches = 0
        for (a, b) in zip(ours, truth.voxels) {
            let allowed = exact ? 0 : abs(b) * Tolerance.float32Relative * 4 + 1e-12
            if abs(a - b) > allowed { mismatches += 1 }
        }
        #expect(mismatches == 0, "\(truth.file): \(mismatches) voxels differ; \(diagnostics)")
    }

    @Test func shearedSformIsKeptExactAndReported() throws {
        let (_, diagnostics) = try NIfTIReader().read(url: FixtureTruth.folder.appendingPathComponent("n1_shear.nii"))
        #expect(diagnostics.contains { $0.code == .nonOrthogonalDirection })
    }

    @Test func missingOrientationIsReported() throws {
        let url = FixtureTruth.folder.appendingPathComponent("n1_no_orientation.nii")
        let (_, diagnostics) = try NIfTIReader().read(url: url)
        #expect(diagnostics.contains { $0.code == .noOrientation })
    }

    @Test func metresAreConvertedAndReported() throws {
        let url = FixtureTruth.folder.appendingPathComponent("n1_metres.nii")
        let (volume, diagnostics) = try NIfTIReader().read(url: url)
        #expect(diagnostics.contains { $0.code == .unitsConverted })
        #expect(abs(volume.geometry.spacing.z - 2.5) < Tolerance.millimetres)
    }

    @Test func micrometresAreConvertedToo() throws {
        // The metres fixture relabelled as micrometres (xyzt_units bits 0-2 = 3, nifti1.h NIFTI_UNITS_MICRON):
        // every length shrinks by 10^6 against the metre truth.
        var bytes = [UInt8](try Data(contentsOf: FixtureTruth.folder.appendingPathComponent("n1_metres.nii")))
        bytes[123] = (bytes[123] & ~0x07) | 3
        let (volume, _) = try NIfTIReader().read(data: Data(bytes))
        let truth = try #require(FixtureTruth.all().first { $0.file == "n1_metres.nii" })
        for axis in 0..<3 {
            #expect(abs(volume.geometry.spacing[axis] - truth.spacing[axis] / 1e6) <= Tolerance.millimetres * 1e-6)
            #expect(abs(volume.geometry.origin[axis] - truth.origin[axis] / 1e6) <= Tolerance.millimetres * 1e-6)
        }
    }

    @Test func fractionalScalingOfIntegersGivesFloat32AndSaysSo() throws {
        let url = FixtureTruth.folder.appendingPathComponent("n1_scaled.nii")
        let (volume, diagnostics) = try NIfTIReader().read(url: url)
        #expect(volume.voxelTypeName == "float32")
        #expect(diagnostics.contains { $0.code == .scalingChangedType })
    }

    @Test func formatIsDetectedByContentAndExtension() {
        let f = FixtureTruth.folder
        #expect(ImageFileFormat.detect(url: f.appendingPathComponent("n1_int16_gz.nii.gz")) == .nifti)
        #expect(ImageFileFormat.detect(url: f.appendingPathComponent("n2_float32.nii")) == .nifti)
        #expect(ImageFileFormat.detect(url: f.appendingPathComponent("n1_pair.hdr")) == .nifti)
        #expect(ImageFileFormat.detect(url: f.appendingPathComponent("sitk_int16_raw.nrrd")) == .nrrd)
        #expect(ImageFileFormat.detect(url: f.appendingPathComponent("pynrrd_ras_detached.nhdr")) == .nrrd)
        #expect(ImageFileFormat.detect(url: f.appendingPathComponent("n1_int16.json")) == nil)
        #expect(ImageFileFormat.detect(url: f) == .dicom)  // a folder goes to the DICOM series reader
    }
}
