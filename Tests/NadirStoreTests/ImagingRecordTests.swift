import Foundation
import NadirModel
import Testing
@testable import NadirStore

@Suite struct ImagingRecordTests {
    static func scan(hash: String = "abc", path: String = "/data/S01/BASELINE") -> ScanReference {
        ScanReference(subjectID: "S01", visit: "BASELINE", format: .dicom, sourcePath: path, sourceHash: "src-\(hash)",
                      contentHash: hash, storedPath: "\(hash).nii.gz", voxelType: "int16",
                      geometry: GeometryDescription(size: [512, 512, 300], origin: [-250, -250, -400],
                                                    spacing: [0.9765625, 0.9765625, 1.25], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1]),
                      modality: "CT", studyUID: "1.2.3", seriesUID: "1.2.3.4", sliceThickness: Length(units: 125),
                      diagnostics: ["uneven spacing between slices 10 and 11"])
    }

    @Test func scanRoundTripsAndFillsTheTimepoint() throws {
        let db = try StoreFixture.makeDatabase()
        _ = try db.write(as: StoreFixture.context) { try $0.record(Self.scan()) }
        let stored = try db.read { try $0.scan("S01", visit: "BASELINE") }
        #expect(stored == Self.scan())
        let baseline = try db.read { try $0.timepoints("S01") }.first
        #expect(baseline?.modality == "CT")
        #expect(baseline?.seriesUID == "1.2.3.4")
        #expect(baseline?.sliceThickness == Length(units: 125))
    }

    @Test func replacingAScanNeedsAReason() throws {
        let db = try StoreFixture.makeDatabase()
        _ = try db.write(as: StoreFixture.context) { try $0.record(Self.scan()) }
        #expect(try db.write(as: StoreFixture.context) { try $0.record(Self.scan()) } == .unchanged)
        #expect { try db.write(as: StoreFixture.context) { try $0.record(Self.scan(hash: "def")) } }
            throws: { ($0 as? StoreError)?.code == .correctionNeedsReason }
        #expect(try db.write(as: StoreFixture.context) { try $0.record(Self.scan(hash: "def"), isCorrection: true) } == .corrected)
        let trail = try db.read { try $0.auditEntries(subject: "S01", visit: "BASELINE") }.filter { $0.entity == "scan" }
        #expect(trail.last?.oldValue?["content_hash"] == .text("abc"))
        #expect(trail.last?.newValue?["content_hash"] == .text("def"))
    }

    @Test func registrationIsStoredAndReplacedWithAudit() throws {
        let db = try StoreFixture.makeDatabase()
        var summary = RegistrationSummary(subjectID: "S01", visit: "WEEK 6", referenceVisit: "BASELINE",
                                          transformJSON: "{\"translation\":[1,2,3]}", metric: "mattes-mutual-information",
                                          finalMetric: -0.61, iterations: 42, stopReason: "converged")
        _ = try db.write(as: StoreFixture.context) { try $0.record(summary) }
        #expect(try db.read { try $0.registration("S01", visit: "WEEK 6") } == summary)
        summary.iterations = 50
        #expect(try db.write(as: StoreFixture.context) { try $0.record(summary) } == .corrected)
        let trail = try db.read { try $0.auditEntries(subject: "S01", visit: "WEEK 6") }.filter { $0.entity == "registration" }
        #expect(trail.map(\.action) == ["insert", "update"])
        #expect(trail.last?.oldValue?["reference_visit"] == .text("BASELINE"))
    }

    @Test func proposedSegmentationsAreConfirmedWithoutReasonButConfirmedOnesNeedOne() throws {
        let db = try StoreFixture.makeDatabase()
        var segmentation = LesionSegmentation(subjectID: "S01", lesionID: "T01", visit: "WEEK 6", method: .seed,
                                              seed: [10.5, -20.25, 30], preset: "liver", status: .proposed)
        _ = try db.write(as: StoreFixture.context) { try $0.record(segmentation) }
        segmentation.status = .confirmed
        #expect(try db.write(as: StoreFixture.context) { try $0.record(segmentation) } == .corrected)
        segmentation.seed = [11, -20.25, 30]
        #expect { try db.write(as: StoreFixture.context) { try $0.record(segmentation) } }
            throws: { ($0 as? StoreError)?.code == .correctionNeedsReason }
        let stored = try db.read { try $0.segmentations("S01") }
        #expect(stored.first?.seed == [10.5, -20.25, 30])
        #expect(stored.first?.status == .confirmed)
    }
}

