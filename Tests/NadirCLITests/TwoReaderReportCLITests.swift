import Foundation
import Testing

/// Two independent readers of the same patient (pharmaversesdtm's RADIOLOGIST 1 and RADIOLOGIST 2 for
/// 01-701-1028, Tests/NadirCriteriaTests/Fixtures/pharmaverse/other_readers, written by the pharmaverse authors)
/// imported and reported through the real executable: before any adjudication the report shows each reader's own
/// diameters with that reader's own sums and responses, and no accepted read.
@Suite struct TwoReaderReportCLITests {
    static let subject = "01-701-1028"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NadirCriteriaTests/Fixtures/pharmaverse/other_readers")

    /// The fixture's rows of the subject as (header -> value) dictionaries (plain CSV, no quoted fields).
    static func rows(_ file: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }.filter { $0["subject"] == subject }
    }

    /// One import file: both readers' rows with `trial` and `reader` columns added.
    static func importCSV() throws -> String {
        var text = "trial,reader,subject,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,criteria\n"
        for (file, reader) in [("radiologist1_lesions.csv", "RADIOLOGIST 1"), ("radiologist2_lesions.csv", "RADIOLOGIST 2")] {
            for r in try rows(file) {
                let fields = ["subject", "visit", "date", "lesion", "role", "organ", "nodal", "state", "long_axis_mm",
                              "short_axis_mm", "volume_mm3", "criteria"].map { r[$0] ?? "" }
                text += (["CDISCPILOT01", reader] + fields).joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// The sum of a reader's measured long axes at a visit, in hundredths of a mm (all targets are non-nodal).
    static func sum(_ file: String, visit: String) throws -> Int {
        try rows(file).filter { $0["visit"] == visit }.compactMap { r -> Int? in
            guard let text = r["long_axis_mm"], let value = Decimal(string: text) else { return nil }
            return NSDecimalNumber(decimal: value * 100).intValue
        }.reduce(0, +)
    }

    static func millimetres(_ hundredths: Int) -> String {
        String(format: "%d.%02d", hundredths / 100, hundredths % 100)
    }

    @Test func eachReaderSeesTheirOwnTableAndNoReadIsAcceptedBeforeAdjudication() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        let imported = try nadir.run(["import", "csv", try nadir.write("readers.csv", Self.importCSV())])
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = nadir.directory.appendingPathComponent("report").path
        let report = try nadir.run(["report", "--trial", "CDISCPILOT01", "--out", out, "--criteria",
                                    AssessReportCLITests.criteriaFolder])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: out + "/patients/\(Self.subject)/report.html", encoding: .utf8)
        #expect(html.contains("Not adjudicated"))
        #expect(!html.contains("class=\"bor\""))  // no accepted best overall response
        // report.md: each reader's section carries that reader's own screening sum, never the other's.
        let md = try String(contentsOfFile: out + "/patients/\(Self.subject)/report.md", encoding: .utf8)
        let sections = md.components(separatedBy: "## Reader ")
        let one = try #require(sections.first { $0.hasPrefix("RADIOLOGIST 1") })
        let two = try #require(sections.first { $0.hasPrefix("RADIOLOGIST 2") })
        let sum1 = Self.millimetres(try Self.sum("radiologist1_lesions.csv", visit: "SCREENING"))  // 94.36
        let sum2 = Self.millimetres(try Self.sum("radiologist2_lesions.csv", visit: "SCREENING"))  // 93.05
        #expect(one.contains("| \(sum1) mm |") && !one.contains("\(sum2) mm"))
        #expect(two.contains("| \(sum2) mm |") && !two.contains("\(sum1) mm"))

        let sdtm = nadir.directory.appendingPathComponent("sdtm").path
        let export = try nadir.run(["export", "--trial", "CDISCPILOT01", "--format", "sdtm", "--out", sdtm, "--criteria",
                                    AssessReportCLITests.criteriaFolder])
        #expect(export.status == 0, "\(export.stderr)")
        let header = "STUDYID,DOMAIN,USUBJID,"
        func records(_ name: String) throws -> [[String: String]] {
            let lines = try String(contentsOfFile: sdtm + "/\(name)", encoding: .utf8).split(separator: "\r\n").map(String.init)
            #expect(lines.first?.hasPrefix(header) == true)
            let keys = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return lines.dropFirst().map { line in
                Dictionary(uniqueKeysWithValues: zip(keys, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
            }
        }
        // TR: each reader's SUMDIAM at WEEK 3 is the sum of that reader's own diameters.
        let tr = try records("tr.csv")
        for (file, reader) in [("radiologist1_lesions.csv", "RADIOLOGIST 1"), ("radiologist2_lesions.csv", "RADIOLOGIST 2")] {
            let sumdiam = tr.first { $0["TREVALID"] == reader && $0["VISIT"] == "WEEK 3" && $0["TRTESTCD"] == "SUMDIAM" }
            let expected = try Self.sum(file, visit: "WEEK 3")
            let got = sumdiam?["TRSTRESN"].flatMap { Decimal(string: $0) }.map { NSDecimalNumber(decimal: $0 * 100).intValue }
            #expect(got == expected, "\(reader) SUMDIAM \(sumdiam?["TRSTRESN"] ?? "none") vs own diameters \(expected)")
        }
        #expect(tr.allSatisfy { ($0["TRACPTFL"] ?? "") == "" })
        // RS: each reader's overall response is their own, as pharmaversesdtm records it; none accepted.
        let rs = try records("rs.csv")
        #expect(rs.allSatisfy { ($0["RSACPTFL"] ?? "") == "" })
        for (file, reader) in [("radiologist1_expected.csv", "RADIOLOGIST 1"), ("radiologist2_expected.csv", "RADIOLOGIST 2")] {
            for row in try Self.rows(file) {
                let ours = rs.first { $0["RSEVALID"] == reader && $0["VISIT"] == row["visit"] && $0["RSTESTCD"] == "OVRLRESP" }
                #expect(ours?["RSORRES"] == row["overall"], "\(reader) \(row["visit"] ?? "")")
            }
        }
    }

    /// Whether python3 with pandas is here (scripts/setup installs it).
    static let hasPandas: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import pandas"]
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Reads a .xpt with pandas.read_sas (an independent SAS transport reader) into JSON rows.
    static func pandasRows(_ path: String) throws -> (columns: [String], rows: [[Any]]) {
        let script = """
            import json, math, sys, pandas
            df = pandas.read_sas(sys.argv[1], format="xport", encoding="ascii")
            rows = [[None if isinstance(v, float) and math.isnan(v) else v for v in r] for r in df.itertuples(index=False)]
            print(json.dumps({"columns": list(df.columns), "rows": rows}))
            """
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["columns"] as? [String] ?? [], object?["rows"] as? [[Any]] ?? [])
    }

    @Test(.enabled(if: hasPandas, "needs python3 with pandas (scripts/setup installs it)"))
    func sasTransportFilesReadBackWithPandasEqualTheCSVRowForRow() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("readers.csv", Self.importCSV())])
        let sdtm = nadir.directory.appendingPathComponent("sdtm").path
        let export = try nadir.run(["export", "--trial", "CDISCPILOT01", "--format", "sdtm", "--out", sdtm, "--criteria",
                                    AssessReportCLITests.criteriaFolder])
        #expect(export.status == 0, "\(export.stderr)")
        for domain in ["tu", "tr", "rs"] {
            let csv = try String(contentsOfFile: sdtm + "/\(domain).csv", encoding: .utf8)
            let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines[0]
            let xpt = try Self.pandasRows(sdtm + "/\(domain).xpt")
            #expect(xpt.columns == header, "\(domain) columns")
            #expect(xpt.rows.count == lines.count - 1, "\(domain) rows \(xpt.rows.count) vs \(lines.count - 1)")
            #expect(xpt.rows.count >= 10)  // TU: 5 targets x 2 readers
            for (row, expected) in zip(xpt.rows, lines.dropFirst()) {
                for (i, column) in header.enumerated() {
                    let want = expected[i]
                    let got = row[i]
                    if let number = got as? Double {
                        let exact = try #require(Double(want), "\(domain).\(column): \(number) vs '\(want)'")
                        #expect(abs(number - exact) <= 1e-9 * max(1, abs(exact)), "\(domain).\(column)")
                    } else if got is NSNull {
                        #expect(want.isEmpty, "\(domain).\(column) missing vs '\(want)'")
                    } else {
                        #expect((got as? String) == want, "\(domain).\(column): \(got) vs '\(want)'")
                    }
                }
            }
        }
    }
}
