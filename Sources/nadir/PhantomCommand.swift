import ArgumentParser
import Foundation
import NadirTestSupport

/// `nadir phantom`: writes a synthetic CT study of a scenario, for users who want test data.
struct PhantomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phantom",
        abstract: "Write a synthetic CT study (DICOM series and NIfTI per timepoint, plus ground-truth.json).",
        discussion: """
            The chest phantom (body, lungs, liver, heart, aorta, spine, ribs, noise) with the scenario's lesions at
            their designed sizes, the body moved a little between scans. Scenarios: \
            \(StudyScenario.demoTrial.map { "\($0.name) (\($0.subjectID))" }.joined(separator: ", ")).
            """)

    @Option(help: "Folder to write the study into (required unless --list).") var out: String?
    @Option(help: "Scenario name or subject ID.") var scenario = StudyScenario.nsclcResponder.name
    @Option(help: "In-plane voxels (field of view 360 mm; default 288).") var size: Int?
    @Option(help: "Noise standard deviation at 1 mm slices, HU.") var noise = 12.0
    @Option(help: "Formats: dicom, nifti or both (comma-separated).") var format = "dicom,nifti"
    @Flag(help: "List the scenarios and their designed responses, and write nothing.") var list = false

    func run() throws {
        try runReporting {
            if list {
                for s in StudyScenario.demoTrial {
                    let designed = try s.designedResponses().map { "\($0.visit) \($0.overall)" }.joined(separator: ", ")
                    print("\(s.name) (\(s.subjectID), \(s.cancerType), \(s.criteria)): \(designed)")
                    print("  \(s.summary)")
                }
                return
            }
            guard let out else { throw ValidationError("give --out FOLDER (or --list)") }
            guard let chosen = StudyScenario.named(scenario) else {
                throw ValidationError("no scenario '\(scenario)'; see `nadir phantom --list`")
            }
            var formats: StudyWriter.Formats = []
            for name in format.lowercased().split(separator: ",") {
                switch name.trimmingCharacters(in: .whitespaces) {
                case "dicom": formats.insert(.dicom)
                case "nifti": formats.insert(.nifti)
                default: throw ValidationError("unknown format '\(name)'; use dicom, nifti or both")
                }
            }
            let grid = size.map { StudyWriter.Grid.demo(inPlane: $0) } ?? .demo
            let folder = URL(fileURLWithPath: out)
            let written = try StudyWriter(grid: grid, noiseAt1mm: noise, formats: formats).write(chosen, to: folder) { print("nadir phantom: \($0)") }
            for scan in written {
                let files = [scan.dicomFolder?.path, scan.niftiFile?.path].compactMap { $0 }.joined(separator: ", ")
                print("\(scan.visit): \(files)")
            }
            print("ground truth: \(folder.appendingPathComponent("ground-truth.json").path)")
        }
    }
}
