import Foundation
import NadirModel
import Testing
@testable import NadirStore

@Suite struct CaseWriterTests {
    func expectStoreError(_ code: StoreError.Code, _ body: (CaseWriter) throws -> Void) throws {
        let db = try StoreFixture.makeDatabase()
        let auditBefore = try db.read { try $0.auditEntries().count }
        #expect {
            try db.write(as: StoreFixture.context, body)
        } throws: { error in
            (error as? StoreError)?.code == code
        }
        #expect(try db.read { try $0.auditEntries().count } == auditBefore)
    }

    @Test func unknownPatientIsRefused() throws {
        try expectStoreError(.unknownPatient) { try $0.record(Measurement(
            subjectID: "S99", lesionID: "T01", visit: "BASELINE", state: .measured,
            longAxis: StoreFixture.length("10"), reader: "R1")) }
        try expectStoreError(.unknownPatient) {
            try $0.addTimePoint(TimePoint(subjectID: "S99", visit: "BASELINE", date: StoreFixture.date("2026-01-01")))
        }
    }

    @Test func duplicateLesionIDIsRefused() throws {
        try expectStoreError(.duplicateLesion) {
            try $0.addLesion(Lesion(subjectID: "S01", id: "T01", trackingUID: GeneratedUID.make(), role: .target,
                                    organ: "LUNG", isNodal: false))
        }
    }

    @Test func dateBeforeBaselineIsRefused() throws {
        try expectStoreError(.dateBeforeBaseline) {
            try $0.addTimePoint(TimePoint(subjectID: "S01", visit: "SCREENING", date: StoreFixture.date("2025-12-31")))
        }
    }

    @Test func secondBaselineIsRefused() throws {
        try expectStoreError(.duplicateBaseline) {
            try $0.addTimePoint(TimePoint(subjectID: "S01", visit: "RE-BASELINE", date: StoreFixture.date("2026-03-01"),
                                          isBaseline: true))
        }
    }

    @Test func nodalTargetWithoutShortAxisIsRefused() throws {
        try expectStoreError(.invalidRecord) { try $0.record(StoreFixture.measurement("T02", "BASELINE", long: "25.0")) }
    }

    @Test func nonTargetWithDiametersIsRefused() throws {
        try expectStoreError(.invalidRecord) { try $0.record(StoreFixture.measurement("NT01", "BASELINE", long: "12.0")) }
    }

    @Test func tooSmallWithAValueIsRefused() throws {
        try expectStoreError(.invalidRecord) {
            try $0.record(StoreFixture.measurement("T01", "WEEK 6", long: "3.0", state: .tooSmallToMeasure))
        }
    }

    @Test func unknownTrialParentAndVisitAreRefused() throws {
        try expectStoreError(.unknownTrial) { try $0.addPatient(Patient(subjectID: "S02", trialID: "NOPE")) }
        try expectStoreError(.unknownLesion) {
            try $0.addLesion(Lesion(subjectID: "S01", id: "T09.1", trackingUID: GeneratedUID.make(), role: .target,
                                    organ: "LIVER", isNodal: false, parents: ["T09"], relation: .split))
        }
        try expectStoreError(.unknownTimePoint) { try $0.record(StoreFixture.measurement("T01", "WEEK 99", long: "10")) }
    }

    @Test func firstTimepointBecomesBaselineAndCaseReadsBack() throws {
        let db = try StoreFixture.makeDatabase()
        try db.write(as: StoreFixture.context) { w in
            try w.record(StoreFixture.measurement("T01", "BASELINE", long: "14.0"))
            try w.record(StoreFixture.measurement("T02", "BASELINE", long: "22.0", short: "16.0"))
            try w.record(LesionStatus(subjectID: "S01", lesionID: "NT01", visit: "BASELINE", status: .present, reader: "R1"))
            try w.addLesion(Lesion(subjectID: "S01", id: "T01.1", trackingUID: GeneratedUID.make(), role: .target,
                                   organ: "LIVER", isNodal: false, parents: ["T01"], relation: .split))
        }
        let patientCase = try db.read { try $0.patientCase("S01") }
        #expect(patientCase.baseline?.visit == "BASELINE")
        #expect(patientCase.timepoints.map(\.visit) == ["BASELINE", "WEEK 6"])
        #expect(patientCase.lesions.map(\.id) == ["NT01", "T01", "T01.1", "T02"])
        #expect(patientCase.lesions.first { $0.id == "T01.1" }?.parents == ["T01"])
        #expect(patientCase.measurements.count == 2)
        #expect(patientCase.measurements.first { $0.lesionID == "T02" }?.perpendicularProduct?.formatted == "352.0")
        #expect(patientCase.statuses.map(\.status) == [.present])
        #expect(patientCase.readers == ["R1"])
    }
}
