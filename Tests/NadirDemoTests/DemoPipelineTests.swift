import Foundation
import NadirDemo
import NadirTestSupport
import NadirWorkflow
import Testing

/// The demo pipeline (DICOM series -> import -> seed -> register and track -> review -> assess -> report) on a
/// reduced trial: the colorectal (RECIST 1.1 SD then PD by a new lesion) and HCC (mRECIST PR, PR) scenarios on a
/// small liver-centred grid, checked against the responses each scenario was designed to produce.
@Suite struct DemoPipelineTests {
    /// 112 x 112 x 40 voxels of 1.6 x 1.6 x 2.5 mm around the liver (179 x 179 x 100 mm).
    static let grid = StudyWriter.Grid(size: [112, 112, 40], spacing: [1.6, 1.6, 2.5], centre: [-55, -10, -75])

    @Test func reducedTrialIsAsDesigned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-demo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = DemoRunner(outputDirectory: folder, user: "test",
                                scenarios: [.colorectalNewLesion, .hccResponder], grid: Self.grid, galleryImageSize: 64)
        let result = try runner.run()
        #expect(result.verdicts.count == 2)
        for verdict in result.verdicts {
            let scenario = try #require(StudyScenario.named(verdict.scenario))
            let designed = try scenario.designedResponses().map(\.overall)
            #expect(verdict.resolvedCriteria == scenario.criteria)
            #expect(verdict.rows.map(\.computed) == designed, "\(verdict.lines.joined(separator: "\n"))")
            #expect(verdict.lesionsMatch, "\(verdict.lines.joined(separator: "\n"))")
            // Every designed lesion at every follow-up was reviewed (tracked, or the new lesion found).
            for (index, tp) in scenario.timepoints.enumerated().dropFirst() {
                for lesion in scenario.lesions where lesion.radii[index] != nil {
                    #expect(verdict.reviews.contains { $0.visit == tp.visit && $0.scenarioLesion == lesion.id },
                            "\(scenario.subjectID) \(tp.visit) \(lesion.id) was not reviewed")
                }
            }
        }
        // The new lesion of the colorectal patient was found by tracking, not placed by hand.
        let crc = try #require(result.verdicts.first { $0.subjectID == "DEMO-002" })
        #expect(crc.reviews.contains { $0.scenarioLesion == "NEW01" && $0.outcome == "candidate new lesion accepted" })
        #expect(FileManager.default.fileExists(atPath: result.reportIndex.path))
        // The gallery holds one cell (one zoomed axial image) per lesion per visit the lesion is present at.
        for scenario in [StudyScenario.colorectalNewLesion, .hccResponder] {
            let page = folder.appendingPathComponent("report/patients/\(scenario.subjectID)/report.html")
            let html = try String(contentsOf: page, encoding: .utf8)
            let cells = html.components(separatedBy: "<img class=\"main\"").count - 1
            #expect(cells == scenario.lesions.reduce(0) { $0 + $1.radii.compactMap { $0 }.count }, "\(scenario.subjectID)")
        }
        let truth = folder.appendingPathComponent("studies/DEMO-002/ground-truth.json")
        let decoded = try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: truth))
        #expect(decoded.designedResponses.map(\.overall) == ["SD", "PD"])
        #expect(decoded.timepoints[2].lesions.map(\.id) == ["T01", "T02", "NEW01"])
    }
}
