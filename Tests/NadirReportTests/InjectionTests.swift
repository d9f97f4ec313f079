import Foundation
import NadirModel
@testable import NadirReport
import Testing

/// OWASP "CSV Injection" and HTML in Markdown: every CSV and SDTM file the report folder holds neutralises a
/// formula-looking organ name and keeps negative numbers as numbers; `report.md` shows HTML as text.
@Suite struct InjectionTests {
    static let formula = "=HYPERLINK(\"http://evil.example\",\"click\")"
    static let markup = "<img src=x onerror=alert(1)>"

    /// A cell a spreadsheet would evaluate: it starts with `=`, `+`, `-`, `@`, tab or CR and is not a plain
    /// decimal number (the tests' own check, independent of `CSVText`).
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return false }
        return cell.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) == nil
    }

    static func writeFolder(organ: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-inject-\(UUID().uuidString)")
        let trial = TrialReportData(trial: SamplePatients.trial,
                                    patients: [SamplePatients.responder(organ: organ)])
        try ReportWriter.write(trial: trial, to: dir)
        return dir
    }

    @Test func formulaOrganIsNeutralisedInEveryCSVAndNegativeNumbersAreNot() throws {
        let dir = try Self.writeFolder(organ: Self.formula)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files == ["exports/best-overall-response.csv", "exports/lesions.csv", "exports/sdtm/rs.csv",
                          "exports/sdtm/tr.csv", "exports/sdtm/tu.csv", "exports/timepoints.csv"])
        var organCells = 0
        var negativeNumbers = 0
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for row in TestCSVReader.parse(text) {
                for cell in row {
                    #expect(!Self.isFormula(cell), "\(file): formula cell \(cell)")
                    if cell == "'" + Self.formula { organCells += 1 }
                    #expect(cell != Self.formula, "\(file): organ written as a formula")
                    if cell.hasPrefix("-"), Double(cell) != nil { negativeNumbers += 1 }
                }
            }
        }
        // The organ is named in lesions.csv (T01: 4 visits) and TU (T01 identified once).
        #expect(organCells == 5)
        // Negative changes stay numbers: timepoints.csv -30.00, -53.57 (baseline), -33.67 (nadir) ...
        let timepoints = TestCSVReader.records(
            try String(contentsOf: dir.appendingPathComponent("exports/timepoints.csv"), encoding: .utf8))
        #expect(timepoints.first { $0["VISIT"] == "WEEK 12" }?["CHANGE_FROM_BASELINE_PCT"] == "-53.57")
        #expect(negativeNumbers >= 4)
    }

    @Test func reportMarkdownShowsHTMLAsText() throws {
        let dir = try Self.writeFolder(organ: Self.markup)
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = try String(contentsOf: dir.appendingPathComponent("patients/SUBJ-001/report.md"), encoding: .utf8)
        #expect(!md.contains("<img"))
        #expect(md.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let hostile = PatientTable.markdownDocument(SamplePatients.responder(subject: "<b>S&1</b>"))
        #expect(hostile.hasPrefix("# &lt;b&gt;S&amp;1&lt;/b&gt;\n"))
    }
}