@Suite struct ReviewTests {
    @Test func proposedMeasurementsAreReplacedFreelyAndConfirmedWithAudit() throws {
        let db = try StoreFixture.makeDatabase()
        var proposal = StoreFixture.measurement("T01", "WEEK 6", long: "12.0")
        proposal.isProposed = true
        _ = try db.write(as: StoreFixture.context) { try $0.record(proposal) }
        // A person's value replaces the proposal without a reason.
        var typed = StoreFixture.measurement("T01", "WEEK 6", long: "12.5")
        typed.isProposed = true
        #expect(try db.write(as: StoreFixture.context) { try $0.record(typed) } == .corrected)
        let confirmed = try db.write(as: AuditContext(user: "reader", reason: "measure confirm")) {
            try $0.confirmProposals(subject: "S01", visit: "WEEK 6")
        }
        #expect(confirmed == ["T01"])
        let stored = try db.read { try $0.measurements("S01") }
        #expect(stored.first?.isProposed == false)
        let trail = try db.read { try $0.auditEntries(subject: "S01", lesion: "T01", visit: "WEEK 6") }
        #expect(trail.last?.oldValue?["review"] == .text("proposed"))
        #expect(trail.last?.newValue?["review"] == .text("confirmed"))
        // Once confirmed, a different value needs a reason again.
        #expect { try db.write(as: StoreFixture.context) { try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "13.0")) } }
            throws: { ($0 as? StoreError)?.code == .correctionNeedsReason }
    }

    @Test func onlyUnconfirmedCandidateNewLesionsCanBeRejected() throws {
        let db = try StoreFixture.makeDatabase()
        try db.write(as: StoreFixture.context) { w in
            try w.addLesion(Lesion(subjectID: "S01", id: "NEW01", trackingUID: GeneratedUID.make(), role: .new,
                                   organ: "LIVER", isNodal: false, firstVisit: "WEEK 6"))
            var m = StoreFixture.measurement("NEW01", "WEEK 6", long: "11.0")
            m.isProposed = true
            try w.record(m)
        }
        #expect(throws: StoreError.self) { try db.write(as: StoreFixture.context) { try $0.rejectCandidate(subject: "S01", lesion: "T01") } }
        try db.write(as: AuditContext(user: "reader", reason: "not a lesion: vessel")) { try $0.rejectCandidate(subject: "S01", lesion: "NEW01") }
        #expect(try db.read { try $0.lesions("S01") }.contains { $0.id == "NEW01" } == false)
        let trail = try db.read { try $0.auditEntries(subject: "S01", lesion: "NEW01") }
        #expect(trail.filter { $0.action == "delete" }.map(\.entity).sorted() == ["lesion", "measurement"])
        #expect(trail.allSatisfy { $0.action != "delete" || $0.reason == "not a lesion: vessel" })
    }
}

@Suite struct LesionOrganTests {
    @Test func namingAnOrganIsAuditedWithTheOldValue() throws {
        let db = try StoreFixture.makeDatabase()
        try db.write(as: AuditContext(user: "tech", reason: "new lesion is hepatic")) {
            try $0.setOrgan(subject: "S01", lesion: "T01", organ: "LIVER SEGMENT 7")
        }
        #expect(try db.read { try $0.lesions("S01") }.first { $0.id == "T01" }?.organ == "LIVER SEGMENT 7")
        let last = try #require(try db.read { try $0.auditEntries(subject: "S01", lesion: "T01") }.last)
        #expect(last.oldValue?["organ"] == .text("LIVER"))
        #expect(last.newValue?["organ"] == .text("LIVER SEGMENT 7"))
        #expect(last.reason == "new lesion is hepatic")
        #expect(throws: StoreError.self) { try db.write(as: StoreFixture.context) { try $0.setOrgan(subject: "S01", lesion: "T99", organ: "LUNG") } }
        #expect(throws: StoreError.self) { try db.write(as: StoreFixture.context) { try $0.setOrgan(subject: "S01", lesion: "T01", organ: "  ") } }
    }
}
