import Foundation
import Testing

/// End-to-end: assessment, reports and exports through the real executable, on the shipped Criteria/ folder.
@Suite struct AssessReportCLITests {
    /// RECIST 1.1 boundary cases from the published rule (Eisenhauer 2009 §4.3.1): 14.0 -> 9.8 mm is exactly -30 %
    /// (PR); S02 90 -> 108 mm is exactly +20 % and +18 mm (PD); S03 24.5 -> 29.4 mm is +20 % but only +4.9 mm (SD).
    static let csv = """
        trial,subject,cancer_type,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,reader
        T,S01,nsclc,BASELINE,2026-01-05,T01,target,LUNG,no,measured,14.0,,,R1
        T,S01,nsclc,WEEK 6,2026-02-16,T01,target,LUNG,no,measured,9.8,,,R1
        T,S02,nsclc,BASELINE,2026-01-05,T01,target,LIVER,no,measured,90.0,,,R1
        T,S02,nsclc,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,108.0,,,R1
        T,S03,nsclc,BASELINE,2026-01-05,T01,target,LIVER,no,measured,24.5,,,R1
        T,S03,nsclc,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,29.4,,,R1
        """

    static var criteriaFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Criteria").path
    }

    func overall(_ nadir: NadirProcess, _ subject: String) throws -> [String] {
        let result = try nadir.run(["assess", subject, "--json", "--criteria", Self.criteriaFolder])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (object?["timepoints"] as? [[String: Any]] ?? []).compactMap { $0["overall"] as? String }
    }

    @Test func exactThresholdsThroughTheCommandLine() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("t.csv", Self.csv)])
        #expect(try overall(nadir, "S01") == ["PR"])
        #expect(try overall(nadir, "S02") == ["PD"])
        #expect(try overall(nadir, "S03") == ["SD"])
    }

    @Test func assessmentsAreStoredAndReassessmentAfterACorrectionIsAudited() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("t.csv", Self.csv)])
        #expect(try overall(nadir, "S01") == ["PR"])
        _ = try nadir.run(["measure", "record", "S01", "WEEK 6", "T01", "--long-axis", "9.9", "--reader", "R1",
                           "--reason", "re-measured"])
        #expect(try overall(nadir, "S01") == ["SD"])
        let audit = try nadir.run(["audit", "S01", "--visit", "WEEK 6", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]] ?? []
        let assessment = entries.filter { $0["entity"] as? String == "assessment" }
        #expect(assessment.map { $0["action"] as? String } == ["insert", "update"])
        let old = assessment.last?["oldValue"] as? [String: Any]
        let new = assessment.last?["newValue"] as? [String: Any]
        #expect(old?["overall"] as? String == "PR")
        #expect(new?["overall"] as? String == "SD")
        #expect(new?["criteria"] as? String == "recist-1.1")
    }

    @Test func reportAndExportsAreWritten() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("t.csv", Self.csv)])
        let out = nadir.directory.appendingPathComponent("report").path
        let report = try nadir.run(["report", "--trial", "T", "--out", out, "--criteria", Self.criteriaFolder])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: out + "/patients/S01/report.html", encoding: .utf8)
        #expect(html.contains("PR"))
        // Self-contained: nothing is fetched (the SVG namespace URI is an identifier, not a fetch).
        let fetches = ["src=\"http", "href=\"http", "url(http", "<script"]
        #expect(fetches.allSatisfy { !html.contains($0) })
        let sdtm = nadir.directory.appendingPathComponent("sdtm").path
        #expect(try nadir.run(["export", "--trial", "T", "--format", "sdtm", "--out", sdtm, "--criteria", Self.criteriaFolder]).status == 0)
        let rs = try String(contentsOfFile: sdtm + "/rs.csv", encoding: .utf8)
        #expect(rs.contains("T,RS,S02,") && rs.contains("OVRLRESP"))
        let rsRows = rs.split(separator: "\n").filter { $0.contains(",S02,") && $0.contains("OVRLRESP") }
        #expect(rsRows.count == 1 && rsRows.first?.contains(",PD,PD,") == true)
        let bad = try nadir.run(["export", "--trial", "T", "--format", "xml", "--out", sdtm])
        #expect(bad.status != 0)
    }
}

/// End-to-end: scan import and scan info through the real executable, on DICOM written by pydicom/dcmtk.
@Suite struct ScanCLITests {
    static var fixtures: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NadirDICOMTests/Fixtures").path
    }

    @Test func scanInfoDescribesWithoutImporting() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        let info = try nadir.run(["scan", "info", Self.fixtures + "/ct-explicit-le", "--json"], database: false, user: false)
        #expect(info.status == 0, "\(info.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        let series = object?["series"] as? [[String: Any]] ?? []
        #expect(series.count == 1)
        #expect((series.first?["geometry"] as? [String: Any])?["size"] as? [Int] == [20, 24, 5])
        #expect(!FileManager.default.fileExists(atPath: nadir.databasePath))
    }

    @Test func scanImportRecordsTheVisitsScanAndRefusesGarbage() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["trial", "add", "T"])
        _ = try nadir.run(["patient", "add", "S01", "--trial", "T"])
        let imported = try nadir.run(["scan", "import", "S01", "BASELINE", Self.fixtures + "/ct-explicit-le",
                                      "--date", "2026-01-05", "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let scan = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(scan?["modality"] as? String == "CT")
        let garbage = try nadir.write("garbage.nii", "this is not an image")
        let refused = try nadir.run(["scan", "import", "S01", "WEEK 6", garbage, "--date", "2026-02-16"])
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("nadir: error:") && refused.stderr.contains("garbage.nii"))
        let shown = try nadir.run(["show", "patient", "S01", "--json"])
        let timepoints = (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["timepoints"] as? [Any]
        #expect(timepoints?.count == 1)
    }
}

/// The trial report opens in headless Chromium with no console errors and with its charts drawn
/// (`scripts/check-report-html.sh`). Runs where Chromium is installed (`scripts/test` installs it).
@Suite struct ReportInBrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
    func reportOpensInChromiumWithoutConsoleErrors() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("t.csv", AssessReportCLITests.csv)])
        let out = nadir.directory.appendingPathComponent("report").path
        #expect(try nadir.run(["report", "--trial", "T", "--out", out, "--criteria", AssessReportCLITests.criteriaFolder]).status == 0)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/check-report-html.sh").path, out]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("ok   ") && !output.contains("FAIL"))
        let shot = URL(fileURLWithPath: out).appendingPathComponent("screenshots/index.png")
        #expect(((try? Data(contentsOf: shot))?.count ?? 0) > 10_000, "the screenshot should show the charts drawn")
    }
}
