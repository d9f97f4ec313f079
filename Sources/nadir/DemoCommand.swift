import ArgumentParser
import Foundation
import NadirDemo

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole job on the built-in demo trial and show the result.")

    @Option(help: "Where to write the demo database and reports.") var out = "Reports/demo"
    @Option(help: "Who runs the demo, for the audit trail (default: $USER).") var user: String?
    @Flag(help: "Print machine-readable JSON (the patient cases).") var json = false

    func run() throws {
        try runReporting {
            let who = CurrentUser.name(override: user)
            let runner = DemoRunner(outputDirectory: URL(fileURLWithPath: out), user: who)
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
            print("nadir demo: try `nadir show patient DEMO-001 --db \(result.databasePath)` or `nadir audit DEMO-006 --db \(result.databasePath)`")
        }
    }
}
