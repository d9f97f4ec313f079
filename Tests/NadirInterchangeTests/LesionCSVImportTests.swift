import Foundation
import NadirInterchange
import NadirModel
import NadirStore
import Testing

@Suite struct LesionCSVImportTests {
    @Test func importsEveryRowWithExactValues() throws {
        let db = try CaseDatabase.inMemory()
        let summary = try ImportFixture.importCSV(ImportFixture.csv(ImportFixture.goodRows), into: db)
        // Counted from the fixture rows above: 2 patients, 6 visits, 5 lesions, 10 measurements, 4 statuses.
        #expect(summary.trialsAdded == 1)
        #expect(summary.patientsAdded == 2)
        #expect(summary.timepointsAdded == 6)
        #expect(summary.lesionsAdded == 5)
        #expect(summary.measurementsAdded == 9)
        #expect(summary.statusesAdded == 4)
        let p1 = try db.read { try $0.patientCase("P1") }
        #expect(p1.baseline?.visit == "BASELINE")
        let week6 = p1.measurements.first { $0.lesionID == "T01" && $0.visit == "WEEK 6" }
        #expect(week6?.longAxis?.hundredthsOfMillimeter == 980)
        #expect(p1.measurements.first { $0.lesionID == "T01" && $0.visit == "WEEK 12" }?.state == .tooSmallToMeasure)
        #expect(p1.statuses.first { $0.lesionID == "NEW01" }?.status == .equivocal)
        #expect(p1.lesions.first { $0.id == "NEW01" }?.firstVisit == "WEEK 12")
        let p2 = try db.read { try $0.patientCase("P2") }
        #expect(p2.baseline?.visit == "SCREENING")
        #expect(p2.measurements.first?.volume?.units == 418_879)
        #expect(p2.measurements.first?.provenance.source == "import test.csv row 12")
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let db = try CaseDatabase.inMemory()
        _ = try ImportFixture.importCSV(ImportFixture.csv(ImportFixture.goodRows), into: db)
        let auditBefore = try db.read { try $0.auditEntries().count }
        let again = try ImportFixture.importCSV(ImportFixture.csv(ImportFixture.goodRows), into: db)
        #expect(again.unchanged == ImportFixture.goodRows.count)
        #expect(again.patientsAdded + again.lesionsAdded + again.measurementsAdded + again.statusesAdded == 0)
        #expect(try db.read { try $0.auditEntries().count } == auditBefore)
    }

    @Test func theAuditShowsEveryImportedRowWithUserAndTime() throws {
        let db = try CaseDatabase.inMemory()
        _ = try ImportFixture.importCSV(ImportFixture.csv(ImportFixture.goodRows), into: db)
        let entries = try db.read { try $0.auditEntries() }
        let rows = entries.filter { $0.entity == "measurement" || $0.entity == "lesion_status" }
        #expect(rows.count == ImportFixture.goodRows.count)
        #expect(entries.allSatisfy { $0.user == "importer" && $0.reason == "import test.csv" && !$0.at.isEmpty })
        let sources = Set(rows.compactMap { $0.newValue?["source"]?.description })
        #expect(sources == Set((2...14).map { "import test.csv row \($0)" }))
    }

    @Test func defaultTrialAndReaderApplyWhenColumnsAreAbsent() throws {
        let db = try CaseDatabase.inMemory()
        let header = "subject,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3"
        let data = ImportFixture.csv(["Q1,BL,2026-01-01,T01,target,LUNG,no,measured,12,,"], header: header)
        #expect(throws: ImportError.self) { try ImportFixture.importCSV(data, into: db) }
        _ = try ImportFixture.importCSV(data, into: db, trial: "FALLBACK")
        let q1 = try db.read { try $0.patientCase("Q1") }
        #expect(q1.trial.id == "FALLBACK")
        #expect(q1.measurements.first?.reader == "DEFAULT")
    }
}
