import Foundation
import Testing

/// End-to-end: the real `nadir` executable on a temporary database.
@Suite struct CLITests {
    static let demoCSV = """
        trial,subject,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,reader
        NADIR-T,S01,BASELINE,2026-01-05,T01,target,LIVER,no,measured,14.0,,,R1
        NADIR-T,S01,BASELINE,2026-01-05,T02,target,LYMPH NODE,yes,measured,22.0,16.0,,R1
        NADIR-T,S01,BASELINE,2026-01-05,NT01,non-target,BONE,no,present,,,,R1
        NADIR-T,S01,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9.8,,,R1
        NADIR-T,S01,WEEK 6,2026-02-16,T02,target,LYMPH NODE,yes,measured,,9.5,,R1
        NADIR-T,S01,WEEK 6,2026-02-16,NT01,non-target,BONE,no,present,,,,R1
        """

    @Test func initImportShowPatientAndAudit() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        #expect(try nadir.run(["init"]).status == 0)
        let file = try nadir.write("demo.csv", Self.demoCSV)
        let imported = try nadir.run(["import", "csv", file, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(summary?["measurementsAdded"] as? Int == 4)
        #expect(summary?["statusesAdded"] as? Int == 2)

        let shown = try nadir.run(["show", "patient", "S01", "--json"])
        #expect(shown.status == 0)
        let patientCase = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let measurements = patientCase?["measurements"] as? [[String: Any]] ?? []
        let week6 = measurements.first { $0["lesionID"] as? String == "T01" && $0["visit"] as? String == "WEEK 6" }
        // The JSON number is the exact decimal typed in the CSV.
        #expect((week6?["longAxis"] as? NSNumber)?.decimalValue == Decimal(string: "9.8"))
        #expect((patientCase?["timepoints"] as? [[String: Any]])?.first?["isBaseline"] as? Bool == true)

        let audit = try nadir.run(["audit", "S01", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]] ?? []
        let rowEntries = entries.filter { ["measurement", "lesion_status"].contains($0["entity"] as? String) }
        #expect(rowEntries.count == 6)
        #expect(entries.allSatisfy { $0["user"] as? String == "tester" && ($0["at"] as? String)?.hasSuffix("Z") == true })
    }

    @Test func aBadRowLeavesTheDatabaseByteForByteUnchangedAndSaysWhere() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        #expect(try nadir.run(["init"]).status == 0)
        #expect(try nadir.run(["import", "csv", try nadir.write("good.csv", Self.demoCSV)]).status == 0)
        let before = try nadir.databaseBytes()
        var lines = Self.demoCSV.split(separator: "\n").map(String.init)
        lines.insert("NADIR-T,S01,WEEK 6,2026-02-16,T03,target,LIVER,no,measured,abc,,,R1", at: 4)
        lines.append("NADIR-T,S02,BASELINE,2026-01-07,T01,target,LUNG,no,measured,30,,,R1")
        let result = try nadir.run(["import", "csv", try nadir.write("bad.csv", lines.joined(separator: "\n"))])
        #expect(result.status != 0)
        #expect(result.stderr == "nadir: error: bad.csv row 5, column long_axis_mm: 'abc' is not a number with at most 2 decimals (use '.' as the decimal point)\n")
        #expect(try nadir.databaseBytes() == before)
    }

    @Test func correctionsNeedAReasonAndKeepTheOldValue() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("good.csv", Self.demoCSV)])
        let refused = try nadir.run(["measure", "record", "S01", "WEEK 6", "T01", "--long-axis", "10.4", "--reader", "R1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--reason"))
        let corrected = try nadir.run(["measure", "record", "S01", "WEEK 6", "T01", "--long-axis", "10.4", "--reader", "R1",
                                       "--reason", "caliper placed on the wrong edge"])
        #expect(corrected.status == 0)
        let audit = try nadir.run(["audit", "S01", "--lesion", "T01", "--visit", "WEEK 6"])
        #expect(audit.stdout.contains("long_axis: 9.8 mm -> 10.4 mm"))
        #expect(audit.stdout.contains("caliper placed on the wrong edge"))
    }

    @Test func bookkeepingErrorsAreOneClearLine() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        let noDatabase = try nadir.run(["show", "patient", "S01"])
        #expect(noDatabase.status != 0)
        #expect(noDatabase.stderr.contains("run `nadir init` first"))
        _ = try nadir.run(["init"])
        _ = try nadir.run(["trial", "add", "TR"])
        let unknownPatient = try nadir.run(["timepoint", "add", "S09", "BASELINE", "--date", "2026-01-01"])
        #expect(unknownPatient.stderr == "nadir: error: subject S09: no patient S09; add it with `nadir patient add S09`\n")
        #expect(try nadir.run(["patient", "add", "S01", "--trial", "TR"]).status == 0)
        #expect(try nadir.run(["timepoint", "add", "S01", "BASELINE", "--date", "2026-01-10"]).status == 0)
        let early = try nadir.run(["timepoint", "add", "S01", "WEEK 0", "--date", "2026-01-09"])
        #expect(early.stderr.contains("before the baseline"))
        #expect(try nadir.run(["lesion", "add", "S01", "--lesion", "T01", "--role", "target", "--organ", "LIVER"]).status == 0)
        let twice = try nadir.run(["lesion", "add", "S01", "--lesion", "T01", "--role", "target", "--organ", "LUNG"])
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("lesion T01 already exists"))
        #expect(try nadir.run(["lesion", "add", "S01", "--lesion", "T02", "--role", "target", "--organ", "NODE", "--nodal"]).status == 0)
        let node = try nadir.run(["measure", "record", "S01", "BASELINE", "T02", "--long-axis", "20"])
        #expect(node.stderr.contains("needs its short axis"))
        let entries = try nadir.run(["audit", "S01", "--json"])
        let count = (try JSONSerialization.jsonObject(with: Data(entries.stdout.utf8)) as? [Any])?.count
        // patient, timepoint, two lesions: the refused actions left nothing.
        #expect(count == 4)
    }
}
