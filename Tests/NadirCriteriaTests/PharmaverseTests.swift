import Foundation
import NadirCriteria
import NadirModel
import Testing

/// Validation against public data nobody on this project wrote (Fixtures/pharmaverse/README.md):
/// the pharmaversesdtm RECIST 1.1 example trial and the admiralonco best-overall-response test cases.
@Suite struct PharmaverseTests {
    /// Builds one history per subject from a `lesions.csv` in Nadir's import shape.
    static func histories(_ file: String) throws -> [String: PatientHistory] {
        let table = try CSVTable(contentsOf: TestPaths.pharmaverse.appendingPathComponent(file))
        var rowsBySubject: [String: [[String: String]]] = [:]
        for row in table.rows { rowsBySubject[row["subject", default: ""], default: []].append(row) }
        var result: [String: PatientHistory] = [:]
        for (subjectText, rows) in rowsBySubject {
            let subject = SubjectID(subjectText)
            var timepoints: [String: TimePoint] = [:]
            var lesions: [LesionID: Lesion] = [:]
            var measurements: [NadirModel.Measurement] = []
            var statuses: [LesionStatus] = []
            for row in rows {
                let visit = row["visit", default: ""]
                let date = try #require(CalendarDate(iso8601: row["date", default: ""]), "date in \(row)")
                timepoints[visit] = TimePoint(subjectID: subject, visit: visit, date: date, isBaseline: visit == "SCREENING")
                let id = LesionID(row["lesion", default: ""])
                let role = try #require(LesionRole(rawValue: row["role", default: ""]), "role in \(row)")
                let nodal = row["nodal"] == "yes"
                lesions[id] = Lesion(subjectID: subject, id: id, trackingUID: "\(subjectText)/\(id)", role: role,
                                     organ: row["organ", default: ""], isNodal: nodal)
                let state = row["state", default: ""]
                if role == .target {
                    let measurementState: MeasurementState = switch state {
                    case "absent": .absent
                    case "not-evaluable": .notEvaluable
                    case "too-small": .tooSmallToMeasure
                    default: .measured
                    }
                    let long = row["long_axis_mm"].flatMap { Length(parsing: $0) }
                    let short = row["short_axis_mm"].flatMap { Length(parsing: $0) }
                    measurements.append(NadirModel.Measurement(subjectID: subject, lesionID: id, visit: visit, state: measurementState,
                                                    longAxis: long, shortAxis: short, reader: "CSV"))
                } else {
                    let status = try #require(LesionStatusValue(rawValue: state), "status in \(row)")
                    statuses.append(LesionStatus(subjectID: subject, lesionID: id, visit: visit, status: status, reader: "CSV"))
                }
            }
            result[subjectText] = PatientHistory(patient: Patient(subjectID: subject, trialID: "CDISCPILOT01"),
                                                 timepoints: Array(timepoints.values), lesions: Array(lesions.values),
                                                 measurements: measurements, statuses: statuses)
        }
        return result
    }

    /// Every expected overall response of one reader; returns the disagreements as "subject visit: ours vs RS".
    static func disagreements(lesions: String, expected: String) throws -> [String] {
        let definition = try TestPaths.catalog.get().definition(id: .recist11)
        let evaluator = ResponseEvaluator(definition: definition)
        let histories = try histories(lesions)
        let table = try CSVTable(contentsOf: TestPaths.pharmaverse.appendingPathComponent(expected))
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
        let table = try CSVTable(contentsOf: TestPaths.pharmaverse.appendingPathComponent("expected.csv"))
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
