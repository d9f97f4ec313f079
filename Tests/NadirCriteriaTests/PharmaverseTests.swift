import Foundation
import NadirCriteria
import NadirInterchange
import NadirModel
import Testing

/// Validation against public data nobody on this project wrote (Fixtures/pharmaverse/README.md):
/// the pharmaversesdtm RECIST 1.1 example trial and the admiralonco best-overall-response test cases.
@Suite struct PharmaverseTests {
    /// One history per subject, read through the importer's own parse and plan (`nadir import csv` without the
    /// database): the file is used unedited, as a user would import it.
    static func histories(_ file: String) throws -> [String: PatientHistory] {
        let url = TestPaths.pharmaverse.appendingPathComponent(file)
        let rows = try LesionCSVParser(fileName: file).parse(try Data(contentsOf: url))
        let plan = try LesionImporter(fileName: file, defaultTrial: "CDISCPILOT01", defaultReader: "INVESTIGATOR").plan(rows)
        var result: [String: PatientHistory] = [:]
        for patientCase in plan.patientCases() {
            let readers = patientCase.readers
            try #require(readers.count == 1, "\(file): one reader per file, found \(readers)")
            result[patientCase.patient.subjectID.rawValue] = PatientHistory(patientCase: patientCase, reader: readers[0])
        }
        return result
    }

    /// Every expected overall response of one reader; returns the disagreements as "subject visit: ours vs RS".
    static func disagreements(lesions: String, expected: String) throws -> [String] {
        let definition = try TestPaths.catalog.get().definition(id: .recist11)
        let evaluator = ResponseEvaluator(definition: definition)
        let histories = try histories(lesions)
        let table = try CSVDocument(contentsOf: TestPaths.pharmaverse.appendingPathComponent(expected))
        var mismatches: [String] = []
        for row in table.rows {
            let subject = row["subject", default: ""]
            let history = try #require(histories[subject], "no lesions for \(subject)")
            let assessment = evaluator.assess(history)
            let visit = row["visit", default: ""]
            let ours = assessment.timepoints.first { $0.visit == visit }?.overall.rawValue ?? "absent"
            if ours != row["overall"] { mismatches.append("\(subject) \(visit): ours \(ours) vs RS \(row["overall", default: ""])") }
        }
        return mismatches
    }

    @Test func investigatorOverallResponsesAllMatch() throws {
        let table = try CSVDocument(contentsOf: TestPaths.pharmaverse.appendingPathComponent("expected.csv"))
        #expect(table.rows.count == 22)
        #expect(try Self.disagreements(lesions: "lesions.csv", expected: "expected.csv") == [])
    }

    @Test func radiologistOneMatches() throws {
        #expect(try Self.disagreements(lesions: "other_readers/radiologist1_lesions.csv",
                                       expected: "other_readers/radiologist1_expected.csv") == [])
    }

    /// RS says PR for RADIOLOGIST 2, 01-701-1133 WEEK 9 (nadir 0 mm, +4.95 mm); a lesion re-appearing after a
    /// definitive CR is PD by the RECIST Working Group's answer, so RS is wrong there and only there.
    @Test func radiologistTwoMatchesExceptTheDocumentedRSError() throws {
        #expect(try Self.disagreements(lesions: "other_readers/radiologist2_lesions.csv",
                                       expected: "other_readers/radiologist2_expected.csv")
                == ["01-701-1133 WEEK 9: ours PD vs RS PR"])
    }

    @Test func acceptedMixMatches() throws {
        let mismatches = try Self.disagreements(lesions: "other_readers/accepted_mixed_lesions.csv",
                                                expected: "other_readers/accepted_mixed_expected.csv")
        #expect(mismatches == [])
    }
}
