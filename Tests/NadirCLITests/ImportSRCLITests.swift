import Foundation
import Testing

/// `nadir measure import-sr` on TID 1500 reports written by highdicom (as OHIF or 3D Slicer send them).
@Suite struct ImportSRCLITests {
    static let csv = """
        subject,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,trial
        S01,BASELINE,2026-01-05,T01,target,LIVER,no,measured,40,,,T
        S01,BASELINE,2026-01-05,T02,target,LYMPH NODE,yes,measured,30,20,,T
        S01,WEEK 6,2026-02-16,T01,target,LIVER,no,not-evaluable,,,,T
        """

    /// Writes a TID 1500 SR with highdicom (scripts/make-tid1500.py) for `lesions`, evidence a phantom CT slice.
    static func makeReport(_ nadir: NadirProcess, name: String, lesions: [[String: Any]]) throws -> String {
        let phantom = nadir.directory.appendingPathComponent("phantom")
        if !FileManager.default.fileExists(atPath: phantom.path) {
            let made = try nadir.run(["phantom", "--out", phantom.path, "--size", "48", "--format", "dicom"], database: false, user: false)
            try #require(made.status == 0, "\(made.stderr)")
        }
        let spec = try nadir.write("\(name).json", String(decoding: try JSONSerialization.data(withJSONObject: ["lesions": lesions]), as: UTF8.self))
        let out = nadir.directory.appendingPathComponent("\(name).dcm").path
        let result = try Tool.run("/usr/bin/env", ["python3", Tool.repo.appendingPathComponent("scripts/make-tid1500.py").path, out,
                                                   phantom.appendingPathComponent("BASELINE/CT0001.dcm").path, spec])
        try #require(result.status == 0, "make-tid1500.py failed (run scripts/setup --with-dicom-tools): \(result.stderr)")
        return out
    }

    static func show(_ nadir: NadirProcess) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try nadir.run(["show", "patient", "S01", "--json"]).stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func groupsBecomeMeasurementsByTrackingUIDOrIdentifierAudited() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        #expect(try nadir.run(["import", "csv", try nadir.write("t.csv", Self.csv)]).status == 0)
        let lesions = try Self.show(nadir)["lesions"] as? [[String: Any]] ?? []
        let uidT01 = try #require(lesions.first { $0["id"] as? String == "T01" }?["trackingUID"] as? String)
        // Group 1 is named as a viewer names it ("Lesion 1") but carries T01's tracking UID; group 2 has an
        // unknown UID and the identifier T02, in centimetres (2.5 cm = 25 mm, 1.65 cm = 16.5 mm).
        let file = try Self.makeReport(nadir, name: "week6", lesions: [
            ["id": "Lesion 1", "uid": uidT01, "longAxis": 30.5, "shortAxis": 22.25],
            ["id": "T02", "uid": "2.25.99", "longAxis": 2.5, "shortAxis": 1.65, "unit": "cm"],
        ])
        let imported = try nadir.run(["measure", "import-sr", file, "--subject", "S01", "--visit", "WEEK 6", "--reader", "R2"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let measurements = (try Self.show(nadir)["measurements"] as? [[String: Any]] ?? [])
            .filter { $0["visit"] as? String == "WEEK 6" && $0["reader"] as? String == "R2" }
        func value(_ lesion: String, _ key: String) -> Decimal? {
            (measurements.first { $0["lesionID"] as? String == lesion }?[key] as? NSNumber).flatMap { Decimal(string: "\($0)") }
        }
        #expect(measurements.count == 2)
        #expect(value("T01", "longAxis") == Decimal(string: "30.5"))
        #expect(value("T01", "shortAxis") == Decimal(string: "22.25"))
        #expect(value("T02", "longAxis") == Decimal(string: "25"))
        #expect(value("T02", "shortAxis") == Decimal(string: "16.5"))
        let audit = try nadir.run(["audit", "S01", "--lesion", "T02"])
        #expect(audit.stdout.contains("measure import-sr week6.dcm"))
        #expect(audit.stdout.contains("tester"))

        // Importing the same report again changes nothing; a different value needs --reason.
        let again = try nadir.run(["measure", "import-sr", file, "--subject", "S01", "--visit", "WEEK 6", "--reader", "R2", "--json"])
        #expect(again.stdout.contains("unchanged") && !again.stdout.contains("inserted"))
        let changed = try Self.makeReport(nadir, name: "changed", lesions: [["id": "T01", "uid": uidT01, "longAxis": 28.0]])
        let refused = try nadir.run(["measure", "import-sr", changed, "--subject", "S01", "--visit", "WEEK 6", "--reader", "R2"])
        #expect(refused.status != 0)
        #expect(try nadir.run(["measure", "import-sr", changed, "--subject", "S01", "--visit", "WEEK 6", "--reader", "R2",
                               "--reason", "re-read on the workstation"]).status == 0)
        #expect(try nadir.run(["audit", "S01", "--lesion", "T01"]).stdout.contains("re-read on the workstation"))
    }

    @Test func anUnknownLesionStopsTheWholeImport() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        #expect(try nadir.run(["import", "csv", try nadir.write("t.csv", Self.csv)]).status == 0)
        let before = try Self.show(nadir)["measurements"] as? [[String: Any]] ?? []
        let file = try Self.makeReport(nadir, name: "bad", lesions: [
            ["id": "T01", "uid": "2.25.1", "longAxis": 30.5],
            ["id": "T09", "uid": "2.25.2", "longAxis": 12.0],
        ])
        let result = try nadir.run(["measure", "import-sr", file, "--subject", "S01", "--visit", "WEEK 6"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'T09'") && result.stderr.contains("nothing was imported"))
        let after = try Self.show(nadir)["measurements"] as? [[String: Any]] ?? []
        #expect(after.count == before.count)  // T01 of the same report was not written either
        // A file that is not an SR is a clear error too.
        let notSR = try nadir.run(["measure", "import-sr", nadir.directory.appendingPathComponent("phantom/BASELINE/CT0001.dcm").path,
                                   "--subject", "S01", "--visit", "WEEK 6"])
        #expect(notSR.status != 0 && notSR.stderr.contains("not a structured report"))
    }
}
