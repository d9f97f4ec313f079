import Foundation
import NadirImageIO
import NadirImaging
import NadirModel
import NadirStore
import NadirWorkflow
import Testing

/// Scan import on fixtures written by other tools (pydicom/dcmtk for DICOM, nibabel/SimpleITK for NIfTI).
@Suite struct ScanImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dicomFixtures = root.appendingPathComponent("Tests/NadirDICOMTests/Fixtures")
    static let niftiFixtures = root.appendingPathComponent("Tests/NadirImageIOTests/Fixtures")
    static let context = AuditContext(user: "tech", reason: "scan import test")

    struct Sandbox {
        let directory: URL
        let databasePath: String
        let database: CaseDatabase
        var workflow: ScanImportWorkflow { ScanImportWorkflow(database: database, store: ImageStore(databasePath: databasePath)) }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-scan-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            databasePath = directory.appendingPathComponent("case.sqlite").path
            database = try CaseDatabase.create(at: databasePath)
            try database.write(as: ScanImportTests.context) { w in
                try w.addTrial(Trial(id: "T", protocolName: "T"))
                try w.addPatient(Patient(subjectID: "S01", trialID: "T"))
            }
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func dicomImportKeepsAVerifiedCopyWithTheSameVoxels() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let source = Self.dicomFixtures.appendingPathComponent("ct-explicit-le")
        let (scan, outcome) = try box.workflow.importScan(subject: "S01", visit: "BASELINE", url: source,
                                                          date: CalendarDate(iso8601: "2026-01-05"), context: Self.context)
        #expect(outcome == .inserted)
        #expect(scan.modality == "CT")
        #expect(scan.geometry.size == [20, 24, 5])
        // The copy in the image store holds exactly the voxels read from the source.
        let stored = try ImageStore(databasePath: box.databasePath).load(scan)
        let direct = try ScanReader.read(source, series: nil).volume
        #expect(stored.contentHash == direct.contentHash)
        #expect(stored.float32().voxels == direct.float32().voxels)
        let timepoint = try box.database.read { try $0.timepoints("S01") }.first
        #expect(timepoint?.isBaseline == true)
        #expect(timepoint?.seriesUID == scan.seriesUID)
    }

    @Test func losslessRecodingHasTheSameContentButIsADifferentSource() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let date = CalendarDate(iso8601: "2026-01-05")
        let (first, _) = try box.workflow.importScan(subject: "S01", visit: "BASELINE",
            url: Self.dicomFixtures.appendingPathComponent("ct-explicit-le"), date: date, context: Self.context)
        let (_, again) = try box.workflow.importScan(subject: "S01", visit: "BASELINE",
            url: Self.dicomFixtures.appendingPathComponent("ct-explicit-le"), context: Self.context)
        #expect(again == .unchanged)
        #expect(throws: StoreError.self) {
            try box.workflow.importScan(subject: "S01", visit: "BASELINE",
                                        url: Self.dicomFixtures.appendingPathComponent("ct-jpeg-sv1"), context: Self.context)
        }
        let (second, corrected) = try box.workflow.importScan(
            subject: "S01", visit: "BASELINE", url: Self.dicomFixtures.appendingPathComponent("ct-jpeg-sv1"),
            context: AuditContext(user: "tech", reason: "use the archive copy"), isCorrection: true)
        #expect(corrected == .corrected)
        // JPEG Lossless decodes to the very same voxels: same content hash, different source hash.
        #expect(second.contentHash == first.contentHash)
        #expect(second.sourceHash != first.sourceHash)
    }

    @Test func identifiersInTheDICOMHeadersNeverReachTheDatabase() throws {
        let box = try Sandbox()
        defer { box.remove() }
        // These files carry an invented patient name, MRN, birth date and hospital (see the fixtures' README).
        _ = try box.workflow.importScan(subject: "S01", visit: "BASELINE",
                                        url: Self.dicomFixtures.appendingPathComponent("ct-jpeg-sv3"),
                                        date: CalendarDate(iso8601: "2026-01-05"), context: Self.context)
        try box.database.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: box.databasePath))
        for identifier in ["DOE^JANE", "DOE", "MRN12345678", "19610704", "Saint Nobody Hospital", "ct-jpeg-sv3"] {
            #expect(bytes.range(of: Data(identifier.utf8)) == nil, "\(identifier) reached the database")
        }
    }

    @Test func niftiImportAndAChangedStoreFileIsDetected() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let (scan, _) = try box.workflow.importScan(subject: "S01", visit: "BASELINE",
            url: Self.niftiFixtures.appendingPathComponent("n1_float32.nii"), date: CalendarDate(iso8601: "2026-01-05"),
            modality: "MR", context: Self.context)
        #expect(scan.format == .nifti)
        #expect(scan.modality == "MR")
        let store = ImageStore(databasePath: box.databasePath)
        _ = try store.load(scan)
        // Replace the stored file with other content: loading refuses it.
        let other = try ScanReader.read(Self.niftiFixtures.appendingPathComponent("n1_bigendian.nii"), series: nil).volume
        try NIfTIWriter().write(other, to: store.root.appendingPathComponent(scan.storedPath))
        #expect { try store.load(scan) } throws: { ($0 as? WorkflowError)?.code == .changedSource }
    }

    @Test func aMissingVisitWithoutADateIsAClearError() throws {
        let box = try Sandbox()
        defer { box.remove() }
        #expect { try box.workflow.importScan(subject: "S01", visit: "WEEK 6",
                                              url: Self.dicomFixtures.appendingPathComponent("ct-explicit-le"), context: Self.context)
        } throws: { ($0 as? WorkflowError)?.code == .missingScan }
        #expect(try box.database.read { try $0.timepoints("S01") }.isEmpty)
    }
}

/// Lesions placed from a DICOM SEG written by highdicom: the voxel counts come from the arrays the fixture
/// script gave highdicom (`expected.json`, seg.binary: 240 and 80 voxels).
@Suite struct SegmentationPlacementTests {
    @Test func segSegmentsArePlacedOnTheirSeriesAndCounted() throws {
        let box = try ScanImportTests.Sandbox()
        defer { box.remove() }
        let series = ScanImportTests.dicomFixtures.appendingPathComponent("ct-explicit-le")
        let seg = ScanImportTests.dicomFixtures.appendingPathComponent("seg/seg-binary.dcm")
        _ = try box.workflow.importScan(subject: "S01", visit: "BASELINE", url: series,
                                        date: CalendarDate(iso8601: "2026-01-05"), context: ScanImportTests.context)
        let lesions = LesionWorkflow(database: box.database, store: ImageStore(databasePath: box.databasePath))
        for (segment, voxels) in [(1, 240), (2, 80)] {
            let (lesion, outcome) = try lesions.place(
                .init(id: nil, role: .target, organ: "LIVER", isNodal: false), subject: "S01", visit: "BASELINE",
                at: .dicomSegmentation(seg, segment: segment, referenceSeries: series), reader: "R1",
                context: ScanImportTests.context)
            #expect(outcome.voxelCount == voxels)
            #expect(outcome.measurement.method == .mask)
            #expect(lesion.id == LesionID(String(format: "T%02d", segment)))
        }
        #expect { try lesions.place(.init(id: "T09", role: .target, organ: "LIVER", isNodal: false), subject: "S01",
                                    visit: "BASELINE", at: .dicomSegmentation(seg, segment: 3, referenceSeries: series),
                                    reader: "R1", context: ScanImportTests.context)
        } throws: { "\($0)".contains("no segment 3") }
        #expect(try box.database.read { try $0.lesions("S01") }.map(\.id) == ["T01", "T02"])
    }
}
