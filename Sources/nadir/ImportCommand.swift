import ArgumentParser
import Foundation
import NadirInterchange
import NadirModel
import NadirStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import trial data.", subcommands: [CSV.self])

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Import a lesion-level CSV (all or nothing).",
            discussion: "Columns: \(LesionCSVColumn.requiredHeader) (+ reader, trial, cancer_type, criteria, slice_thickness_mm, parents, relation). See README.md.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Trial for rows without a trial column.") var trial: TrialID?
        @Option(help: "Reader for rows without a reader column (default: the user).") var reader: String?

        func run() throws {
            try runReporting {
                let summary = try LesionCSVImport.run(file: file, database: options.openDatabase(),
                                                      trial: trial, reader: reader ?? options.actingUser,
                                                      context: options.context("import csv \(URL(fileURLWithPath: file).lastPathComponent)"))
                try Output.emit(summary, json: options.json) {
                    "imported \(summary.file): \(summary.patientsAdded) patients, \(summary.timepointsAdded) visits, \(summary.lesionsAdded) lesions, \(summary.measurementsAdded) measurements, \(summary.statusesAdded) statuses added; \(summary.unchanged) rows already stored"
                }
            }
        }
    }
}
