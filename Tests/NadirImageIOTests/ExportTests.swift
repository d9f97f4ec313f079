import Foundation
import NadirImageIO
import NadirImaging
import Testing

/// Writes our re-encoding of every fixture (NIfTI-1 .nii and .nii.gz, NIfTI-2 .nii.gz) and a larger
/// multi-member phantom, then reads each back. `scripts/check-nifti-roundtrip.py` runs this test with
/// NADIR_EXPORT_DIR set and checks the files with nibabel and SimpleITK against the fixtures' truth.
@Suite struct ExportTests {
    @Test func everyFixtureReencodedReadsBack() throws {
        let environment = ProcessInfo.processInfo.environment["NADIR_EXPORT_DIR"]
        let folder = environment.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("nadir-export-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if environment == nil { try? FileManager.default.removeItem(at: folder) } }
        var written = 0
        for truth in FixtureTruth.all() {
            let (volume, _) = try ImageFileReader.read(url: truth.url)
            let stem = String(truth.file.prefix { $0 != "." })
            for (suffix, version) in [(".v1.nii", NIfTIHeader.Version.nifti1), (".v1.nii.gz", .nifti1),
                                      (".v2.nii.gz", .nifti2)] {
                let url = folder.appendingPathComponent(stem + suffix)
                try NIfTIWriter(version: version, chunkBytes: 1 << 16).write(volume, to: url)
                let (back, _) = try NIfTIReader().read(url: url)
                #expect(doubles(back) == doubles(volume), "\(url.lastPathComponent)")
                expectSameGeometry(back.geometry, volume.geometry, url.lastPathComponent)
                written += 1
            }
        }
        // 128x128x64 int16 in 1 MiB members: 17 members, inflated in parallel by our reader.
        let phantom = Phantom.volume(.int16, size: [128, 128, 64], mirrored: true)
        let url = folder.appendingPathComponent("phantom_multimember.nii.gz")
        try NIfTIWriter(chunkBytes: 1 << 20).write(phantom, to: url)
        let (back, _) = try NIfTIReader().read(url: url)
        #expect(doubles(back) == doubles(phantom))
        #expect(written == 3 * FixtureTruth.all().count)
    }
}
