import Foundation
import Testing

/// `nadir export dicom` read back by independent readers: highdicom's TID 1500 parser and SEG reader, pydicom,
/// and dicom3tools' dciodvfy; values compared with what Nadir recorded and with the phantom's designed lesion.
@Suite struct DICOMExportCLITests {
    /// Runs `scripts/check-dicom-export.py` (pydicom + highdicom, installed by `scripts/setup --with-dicom-tools`).
    static func readBack(_ folder: URL) throws -> [String: Any] {
        let result = try Tool.run("/usr/bin/env", ["python3", Tool.repo.appendingPathComponent("scripts/check-dicom-export.py").path, folder.path])
        guard result.status == 0, let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw ToolFailure(message: "check-dicom-export.py failed (run scripts/setup --with-dicom-tools): \(result.stderr)")
        }
        return json
    }

    @Test func segAndSRReadBackByHighdicomMatchTheRecordAndThePhantom() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        let study = nadir.directory.appendingPathComponent("study")
        #expect(try nadir.run(["phantom", "--out", study.path, "--scenario", "crc-new-lesion", "--size", "128",
                               "--format", "dicom"], database: false, user: false).status == 0)
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: study.appendingPathComponent("ground-truth.json"))) as? [String: Any]
        let timepoints = truth?["timepoints"] as? [[String: Any]] ?? []
        try #require(timepoints.count >= 2)
        func t01(_ index: Int) -> [String: Any] {
            (timepoints[index]["lesions"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "T01" } ?? [:]
        }
        let designed = [t01(0), t01(1)]
        let centres = designed.map { ($0["centre"] as? [Double]) ?? [] }

        _ = try nadir.run(["init"])
        _ = try nadir.run(["trial", "add", "T"])
        _ = try nadir.run(["patient", "add", "S01", "--trial", "T", "--cancer-type", "crc"])
        #expect(try nadir.run(["scan", "import", "S01", "BASELINE", study.appendingPathComponent("BASELINE").path, "--date", "2026-01-12"]).status == 0)
        #expect(try nadir.run(["scan", "import", "S01", "WEEK 8", study.appendingPathComponent("WEEK_8").path, "--date", "2026-03-09"]).status == 0)
        var recorded: [[String: Any]] = []
        for (visit, centre) in zip(["BASELINE", "WEEK 8"], centres) {
            let placed = try nadir.run(["lesion", "add", "S01", visit, "--lesion", "T01", "--role", "target", "--organ", "LIVER",
                                        "--seed=\(centre[0]),\(centre[1]),\(centre[2])", "--json"])
            #expect(placed.status == 0, "\(placed.stderr)")
            recorded.append(try JSONSerialization.jsonObject(with: Data(placed.stdout.utf8)) as? [String: Any] ?? [:])
        }
        #expect(try nadir.run(["assess", "S01"]).status == 0)
        let baselineOut = nadir.directory.appendingPathComponent("dicom-baseline")
        let weekOut = nadir.directory.appendingPathComponent("dicom-week8")
        let exported = try nadir.run(["export", "dicom", "S01", "BASELINE", "--out", baselineOut.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try nadir.run(["export", "dicom", "S01", "WEEK 8", "--out", weekOut.path]).status == 0)

        let base = try Self.readBack(baselineOut), week = try Self.readBack(weekOut)
        for (index, read) in [base, week].enumerated() {
            let sr = read["sr"] as? [String: Any] ?? [:]
            let seg = read["seg"] as? [String: Any] ?? [:]
            // De-identified: the subject ID is the patient.
            #expect(sr["patientID"] as? String == "S01")
            #expect(seg["patientID"] as? String == "S01" && seg["ctPatientID"] as? String == "S01")
            #expect(sr["timePoint"] as? String == ["BASELINE", "WEEK 8"][index])
            let groups = sr["groups"] as? [[String: Any]] ?? []
            try #require(groups.count == 1)
            let group = groups[0]
            #expect(group["trackingIdentifier"] as? String == "T01")
            #expect(group["findingSite"] as? [String] == ["10200004", "SCT"])  // Liver (SNOMED CT)
            let measurements = group["measurements"] as? [String: [String: String]] ?? [:]
            // Values: exactly what Nadir recorded (hundredths of a mm), in UCUM units.
            for (name, key, unit) in [("Long Axis", "longAxis", "mm"), ("Short Axis", "shortAxis", "mm"), ("Volume", "volume", "mm3")] {
                let value = measurements[name]
                #expect(value?["unit"] == unit && value?["unitScheme"] == "UCUM")
                let expected = (recorded[index][key] as? NSNumber).map { Decimal(string: "\($0)") ?? 0 }
                #expect(value.flatMap { Decimal(string: $0["value"] ?? "") } == expected, "\(name) at visit \(index)")
            }
            // Against the phantom: the long axis within two in-plane voxels (2 x 2.8125 mm) of the designed one.
            let long = Double(measurements["Long Axis"]?["value"] ?? "") ?? .nan
            let designedLong = designed[index]["longAxis"] as? Double ?? .nan
            #expect(abs(long - designedLong) <= 2 * 2.8125)
            // The SEG segment the group names holds the lesion: same tracking UID, centroid near the designed
            // centre (within one slice, 5.61 mm), voxel volume within 30 % of the designed ellipsoid.
            let segments = seg["segments"] as? [[String: Any]] ?? []
            try #require(segments.count == 1)
            #expect(group["segmentNumber"] as? Int == segments[0]["number"] as? Int)
            #expect(group["segInstance"] as? String == seg["sopInstance"] as? String)
            #expect(segments[0]["trackingUID"] as? String == group["trackingUID"] as? String)
            #expect(seg["referencedSeries"] as? String == seg["ctSeries"] as? String)
            let centroid = segments[0]["centroid"] as? [Double] ?? []
            let distance = zip(centroid, centres[index]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            #expect(distance <= 5.62)
            let radii = designed[index]["radii"] as? [Double] ?? []
            let ellipsoid = 4.0 / 3.0 * Double.pi * radii.reduce(1, *)
            let segVolume = Double(segments[0]["voxels"] as? Int ?? 0) * (seg["voxelVolume"] as? Double ?? 0)
            #expect(abs(segVolume - ellipsoid) <= 0.3 * ellipsoid)
        }
        // The tracking UID is the lesion's, the same at both visits.
        let uid = { (read: [String: Any]) in ((read["sr"] as? [String: Any])?["groups"] as? [[String: Any]])?.first?["trackingUID"] as? String }
        #expect(uid(base) != nil && uid(base) == uid(week))
        // WEEK 8: T01 designed 32 -> 30 mm (-6 %): stable disease by RECIST 1.1 (neither <= -30 % nor >= +20 %),
        // written as (112048 Current Response) = (112044, DCM, "Target Lesion Stable Disease").
        let evaluations = (week["sr"] as? [String: Any])?["evaluations"] as? [[String]] ?? []
        #expect(evaluations.contains(["112048", "CODE", "112044"]))
        #expect(evaluations.contains { $0.first == "112048" && $0.last?.hasPrefix("overall SD") == true })
        // dicom3tools' validator finds no error in either object.
        for file in ["SEG.dcm", "SR.dcm"] {
            let check = try Tool.run("/usr/bin/env", ["dciodvfy", weekOut.appendingPathComponent(file).path])
            let output = check.stdout + check.stderr
            #expect(!output.contains("Error"), "\(file): \(output)")
            #expect(output.contains(file == "SEG.dcm" ? "Segmentation" : "Comprehensive3DSR"))
        }
        // Exporting again gives the same objects (UIDs derived from the stored content).
        let again = nadir.directory.appendingPathComponent("again")
        #expect(try nadir.run(["export", "dicom", "S01", "WEEK 8", "--out", again.path]).status == 0)
        let first = (try Self.readBack(weekOut)["seg"] as? [String: Any])?["sopInstance"] as? String
        let second = (try Self.readBack(again)["seg"] as? [String: Any])?["sopInstance"] as? String
        #expect(first != nil && first == second)
    }

    @Test func aVisitWithoutScanIsAClearError() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        _ = try nadir.run(["init"])
        _ = try nadir.run(["import", "csv", try nadir.write("t.csv", """
            subject,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,trial
            S01,BASELINE,2026-01-05,T01,target,LIVER,no,measured,14,,,T
            """)])
        let result = try nadir.run(["export", "dicom", "S01", "BASELINE", "--out", nadir.directory.appendingPathComponent("x").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("has no scan"))
        #expect(!FileManager.default.fileExists(atPath: nadir.directory.appendingPathComponent("x/SR.dcm").path))
    }
}

/// Runs an external tool (python3, dciodvfy) and collects its output.
enum Tool {
    typealias Result = NadirProcess.Result

    /// The repository root (this file is Tests/NadirCLITests/...).
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        try NadirProcess.launch(URL(fileURLWithPath: executable), arguments)
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
