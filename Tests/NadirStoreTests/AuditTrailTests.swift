import Foundation
import GRDB
import NadirModel
import Testing
@testable import NadirStore

@Suite struct AuditTrailTests {
    @Test func everyInsertIsAuditedWithWhoWhenAndWhy() throws {
        let db = try StoreFixture.makeDatabase()
        let entries = try db.read { try $0.auditEntries(subject: "S01") }
        // patient, two timepoints, three lesions
        #expect(entries.count == 6)
        #expect(entries.allSatisfy { $0.user == "tester" && $0.reason == "test setup" && $0.action == "insert" })
        #expect(entries.allSatisfy { $0.at == "2026-09-21T14:13:20.000Z" })
        #expect(entries.map(\.entity) == ["patient", "timepoint", "timepoint", "lesion", "lesion", "lesion"])
    }

    @Test func aCorrectionKeepsTheOldValueInTheTrail() throws {
        let db = try StoreFixture.makeDatabase()
        _ = try db.write(as: StoreFixture.context) { try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "21.0")) }
        let correction = AuditContext(user: "alice", reason: "re-measured on the portal venous phase")
        let outcome = try db.write(as: correction) {
            try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "19.5"), isCorrection: true)
        }
        #expect(outcome == .corrected)
        let trail = try db.read { try $0.auditEntries(subject: "S01", lesion: "T01", visit: "WEEK 6") }
        #expect(trail.count == 2)
        let update = try #require(trail.last)
        #expect(update.action == "update")
        #expect(update.user == "alice")
        #expect(update.reason == "re-measured on the portal venous phase")
        #expect(update.oldValue?["long_axis_hmm"] == .integer(2100))
        #expect(update.newValue?["long_axis_hmm"] == .integer(1950))
        #expect(update.changedColumns == ["long_axis_hmm"])
        // The current value is the corrected one.
        let stored = try db.read { try $0.measurements("S01") }
        #expect(stored.first?.longAxis == StoreFixture.length("19.5"))
    }

    @Test func aDifferentValueWithoutAReasonIsRefused() throws {
        let db = try StoreFixture.makeDatabase()
        _ = try db.write(as: StoreFixture.context) { try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "21.0")) }
        #expect {
            try db.write(as: StoreFixture.context) { try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "22.0")) }
        } throws: { ($0 as? StoreError)?.code == .correctionNeedsReason }
        // Recording the same value again changes nothing and writes no audit row.
        let before = try db.read { try $0.auditEntries().count }
        let outcome = try db.write(as: StoreFixture.context) {
            try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "21.0"))
        }
        #expect(outcome == .unchanged)
        #expect(try db.read { try $0.auditEntries().count } == before)
    }

    @Test func aFailedActionLeavesNeitherDataNorAuditRows() throws {
        let db = try StoreFixture.makeDatabase()
        let before = try db.read { try $0.auditEntries().count }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write(as: StoreFixture.context) { w in
                try w.record(StoreFixture.measurement("T01", "WEEK 6", long: "21.0"))
                throw Boom()
            }
        }
        #expect(try db.read { try $0.measurements("S01") }.isEmpty)
        #expect(try db.read { try $0.auditEntries().count } == before)
    }

    @Test func writesThatBypassTheAuditContextAbort() throws {
        let db = try StoreFixture.makeDatabase()
        #expect(throws: (any Error).self) {
            try db.writer.write { try $0.execute(sql: "UPDATE lesion SET organ = 'SPLEEN' WHERE label = 'T01'") }
        }
        #expect(try db.read { try $0.lesions("S01") }.first { $0.id == "T01" }?.organ == "LIVER")
    }

    @Test func theAuditTableIsAppendOnly() throws {
        let db = try StoreFixture.makeDatabase()
        #expect(throws: (any Error).self) {
            try db.writer.write { try $0.execute(sql: "UPDATE audit SET user = 'mallory'") }
        }
        #expect(throws: (any Error).self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM audit") }
        }
        #expect(try db.read { try $0.auditEntries() }.allSatisfy { $0.user == "tester" })
    }

    @Test func anEmptyUserOrReasonIsRefused() throws {
        let db = try StoreFixture.makeDatabase()
        #expect(throws: StoreError.self) {
            try db.write(as: AuditContext(user: "", reason: "x")) { _ in }
        }
        #expect(throws: StoreError.self) {
            try db.write(as: AuditContext(user: "x", reason: "")) { _ in }
        }
    }
}

@Suite struct AssessmentStoreTests {
    func assessment(reader: String, overall: ResponseCategory, accepted: Bool = false) -> ReaderAssessment {
        ReaderAssessment(subjectID: "S01", visit: "WEEK 6", reader: reader, criteria: .recist11, criteriaVersion: "1",
                         policies: ["confirmation": "not-required"], target: overall, nonTarget: .nonCRNonPD,
                         newLesions: false, overall: overall, isAccepted: accepted)
    }

    @Test func reassessmentIsAuditedAndIdenticalResultsAreNotRewritten() throws {
        let db = try StoreFixture.makeDatabase()
        let first = try db.write(as: StoreFixture.context) { try $0.save(assessment(reader: "R1", overall: .stableDisease), detail: "{}") }
        #expect(first == .inserted)
        let same = try db.write(as: StoreFixture.context) { try $0.save(assessment(reader: "R1", overall: .stableDisease), detail: "{}") }
        #expect(same == .unchanged)
        let changed = try db.write(as: AuditContext(user: "tester", reason: "assess after correction")) {
            try $0.save(assessment(reader: "R1", overall: .partialResponse), detail: "{}")
        }
        #expect(changed == .corrected)
        let trail = try db.read { try $0.auditEntries(subject: "S01", visit: "WEEK 6") }.filter { $0.entity == "assessment" }
        #expect(trail.map(\.action) == ["insert", "update"])
        #expect(trail.last?.oldValue?["overall"] == .text("SD"))
        #expect(trail.last?.newValue?["overall"] == .text("PR"))
        let stored = try db.read { try $0.assessments("S01") }
        #expect(stored.map(\.overall) == [.partialResponse])
        #expect(stored.first?.policies == ["confirmation": "not-required"])
    }

    @Test func adjudicationAcceptsExactlyOneReader() throws {
        let db = try StoreFixture.makeDatabase()
        try db.write(as: StoreFixture.context) { w in
            try w.save(assessment(reader: "R1", overall: .stableDisease), detail: nil)
            try w.save(assessment(reader: "R2", overall: .partialResponse), detail: nil)
            try w.accept(reader: "R2", subject: "S01", visit: "WEEK 6", criteria: .recist11)
        }
        var stored = try db.read { try $0.assessments("S01") }
        #expect(stored.filter(\.isAccepted).map(\.reader) == ["R2"])
        try db.write(as: StoreFixture.context) { try $0.accept(reader: "R1", subject: "S01", visit: "WEEK 6", criteria: .recist11) }
        stored = try db.read { try $0.assessments("S01") }
        #expect(stored.filter(\.isAccepted).map(\.reader) == ["R1"])
        #expect(throws: StoreError.self) {
            try db.write(as: StoreFixture.context) { try $0.accept(reader: "R9", subject: "S01", visit: "WEEK 6", criteria: .recist11) }
        }
    }
}
