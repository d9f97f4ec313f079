import ArgumentParser
import Foundation
import NadirModel
import NadirWorkflow

/// `nadir measure import-sr FILE --subject S [--visit V]`: a TID 1500 report's measurements, all or nothing.
struct ImportSRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sr", abstract: "Import a DICOM SR TID 1500 Measurement Report (OHIF, Slicer) as measurements.",
        discussion: """
            Each measurement group maps to a lesion by its Tracking Unique Identifier, else its Tracking Identifier
            (T01...). Long axis and short axis (mm, or cm converted) and volume (mm3) are recorded for the reader;
            a group that matches no lesion, or a value that is not a number in those units, stops the import and
            nothing is written. Replacing recorded values needs --reason; every change is audited.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The SR file.") var file: String
    @Option(help: "The trial subject ID the report is about (the SR's patient ID is never stored).") var subject: SubjectID
    @Option(help: "The visit (default: the SR's Subject Time Point Identifier).") var visit: String?
    @Option(help: "Who read the scan (default: the user).") var reader: String?
    @Option(help: "Why recorded values are being replaced.") var reason: String?

    func run() throws {
        try runReporting {
            let workflow = StructuredReportImportWorkflow(database: try options.openDatabase())
            let (visit, values) = try workflow.importReport(
                url: URL(fileURLWithPath: file), subject: subject, visit: visit, reader: reader ?? options.actingUser,
                context: options.context(reason ?? "measure import-sr \(URL(fileURLWithPath: file).lastPathComponent)"),
                isCorrection: reason != nil)
            try Output.emit(values, json: options.json) {
                values.map { "\($0.outcome): \($0.lesion) at \(visit) long axis \($0.longAxis ?? "-") mm, short axis \($0.shortAxis ?? "-") mm, volume \($0.volume ?? "-") mm3" }
                    .joined(separator: "\n")
            }
        }
    }
}
