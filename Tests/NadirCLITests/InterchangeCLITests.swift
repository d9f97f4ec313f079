import Foundation
import Testing

/// The lesion-level CSV through the real executable: the public pharmaverse file imports unedited (absent
/// targets recorded as 0 mm, RECIST 1.1 §4.3.5 and CDISC TR), and `export --format csv` writes the dialect
/// `import csv` reads, so an exported trial imports into an empty database with the same responses.
@Suite struct InterchangeCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NadirCriteriaTests/Fixtures/pharmaverse")

    /// Overall response per visit of one subject and reader, as `assess --json` prints it.
    func overall(_ nadir: NadirProcess, _ subject: String, reader: String) throws -> [String: String] {
        let result = try nadir.run(["assess", subject, "--reader", reader, "--json", "--criteria", AssessReportCLITests.criteriaFolder])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        var out: [String: String] = [:]
        for t in object?["timepoints"] as? [[String: Any]] ?? [] {
            if let visit = t["visit"] as? String, let overall = t["overall"] as? String { out[visit] = overall }
        }
        return out
    }

    /// The pharmaversesdtm RS domain's overall responses (expected.csv, written by the data's authors) are
    /// what `nadir assess` gives after `nadir import csv` of the unedited lesions.csv.
    @Test func pharmaverseFileImportsUneditedAndMatchesRS() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        let imported = try nadir.run(["import", "csv", Self.fixtures.appendingPathComponent("lesions.csv").path,
                                      "--trial", "CDISCPILOT01", "--reader", "INVESTIGATOR"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("expected.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(expected.count == 22)
        var bySubject: [String: [String: String]] = [:]
        for row in expected {
            bySubject[row[0]] = try bySubject[row[0]] ?? overall(nadir, row[0], reader: "INVESTIGATOR")
            #expect(bySubject[row[0]]?[row[1]] == row[2], "\(row[0]) \(row[1])")
        }
    }

    @Test func absentAcceptsZeroAndRejectsAValue() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("t.csv", AssessReportCLITests.csv)])
        let zero = try nadir.run(["measure", "record", "S01", "WEEK 6", "T01", "--state", "absent", "--long-axis", "0",
                                  "--reader", "R1", "--reason", "lesion gone"])
        #expect(zero.status == 0, "\(zero.stderr)")
        #expect(try overall(nadir, "S01", reader: "R1") == ["WEEK 6": "CR"])
        let three = try nadir.run(["measure", "record", "S01", "WEEK 6", "T01", "--state", "absent", "--long-axis", "3",
                                   "--reader", "R1", "--reason", "typo"])
        #expect(three.status != 0)
        #expect(three.stderr.contains("absent lesion is 0 mm") && three.stderr.contains("long axis 3.0 mm"), "\(three.stderr)")
        // Refused: the stored record is unchanged.
        #expect(try overall(nadir, "S01", reader: "R1") == ["WEEK 6": "CR"])
    }

    /// Two readers of the pharmaverse trial, exported and imported into an empty database: the same overall
    /// response for every subject, visit and reader.
    @Test func exportImportsBackWithTheSameResponses() throws {
        let first = try NadirProcess()
        defer { first.remove() }
        _ = try first.run(["init"])
        for (file, reader) in [("lesions.csv", "INVESTIGATOR"), ("other_readers/radiologist1_lesions.csv", "RADIOLOGIST 1")] {
            let result = try first.run(["import", "csv", Self.fixtures.appendingPathComponent(file).path,
                                        "--trial", "CDISCPILOT01", "--reader", reader])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let out = first.directory.appendingPathComponent("export").path
        let export = try first.run(["export", "--trial", "CDISCPILOT01", "--format", "csv", "--out", out,
                                    "--criteria", AssessReportCLITests.criteriaFolder])
        #expect(export.status == 0, "\(export.stderr)")
        let second = try NadirProcess()
        defer { second.remove() }
        _ = try second.run(["init"])
        let reimport = try second.run(["import", "csv", out + "/lesions.csv"])
        #expect(reimport.status == 0, "\(reimport.stderr)")
        let subjects = ["01-701-1015", "01-701-1028", "01-701-1034", "01-701-1097", "01-701-1115", "01-701-1118", "01-701-1130", "01-701-1133"]
        var compared = 0
        for subject in subjects {
            for reader in ["INVESTIGATOR", "RADIOLOGIST 1"] {
                let before = try overall(first, subject, reader: reader)
                let after = try overall(second, subject, reader: reader)
                #expect(before == after, "\(subject) \(reader)")
                compared += before.count
            }
        }
        #expect(compared >= 30)
    }
}

