import Foundation
import NadirModel
@testable import NadirReport
import Testing

/// CSV exports read back by an independent RFC 4180 reader, and the report folder layout.
@Suite struct ExportAndWriterTests {
    static let trial = TrialReportData(trial: SamplePatients.trial,
                                       patients: [SamplePatients.responder(), SamplePatients.responder(subject: "SUBJ,2")])

    @Test func lesionCSVIsLongFormatWithExactValues() {
        let rows = TestCSVReader.records(CSVExporter.lesions(Self.trial))
        // Per patient: T01, T02, T03 x 4 visits + NT01 x 4 + NEW01 x 1 = 17 rows.
        #expect(rows.count == 34)
        let t02 = rows.first { $0["USUBJID"] == "SUBJ,2" && $0["LESION"] == "T02" && $0["VISIT"] == "WEEK 12" }
        #expect(t02?["SHORT_AXIS_MM"] == "9.5")
        #expect(t02?["NODAL"] == "Y")
        let t03 = rows.first { $0["LESION"] == "T03" && $0["VISIT"] == "WEEK 12" }
        #expect(t03?["STATE"] == "too-small")
        #expect(rows.first { $0["LESION"] == "NT01" }?["STATUS"] == "present")
    }

    @Test func timepointAndBestResponseCSV() {
        let tps = TestCSVReader.records(CSVExporter.timepoints(Self.trial))
        let week12 = tps.first { $0["USUBJID"] == "SUBJ-001" && $0["VISIT"] == "WEEK 12" }
        // (32.5 - 70) / 70 = -53.5714...; (32.5 - 49) / 49 = -33.6734...; day 2025-03-31 - 2025-01-08 = 82.
        #expect(week12?["CHANGE_FROM_BASELINE_PCT"] == "-53.57")
        #expect(week12?["CHANGE_FROM_NADIR_PCT"] == "-33.67")
        #expect(week12?["STUDY_DAY"] == "82")
        #expect(week12?["SUM"] == "32.5")
        let bor = TestCSVReader.records(CSVExporter.bestResponses(Self.trial))
        #expect(bor.map { $0["USUBJID"] ?? "" } == ["SUBJ-001", "SUBJ,2"])
        #expect(bor.first?["BOR"] == "PR")
        #expect(bor.first?["CONFIRMED"] == "Y")
        #expect(bor.first?["BEST_CHANGE_FROM_BASELINE_PCT"] == "-53.57")
        #expect(bor.first?["FIRST_PD_DATE"] == "2025-05-12")
    }

    @Test func writerLaysOutTheFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ReportWriter.write(trial: Self.trial, to: dir)
        for path in ["index.html", "patients/SUBJ-001/report.html", "patients/SUBJ-001/report.md",
                     "patients/SUBJ-001/trend.svg", "patients/SUBJ_2/report.html", "charts/waterfall.svg",
                     "charts/spider.svg", "charts/swimmer.svg", "exports/lesions.csv", "exports/timepoints.csv",
                     "exports/best-overall-response.csv", "exports/sdtm/tu.csv", "exports/sdtm/tr.csv",
                     "exports/sdtm/rs.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path), "missing \(path)")
        }
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"patients/SUBJ-001/report.html\""))
        #expect(index.contains("href=\"patients/SUBJ_2/report.html\""))
        for chart in ["waterfall", "spider", "swimmer"] {
            let svg = try String(contentsOf: dir.appendingPathComponent("charts/\(chart).svg"), encoding: .utf8)
            #expect(TestSVG.parse(svg) != nil, "\(chart).svg is not well-formed")
        }
    }

    @Test func writerRefusesSubjectsThatShareAFolder() {
        let clash = TrialReportData(trial: SamplePatients.trial, patients: [SamplePatients.responder(subject: "A/1"),
                                                                            SamplePatients.responder(subject: "A:1")])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ReportError.self) { try ReportWriter.write(trial: clash, to: dir) }
    }
}

/// The report input is plain Codable data: a JSON round trip keeps every value exactly.
@Suite struct ReportDataCodingTests {
    @Test func patientDataRoundTripsThroughJSONExactly() throws {
        let data = SamplePatients.responder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // key order is otherwise unspecified
        let json = try encoder.encode(data)
        let back = try JSONDecoder().decode(PatientReportData.self, from: json)
        #expect(back == data)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"kind\":\"sum-of-diameters\",\"unit\":\"mm\",\"value\":32.5"))
    }
}
