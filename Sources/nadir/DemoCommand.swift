import ArgumentParser
import Foundation
import NadirDemo
import NadirTestSupport

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole job on a synthetic trial, from DICOM to reports, and check it against its design.",
        discussion: """
            Five synthetic patients (NSCLC/RECIST 1.1, colorectal/RECIST 1.1 with a new lesion, HCC/mRECIST,
            melanoma/iRECIST pseudo-progression, DLBCL/Lugano 2014) are written as DICOM CT series, imported, their
            baseline lesions placed by seed, every follow-up registered and tracked, the proposals reviewed, every
            patient assessed, and the report written. Exits non-zero if a computed response differs from the
            designed one. --csv-only runs the quick demo from typed diameters instead (no images).
            """)

    @Option(help: "Where to write the demo's studies, database and reports.") var out = "Reports/demo"
    @Option(help: "Who runs the demo, for the audit trail (default: $USER).") var user: String?
    @Option(help: "In-plane voxels of each scan (field of view 360 mm; default 288).") var size: Int?
    @Option(help: "Run only these scenarios (names or subject IDs, comma-separated).") var patients: String?
    @Flag(help: "The quick demo from the bundled lesion-level CSV, without images.") var csvOnly = false
    @Flag(help: "Print machine-readable JSON (designed against computed, per patient).") var json = false

    func run() throws {
        try runReporting {
            let who = CurrentUser.name(override: user)
            if csvOnly { return try runCSV(user: who) }
            var scenarios = StudyScenario.demoTrial
            if let patients {
                scenarios = try patients.split(separator: ",").map { name in
                    guard let s = StudyScenario.named(String(name)) else {
                        throw ValidationError("no scenario '\(name)'; scenarios: \(StudyScenario.demoTrial.map(\.name).joined(separator: ", "))")
                    }
                    return s
                }
            }
            let grid = size.map { StudyWriter.Grid.demo(inPlane: $0) } ?? .demo
            let runner = DemoRunner(outputDirectory: URL(fileURLWithPath: out), user: who, scenarios: scenarios, grid: grid)
            let start = Date()
            let result = try runner.run { step in
                if !json { print(String(format: "[%6.1f s] ", Date().timeIntervalSince(start)) + step) }
            }
            if json {
                try Output.json(result.verdicts)
            } else {
                print("")
                print("Designed against computed overall responses (follow-ups):")
                for verdict in result.verdicts { verdict.lines.forEach { print($0) } }
                print("")
                print("Time per stage (\(grid.size.x)x\(grid.size.y)x\(grid.size.z) voxels of \(grid.spacing.x)x\(grid.spacing.y)x\(grid.spacing.z) mm):")
                for stage in result.stages { print(String(format: "  %-45@ %7.1f s", stage.name as NSString, stage.seconds)) }
                print(String(format: "  %-45@ %7.1f s", "total" as NSString, Date().timeIntervalSince(start)))
                print("")
                print("nadir demo: the trial report is \(result.reportIndex.path)")
                print("nadir demo: designed against computed: \(URL(fileURLWithPath: out).appendingPathComponent("designed-vs-computed.md").path)")
                print("nadir demo: DICOM series and ground truth: \(result.studiesFolder.path)/<subject>/")
                print("nadir demo: try `nadir show patient DEMO-004 --db \(result.databasePath)` or `nadir assess DEMO-005 --trace --db \(result.databasePath)`")
            }
            if !result.isAsDesigned {
                print("nadir demo: computed results differ from the design (see above)")
                throw ExitCode(2)
            }
        }
    }

    func runCSV(user: String) throws {
        let runner = CSVDemoRunner(outputDirectory: URL(fileURLWithPath: out), user: user)
        let result = try runner.run { step in
            if !json { print("nadir demo: \(step)") }
        }
        if json {
            try Output.json(result.cases)
            return
        }
        for (patientCase, assessment) in zip(result.cases, result.assessments) {
            print("")
            print(PatientCaseText(patientCase).render())
            if let primary = assessment.primary {
                print("")
                print(AssessmentText(result: assessment, reader: primary, showTrace: false).render())
            }
        }
        print("")
        print("nadir demo: \(result.cases.count) patients imported and assessed; database \(result.databasePath)")
        print("nadir demo: the trial report is \(result.reportIndex.path)")
    }
}