/// Patient-level rule inputs entered through the CSV and the CLI reach the rule engine: RANO 2.0 (Wen 2023),
/// +25 % SPD (400 -> 500 mm2) 28 days after the end of radiotherapy is preliminary (PPD) until confirmed;
/// without a radiotherapy end date it is PD.
@Suite struct PatientDatesCLITests {
    static let csv = """
        trial,subject,criteria,treatment_start,radiotherapy_end,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,reader
        G,S01,rano-2.0,2024-01-02,2024-01-01,BL,2024-01-01,T01,target,BRAIN,no,measured,20,20,,R1
        G,S01,rano-2.0,,,W4,2024-01-29,T01,target,BRAIN,no,measured,25,20,,R1
        G,S02,rano-2.0,,,BL,2024-01-01,T01,target,BRAIN,no,measured,20,20,,R1
        G,S02,rano-2.0,,,W4,2024-01-29,T01,target,BRAIN,no,measured,25,20,,R1
        """

    @Test func radiotherapyEndFromCSVAndCLIDecidesPreliminaryProgression() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        let imported = try nadir.run(["import", "csv", try nadir.write("g.csv", Self.csv)])
        #expect(imported.status == 0, "\(imported.stderr)")
        let cli = InterchangeCLITests()
        #expect(try cli.overall(nadir, "S01", reader: "R1") == ["W4": "PPD"])
        #expect(try cli.overall(nadir, "S02", reader: "R1") == ["W4": "PD"])
        let set = try nadir.run(["patient", "dates", "S02", "--radiotherapy-end", "2024-01-01"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try cli.overall(nadir, "S02", reader: "R1") == ["W4": "PPD"])
        let audit = try nadir.run(["audit", "S02", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]] ?? []
        let update = entries.last { $0["entity"] as? String == "patient" && $0["action"] as? String == "update" }
        #expect((update?["oldValue"] as? [String: Any])?["radiotherapy_end"] is NSNull)
        #expect((update?["newValue"] as? [String: Any])?["radiotherapy_end"] as? String == "2024-01-01")
        // A different date needs a reason; without one nothing changes.
        let refused = try nadir.run(["patient", "dates", "S02", "--radiotherapy-end", "2023-06-01"])
        #expect(refused.status != 0 && refused.stderr.contains("--reason"), "\(refused.stderr)")
        let bad = try nadir.run(["import", "csv", try nadir.write("bad.csv", Self.csv.replacingOccurrences(of: "2024-01-02,2024-01-01", with: "2024-01-02,2024-13-01"))])
        #expect(bad.status != 0 && bad.stderr.contains("radiotherapy_end"), "\(bad.stderr)")
        // The export carries the dates: re-imported into an empty database, S01 is still preliminary.
        let out = nadir.directory.appendingPathComponent("export").path
        #expect(try nadir.run(["export", "--trial", "G", "--format", "csv", "--out", out, "--criteria", AssessReportCLITests.criteriaFolder]).status == 0)
        let second = try NadirProcess()
        defer { second.remove() }
        _ = try second.run(["init"])
        #expect(try second.run(["import", "csv", out + "/lesions.csv"]).status == 0)
        #expect(try cli.overall(second, "S01", reader: "R1") == ["W4": "PPD"])
        #expect(try cli.overall(second, "S02", reader: "R1") == ["W4": "PPD"])
    }
}

/// Lesion values typed through the CSV and `measure record` reach the rules: Choi 2007 (PR by a >= 15 %
/// density decrease although size changes only -4 %) and PERCIST 1.0 (Wahl 2009 Table 3: SULpeak 10.0 -> 7.0 is
/// -30 % and -3.0 SUL, PMR).
@Suite struct LesionValuesCLITests {
    static let csv = """
        trial,subject,criteria,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,density_hu,sul_peak,reader
        C,G01,choi,BL,2024-01-01,T01,target,STOMACH,no,measured,50,,,100,,R1
        C,G01,choi,W8,2024-02-26,T01,target,STOMACH,no,measured,48,,,85,,R1
        C,P01,percist-1.0,BL,2024-01-01,T01,target,LUNG,no,measured,30,,,,10.0,R1
        C,P01,percist-1.0,W6,2024-02-12,T01,target,LUNG,no,measured,30,,,,7.0,R1
        """

