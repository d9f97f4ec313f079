import Foundation
import NadirImageIO
import NadirImaging
import NadirModel
import NadirStore
import NadirTestSupport
import NadirWorkflow
import Testing

/// Tracking on a chest phantom pair whose motion and lesion changes are known: the truth comes from the phantom's
/// rigid motion and lesion list, not from our output.
@Suite struct TrackingWorkflowTests {
    static let context = AuditContext(user: "tech", reason: "tracking test")
    static let size: SIMD3<Int> = [168, 168, 96]
    static let spacing: SIMD3<Double> = [2.0, 2.0, 3.0]
    static let motion = RigidMotion(axis: [0, 0, 1], degrees: 4, translation: [8, -5, 6])

    static func shrunk(_ lesion: PhantomLesion, by factor: Double) -> PhantomLesion {
        var copy = lesion
        copy.radii *= factor
        return copy
    }

    @Test func followUpLesionsAreFoundAgainAndChangesProposed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-track-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // Given: a baseline with a liver metastasis, a juxtapleural nodule and a mediastinal node; a follow-up moved
        // by 4 degrees and (8, -5, 6) mm in which the metastasis shrank to 70 %, the node vanished, and a new lung
        // nodule appeared.
        let baselineLesions = [SyntheticCT.liverMetastasis, SyntheticCT.juxtapleuralNodule, SyntheticCT.mediastinalNode]
        let followLesions = [Self.shrunk(SyntheticCT.liverMetastasis, by: 0.7), SyntheticCT.juxtapleuralNodule, SyntheticCT.lungNodule]
        let baseline = SyntheticCT.chest(size: Self.size, spacing: Self.spacing, lesions: baselineLesions).render()
        let followUp = SyntheticCT.chest(size: Self.size, spacing: Self.spacing, motion: Self.motion, lesions: followLesions).render()
        let baseURL = directory.appendingPathComponent("baseline.nii.gz")
        let followURL = directory.appendingPathComponent("week8.nii.gz")
        try NIfTIWriter(version: .nifti2).write(.int16(baseline.ct), to: baseURL)
        try NIfTIWriter(version: .nifti2).write(.int16(followUp.ct), to: followURL)

        let databasePath = directory.appendingPathComponent("case.sqlite").path
        let database = try CaseDatabase.create(at: databasePath)
        let store = ImageStore(databasePath: databasePath)
        try database.write(as: Self.context) { w in
            try w.addTrial(Trial(id: "T", protocolName: "T"))
            try w.addPatient(Patient(subjectID: "S01", trialID: "T", cancerType: "nsclc"))
        }
        let scans = ScanImportWorkflow(database: database, store: store)
        try scans.importScan(subject: "S01", visit: "BASELINE", url: baseURL, date: CalendarDate(iso8601: "2026-01-05"),
                             modality: "CT", context: Self.context)
        try scans.importScan(subject: "S01", visit: "WEEK 8", url: followURL, date: CalendarDate(iso8601: "2026-03-02"),
                             modality: "CT", context: Self.context)
        let lesions = LesionWorkflow(database: database, store: store)
        let placements: [(LesionID, String, Bool, PhantomLesion)] = [
            ("T01", "LIVER", false, SyntheticCT.liverMetastasis), ("T02", "LUNG", false, SyntheticCT.juxtapleuralNodule),
            ("T03", "LYMPH NODE", true, SyntheticCT.mediastinalNode),
        ]
        var baselineLong: [LesionID: Length] = [:]
        for (id, organ, nodal, truth) in placements {
            let (_, outcome) = try lesions.place(.init(id: id, role: .target, organ: organ, isNodal: nodal), subject: "S01",
                                                 visit: "BASELINE", at: .seed(truth.centre, preset: nil), reader: "R1",
                                                 context: Self.context)
            baselineLong[id] = outcome.measurement.longAxis
        }

        // When: the follow-up is tracked.
        let report = try TrackingWorkflow(database: database, store: store)
            .track(subject: "S01", visit: "WEEK 8", reader: "R1", context: Self.context)

        // Then: the registration recovers the known motion at the lesion centres (target registration error).
        let stored = try #require(try database.read { try $0.registration("S01", visit: "WEEK 8") })
        #expect(stored.referenceVisit == "BASELINE")
        let kinds = Dictionary(report.lesions.map { ($0.lesions.first ?? $0.proposedLesions.first ?? "?", $0.kind) },
                               uniquingKeysWith: { a, _ in a })
        #expect(kinds["T01"] == "matched")
        #expect(kinds["T02"] == "matched")
        #expect(kinds["T03"] == "not-found")
        let candidates = report.lesions.filter { $0.kind == "candidate-new" }
        let truthNew = SyntheticCT.lungNodule.centre(under: Self.motion)
        let segmentations = try database.read { try $0.segmentations("S01") }
        #expect(candidates.count == 1)
        let candidateSeed = segmentations.first { $0.lesionID == candidates.first?.proposedLesions.first }?.seed
        if let seed = candidateSeed {
            #expect(norm(SIMD3(seed[0], seed[1], seed[2]) - truthNew) < 8, "candidate at \(seed), truth \(truthNew)")
        }
        // The shrunk metastasis measures smaller; the unchanged nodule about the same; all proposals await review.
        let measurements = try database.read { try $0.measurements("S01") }.filter { $0.visit == "WEEK 8" }
        let t01 = try #require(measurements.first { $0.lesionID == "T01" })
        let t02 = try #require(measurements.first { $0.lesionID == "T02" })
        #expect(t01.isProposed && t02.isProposed)
        #expect(try #require(t01.longAxis) < (try #require(baselineLong["T01"])))
        let ratio = try #require(t01.longAxis).doubleValue / (try #require(baselineLong["T01"])).doubleValue
        #expect(abs(ratio - 0.7) < 0.12, "long-axis ratio \(ratio), designed 0.7")
        // The unchanged nodule keeps its volume (analytic 4/3 pi 8 x 9 x 8.5 = 2,564 mm3) within 15 %. Its long axis is
        // not compared: on this coarse 2 x 2 x 3 mm grid, part of the juxtapleural cap changes slices under rotation.
        let noduleVolume = try #require(t02.volume).doubleValue
        #expect(abs(noduleVolume - SyntheticCT.juxtapleuralNodule.analyticVolume) / SyntheticCT.juxtapleuralNodule.analyticVolume < 0.15)
        #expect(measurements.first { $0.lesionID == "T03" }?.state == .absent)

        // Proposed values are not assessed until confirmed.
        let confirmed = try database.write(as: Self.context) { try $0.confirmProposals(subject: "S01", visit: "WEEK 8") }
        #expect(confirmed.contains("T01") && confirmed.contains("T03"))
    }
}
