import ArgumentParser
import Foundation
import NadirModel
import NadirWorkflow

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a patient's response report, or a trial's (index page, every patient, cohort charts, exports).",
        discussion: "Patients are assessed first, so the report shows what the rules decide on the data as it stands.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The trial subject ID (or use --trial).") var subject: SubjectID?
    @Option(help: "Report every patient of this trial.") var trial: TrialID?
    @Option(help: "The output folder.") var out: String
    @Option(help: "The criteria folder (default: $NADIR_CRITERIA, ./Criteria, the source tree's).") var criteria: String?
    @Option(help: "A site criteria folder added to the shipped one (repeatable).") var siteCriteria: [String] = []

    func validate() throws {
        if (subject == nil) == (trial == nil) { throw ValidationError("give a subject ID or --trial, not both") }
    }

    func run() throws {
        try runReporting {
            let workflow = ReportWorkflow(assessment: AssessmentWorkflow(
                database: try options.openDatabase(),
                catalog: try CriteriaLocator.catalog(explicit: criteria, siteDirectories: siteCriteria)))
            let folder = URL(fileURLWithPath: out)
            // The snapshot gallery comes from the image store beside the database (as `nadir demo` writes it).
            let store = ImageStore(databasePath: options.databasePath)
            if let subject {
                let files = try workflow.writePatient(subject, to: folder, context: options.context("report \(subject)"),
                                                      store: store)
                try Output.emit(files.map(\.path), json: options.json) { "wrote " + files.map(\.path).joined(separator: ", ") }
            } else if let trial {
                try workflow.writeTrial(trial, to: folder, context: options.context("report --trial \(trial)"), store: store)
                let index = folder.appendingPathComponent("index.html").path
                try Output.emit(["index": index], json: options.json) { "wrote the trial report: open \(index)" }
            }
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a trial (CSV, CDISC SDTM) or a lesion's mesh.",
        subcommands: [TrialExport.self, MeshExport.self, DICOMExportCommand.self], defaultSubcommand: TrialExport.self)
}

struct MeshExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh", abstract: "Write a lesion's watertight surface mesh (STL or OBJ, LPS mm) for viewers and 3D printing.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The trial subject ID.") var subject: SubjectID
    @Argument(help: "The lesion's tracking ID.") var lesion: LesionID
    @Option(help: "stl or obj.") var format = "stl"
    @Option(help: "The visit (default: the lesion's latest segmentation).") var visit: String?
    @Option(help: "The output file.") var out: String

    func run() throws {
        try runReporting {
            let workflow = LesionWorkflow(database: try options.openDatabase(), store: ImageStore(databasePath: options.databasePath))
            let data = try workflow.mesh(subject: subject, lesion: lesion, visit: visit, format: format)
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            try Output.emit(["file": out], json: options.json) { "wrote \(out) (\(data.count) bytes)" }
        }
    }
}

struct TrialExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial", abstract: "Export a trial: lesion-level CSV, or CDISC SDTM TU/TR/RS as CSV and SAS transport v5 (.xpt).")

    @OptionGroup var options: GlobalOptions
    @Option(help: "The trial.") var trial: TrialID
    @Option(help: "csv or sdtm.") var format: String
    @Option(help: "The output folder.") var out: String
    @Option(help: "The criteria folder (default: $NADIR_CRITERIA, ./Criteria, the source tree's).") var criteria: String?
    @Option(help: "A site criteria folder added to the shipped one (repeatable), as for assess and report.")
    var siteCriteria: [String] = []

    func run() throws {
        try runReporting {
            guard let kind = ReportWorkflow.ExportFormat(rawValue: format) else {
                throw ValidationError("--format is csv or sdtm, not '\(format)'")
            }
            let workflow = ReportWorkflow(assessment: AssessmentWorkflow(
                database: try options.openDatabase(),
                catalog: try CriteriaLocator.catalog(explicit: criteria, siteDirectories: siteCriteria)))
            let files = try workflow.export(trial, format: kind, to: URL(fileURLWithPath: out),
                                            context: options.context("export --trial \(trial) --format \(format)"))
            try Output.emit(files.map(\.path), json: options.json) { "wrote " + files.map(\.path).joined(separator: ", ") }
        }
    }
}