    @Test func typedDensityAndSULpeakDecideChoiAndPERCIST() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        let imported = try nadir.run(["import", "csv", try nadir.write("v.csv", Self.csv)])
        #expect(imported.status == 0, "\(imported.stderr)")
        let cli = InterchangeCLITests()
        #expect(try cli.overall(nadir, "G01", reader: "R1") == ["W8": "PR"])
        #expect(try cli.overall(nadir, "P01", reader: "R1") == ["W6": "PMR"])
        // 86 HU is -14 %: density no longer meets PR, size -4 % is SD (corrected through the CLI, with a reason).
        let corrected = try nadir.run(["measure", "record", "G01", "W8", "T01", "--long-axis", "48", "--density-hu", "86",
                                       "--reader", "R1", "--reason", "density re-read"])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(try cli.overall(nadir, "G01", reader: "R1") == ["W8": "SD"])
        let badDensity = try nadir.run(["import", "csv", try nadir.write("b.csv", Self.csv.replacingOccurrences(of: ",100,,R1", with: ",5000,,R1"))])
        #expect(badDensity.status != 0 && badDensity.stderr.contains("density_hu"), "\(badDensity.stderr)")
        let sulOnAbsent = try nadir.run(["import", "csv", try nadir.write("s.csv", Self.csv.replacingOccurrences(of: "W6,2024-02-12,T01,target,LUNG,no,measured,30,,,,7.0", with: "W6,2024-02-12,T01,target,LUNG,no,absent,,,,,7.0"))])
        #expect(sulOnAbsent.status != 0 && sulOnAbsent.stderr.contains("sul_peak"), "\(sulOnAbsent.stderr)")
    }
}

/// Whole-scan readings typed in the CSV and through `nadir timepoint reading` reach the rules: Lugano 2014
/// (Cheson 2014 Table 3: Deauville 3 is a complete metabolic response although CT shows -50 % SPD, PR) and
/// PCWG3 (Scher 2016 Table 3: after the flare window, >= 2 new bone-scan lesions vs the week-8 reference,
/// persisting >= 6 weeks later, is PD; bone-scan lesions are not RECIST new lesions).
@Suite struct VisitReadingCLITests {
    static let csv = """
        trial,subject,criteria,treatment_start,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,deauville,uptake_change,bone_new_lesions,reader
        L,L01,lugano-2014,,BL,2024-01-01,N01,target,CERVICAL NODE,yes,measured,40,30,,,,,R1
        L,L01,lugano-2014,,W8,2024-02-26,N01,target,CERVICAL NODE,yes,measured,30,20,,3,,,R1
        L,P01,pcwg3,2024-01-01,BL,2024-01-01,T01,target,LYMPH NODE,yes,measured,35,30,,,,,R1
        L,P01,pcwg3,,W8,2024-02-26,T01,target,LYMPH NODE,yes,measured,35,30,,,,1,R1
        L,P01,pcwg3,,W16,2024-04-22,T01,target,LYMPH NODE,yes,measured,35,30,,,,3,R1
        L,P01,pcwg3,,W24,2024-06-17,T01,target,LYMPH NODE,yes,measured,35,30,,,,3,R1
        """

    @Test func deauvilleAndBoneScanCountsDecideLuganoAndPCWG3() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        let imported = try nadir.run(["import", "csv", try nadir.write("r.csv", Self.csv)])
        #expect(imported.status == 0, "\(imported.stderr)")
        let cli = InterchangeCLITests()
        #expect(try cli.overall(nadir, "L01", reader: "R1") == ["W8": "CR"])
        #expect(try cli.overall(nadir, "P01", reader: "R1") == ["W8": "SD", "W16": "PD", "W24": "PD"])
        // Deauville 4 with increased uptake is PMD (Table 3), typed through the CLI as a correction.
        let pmd = try nadir.run(["timepoint", "reading", "L01", "W8", "--deauville", "4", "--uptake-change", "increased",
                                 "--reader", "R1", "--reason", "re-read"])
        #expect(pmd.status == 0, "\(pmd.stderr)")
        #expect(try cli.overall(nadir, "L01", reader: "R1") == ["W8": "PD"])
        let bad = try nadir.run(["timepoint", "reading", "L01", "W8", "--deauville", "6", "--reader", "R1", "--reason", "x"])
        #expect(bad.status != 0 && bad.stderr.contains("Deauville"), "\(bad.stderr)")
        let badCSV = try nadir.run(["import", "csv", try nadir.write("b.csv", Self.csv.replacingOccurrences(of: ",,,3,R1", with: ",,,-3,R1"))])
        #expect(badCSV.status != 0 && badCSV.stderr.contains("bone_new_lesions"), "\(badCSV.stderr)")
        // Exported and re-imported, the readings give the same responses.
        let out = nadir.directory.appendingPathComponent("export").path
        #expect(try nadir.run(["export", "--trial", "L", "--format", "csv", "--out", out, "--criteria", AssessReportCLITests.criteriaFolder]).status == 0)
        let second = try NadirProcess()
        defer { second.remove() }
        _ = try second.run(["init"])
        #expect(try second.run(["import", "csv", out + "/lesions.csv"]).status == 0)
        #expect(try cli.overall(second, "L01", reader: "R1") == ["W8": "PD"])
        #expect(try cli.overall(second, "P01", reader: "R1") == ["W8": "SD", "W16": "PD", "W24": "PD"])
    }
}
