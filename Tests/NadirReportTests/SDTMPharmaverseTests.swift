import Foundation
import NadirModel
@testable import NadirReport
import Testing

/// TU, TR and RS checked row for row against the pharmaversesdtm RECIST 1.1 example domains (Fixtures/pharmaverse,
/// written by the pharmaverse authors, not by us): every column the source has, except --SEQ.
@Suite struct SDTMPharmaverseTests {
    static let subjects = ["01-701-1015", "01-701-1028", "01-701-1034"]

    /// The report input for one subject, built from the source's own measurements, states, readers and flags.
    static func input(_ subject: String) throws -> PatientReportData {
        let tu = TestCSVReader.records(try FixtureFiles.text("pharmaverse/tu.csv")).filter { $0["USUBJID"] == subject }
        let tr = TestCSVReader.records(try FixtureFiles.text("pharmaverse/tr.csv")).filter { $0["USUBJID"] == subject }
        let rs = TestCSVReader.records(try FixtureFiles.text("pharmaverse/rs.csv")).filter { $0["USUBJID"] == subject }
        let s = SubjectID(subject)
        let trial = Trial(id: "CDISCPILOT01", protocolName: "CDISC pilot")
        var timepoints: [String: TimePoint] = [:]
        for row in tr {
            let visit = row["VISIT"] ?? ""
            // A partial date ("2014-02") enters as the first of the month; the comparison then uses year-month.
            let dtc = row["TRDTC"] ?? ""
            let date = try #require(CalendarDate(iso8601: dtc.count == 7 ? dtc + "-01" : dtc))
            timepoints[visit] = TimePoint(subjectID: s, visit: visit, date: date, isBaseline: visit == "SCREENING",
                                          modality: "CT")
        }
        func readerID(_ eval: String?, _ evalID: String?) -> String {
            (evalID ?? "").isEmpty ? (eval ?? "") : (evalID ?? "")
        }
        var readers: [ReportReader] = []
        var lesions: [LesionRecord] = []
        var adjudications: [Adjudication] = []
        for row in tu {
            let id = readerID(row["TUEVAL"], row["TUEVALID"])
            if !readers.contains(where: { $0.id == id }) {
                let evalID = row["TUEVALID"] ?? ""
                readers.append(ReportReader(id: id, evaluator: row["TUEVAL"] ?? "", evaluatorID: evalID.isEmpty ? nil : evalID))
            }
            if row["TUACPTFL"] == "Y" { adjudications.append(Adjudication(visit: row["VISIT"] ?? "", acceptedReader: id)) }
            let link = LesionID(row["TULNKID"] ?? "")
            if !lesions.contains(where: { $0.lesion.id == link }) {
                let role: LesionRole = row["TUORRES"] == "TARGET" ? .target : .nonTarget
                lesions.append(LesionRecord(lesion: Lesion(subjectID: s, id: link, trackingUID: link.rawValue, role: role,
                                                           organ: row["TULOC"] ?? "", isNodal: row["TULOC"] == "LYMPH NODE")))
            }
        }
        // Measurements and states from TR (INVESTIGATOR), one record per lesion, visit and reader.
        for row in tr {
            let visit = row["VISIT"] ?? ""
            let reader = readerID(row["TREVAL"], row["TREVALID"])
            let index = try #require(lesions.firstIndex { $0.lesion.id.rawValue == row["TRLNKID"] })
            let code = row["TRTESTCD"] ?? ""
            if code == "TUMSTATE" {
                if lesions[index].statuses.contains(where: { $0.visit == visit && $0.reader == reader }) { continue }
                let status = try #require(LesionStatusValue.allCases.first { $0.cdiscTerm == row["TRORRES"] })
                lesions[index].statuses.append(LesionStatus(subjectID: s, lesionID: lesions[index].lesion.id,
                                                            visit: visit, status: status, reader: reader))
                continue
            }
            let value = try #require(Length(parsing: row["TRORRES"] ?? ""))
            var m = lesions[index].measurements.first { $0.visit == visit && $0.reader == reader }
                ?? NadirModel.Measurement(subjectID: s, lesionID: lesions[index].lesion.id, visit: visit, state: .measured,
                               reader: reader)
            if code == "LDIAM" { m.longAxis = value } else if code == "LPERP" { m.shortAxis = value }
            lesions[index].measurements.removeAll { $0.visit == visit && $0.reader == reader }
            lesions[index].measurements.append(m)
        }
        let assessments = try rs.map { row in
            ReaderAssessment(subjectID: s, visit: row["VISIT"] ?? "", reader: readerID(row["RSEVAL"], row["RSEVALID"]),
                             criteria: .recist11, criteriaVersion: "1", target: nil, nonTarget: nil, newLesions: nil,
                             overall: ResponseCategory(rawValue: try #require(row["RSORRES"])),
                             isAccepted: row["RSACPTFL"] == "Y")
        }
        return PatientReportData(patient: Patient(subjectID: s, trialID: trial.id), trial: trial,
                                 criteria: .recist11(), timepoints: Array(timepoints.values), lesions: lesions,
                                 reads: [], readers: readers, readerAssessments: assessments,
                                 adjudications: adjudications)
    }

    /// Rows projected onto the source's columns (minus --SEQ), as a set (the source repeats some TUMSTATE rows).
    /// Dates of visits the source dates only to the month are compared on year-month.
    static func projected(_ records: [[String: String]], columns: [String], partialVisits: Set<String> = [])
        -> Set<[String]>
    {
        Set(records.map { r in
            columns.map { column in
                let value = r[column] ?? "<missing \(column)>"
                return column.hasSuffix("DTC") && partialVisits.contains(r["VISIT"] ?? "") ? String(value.prefix(7)) : value
            }
        })
    }

    static func compare(domain: String, export: (TrialReportData) -> String, seq: String, keep: ([String: String]) -> Bool)
        throws
    {
        let source = try FixtureFiles.text("pharmaverse/\(domain).csv")
        let header = try #require(TestCSVReader.parse(source).first)
        let columns = header.filter { $0 != seq }
        for subject in subjects {
            let data = try input(subject)
            let ours = TestCSVReader.records(export(TrialReportData(trial: data.trial, patients: [data])))
            let expected = TestCSVReader.records(source).filter { $0["USUBJID"] == subject && keep($0) }
            #expect(!expected.isEmpty)
            let partial = Set(expected.filter { r in r.contains { $0.key.hasSuffix("DTC") && $0.value.count == 7 } }
                .compactMap { $0["VISIT"] })
            let got = projected(ours.filter(keep), columns: columns, partialVisits: partial)
            let want = projected(expected, columns: columns, partialVisits: partial)
            #expect(got == want, "\(domain) \(subject): missing \(want.subtracting(got)), extra \(got.subtracting(want))")
            // --SEQ numbers the subject's rows 1...n.
            #expect(ours.map { $0[seq] ?? "" } == (1...max(ours.count, 1)).prefix(ours.count).map(String.init))
        }
    }

    @Test func trMatchesPharmaverseRowForRow() throws {
        try Self.compare(domain: "tr", export: SDTMExporter.tr, seq: "TRSEQ") { $0["TRTESTCD"] != "SUMDIAM" }
    }

    @Test func rsMatchesPharmaverseRowForRowWithReadersAndAcceptedFlag() throws {
        try Self.compare(domain: "rs", export: SDTMExporter.rs, seq: "RSSEQ") { _ in true }
    }

    @Test func tuMatchesPharmaverseForTheInvestigator() throws {
        // The fixture's TR holds only the investigator's measurements, so only the investigator's TU rows can be
        // rebuilt from it; the accepted flag of the independent readers is checked in the next test.
        try Self.compare(domain: "tu", export: SDTMExporter.tu, seq: "TUSEQ") { $0["TUEVAL"] == "INVESTIGATOR" }
    }

    @Test func tuCarriesEveryReaderWithTheAcceptedFlag() throws {
        let source = TestCSVReader.records(try FixtureFiles.text("pharmaverse/tu.csv"))
        for subject in Self.subjects {
            var data = try Self.input(subject)
            // Give each independent reader a screening record for each lesion, as the source's TU says they identified.
            for row in source where row["USUBJID"] == subject && row["TUEVAL"] != "INVESTIGATOR" {
                let i = try #require(data.lesions.firstIndex { $0.lesion.id.rawValue == row["TULNKID"] })
                data.lesions[i].statuses.append(LesionStatus(subjectID: data.patient.subjectID, lesionID: data.lesions[i].lesion.id,
                                                             visit: "SCREENING", status: .present,
                                                             reader: row["TUEVALID"] ?? ""))
            }
            let ours = TestCSVReader.records(SDTMExporter.tu(TrialReportData(trial: data.trial, patients: [data])))
            let columns = ["USUBJID", "VISIT", "TULNKID", "TUEVAL", "TUEVALID", "TUACPTFL", "TUORRES", "TULOC"]
            #expect(Self.projected(ours, columns: columns)
                == Self.projected(source.filter { $0["USUBJID"] == subject }, columns: columns))
        }
    }
}
