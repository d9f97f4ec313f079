import Foundation
import NadirImageIO
import NadirImaging
import NadirTestSupport
import Testing

/// End-to-end on phantom scans: seed placement, mask placement, tracking, confirmation, re-measurement, meshes.
@Suite struct ImagingCLITests {
    static let size: SIMD3<Int> = [128, 128, 72]
    static let spacing: SIMD3<Double> = [2.2, 2.2, 3.5]

    @Test func seedTrackConfirmMeasureAndMesh() throws {
        let nadir = try NadirProcess()
        defer { nadir.remove() }
        let lesion = SyntheticCT.liverMetastasis
        var shrunk = lesion
        shrunk.radii *= 0.6
        let baseline = SyntheticCT.chest(size: Self.size, spacing: Self.spacing, lesions: [lesion]).render()
        let followUp = SyntheticCT.chest(size: Self.size, spacing: Self.spacing,
                                         motion: RigidMotion(axis: [0, 0, 1], degrees: 3, translation: [6, 4, -5]),
                                         lesions: [shrunk]).render()
        let basePath = nadir.directory.appendingPathComponent("base.nii.gz")
        let followPath = nadir.directory.appendingPathComponent("follow.nii.gz")
        try NIfTIWriter(version: .nifti2).write(.int16(baseline.ct), to: basePath)
        try NIfTIWriter(version: .nifti2).write(.int16(followUp.ct), to: followPath)
        // A label map on another grid (fewer, larger voxels) than the scans.
        let otherGrid = SyntheticCT.chest(size: [100, 100, 60], spacing: [2.8, 2.8, 4.2], lesions: [lesion]).render()
        let maskPath = nadir.directory.appendingPathComponent("other-grid.nii.gz")
        try NIfTIWriter(version: .nifti2).write(.uint16(otherGrid.labels), to: maskPath)

        _ = try nadir.run(["init"])
        _ = try nadir.run(["trial", "add", "T"])
        _ = try nadir.run(["patient", "add", "S01", "--trial", "T", "--cancer-type", "crc"])
        #expect(try nadir.run(["scan", "import", "S01", "BASELINE", basePath.path, "--date", "2026-01-05", "--modality", "CT"]).status == 0)
        #expect(try nadir.run(["scan", "import", "S01", "WEEK 8", followPath.path, "--date", "2026-03-02", "--modality", "CT"]).status == 0)
        let seed = "\(lesion.centre.x),\(lesion.centre.y),\(lesion.centre.z)"
        let placed = try nadir.run(["lesion", "add", "S01", "BASELINE", "--role", "target", "--organ", "LIVER", "--seed=\(seed)", "--json"])
        #expect(placed.status == 0, "\(placed.stderr)")
        let baseMeasure = try JSONSerialization.jsonObject(with: Data(placed.stdout.utf8)) as? [String: Any]
        #expect(baseMeasure?["lesionID"] as? String == "T01")
        #expect(baseMeasure?["method"] as? String == "seed")

        // A mask that does not lie on the scan's grid is refused, naming both geometries; nothing is written.
        let wrongGrid = try nadir.run(["lesion", "add", "S01", "BASELINE", "--lesion", "T09", "--role", "target",
                                       "--organ", "LIVER", "--mask", maskPath.path, "--label", "1"])
        #expect(wrongGrid.status != 0)
        #expect(wrongGrid.stderr.contains("does not fit the scan"))

        let tracked = try nadir.run(["track", "S01", "WEEK 8", "--json"])
        #expect(tracked.status == 0, "\(tracked.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(tracked.stdout.utf8)) as? [String: Any]
        let items = report?["lesions"] as? [[String: Any]] ?? []
        #expect(items.contains { $0["kind"] as? String == "matched" && ($0["lesions"] as? [String]) == ["T01"] })

        // Proposed values are not assessed; after confirmation they are.
        let before = try nadir.run(["assess", "S01", "--json"])
        let beforeTimepoints = (try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])?["timepoints"] as? [[String: Any]]
        #expect(beforeTimepoints?.first?["overall"] as? String == "NE")
        #expect(try nadir.run(["measure", "confirm", "S01", "WEEK 8"]).status == 0)
        let after = try nadir.run(["assess", "S01", "--json"])
        let afterTimepoints = (try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])?["timepoints"] as? [[String: Any]]
        // Designed: the long axis shrinks to 60 % (-40 %), a partial response by RECIST 1.1 (<= -30 %).
        #expect(afterTimepoints?.first?["overall"] as? String == "PR")

        // Re-measuring the same scans with the same seeds gives the same values: nothing changes.
        let again = try nadir.run(["measure", "S01", "BASELINE", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let mesh = nadir.directory.appendingPathComponent("t01.stl").path
        #expect(try nadir.run(["export", "mesh", "S01", "T01", "--format", "stl", "--out", mesh]).status == 0)
        let stl = try Data(contentsOf: URL(fileURLWithPath: mesh))
        // Binary STL: 80-byte header, triangle count, 50 bytes per triangle.
        let triangles = stl.subdata(in: 80..<84).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        #expect(stl.count == 84 + 50 * Int(UInt32(littleEndian: triangles)))
        #expect(triangles > 100)

        // `nadir report` writes the snapshot gallery too: T01 at both visits, four PNG views each.
        let reportFolder = nadir.directory.appendingPathComponent("report-folder").path
        let written = try nadir.run(["report", "--trial", "T", "--out", reportFolder])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: reportFolder + "/patients/S01/report.html", encoding: .utf8)
        #expect(html.contains("Snapshot gallery"))
        #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == 8)
    }
}
