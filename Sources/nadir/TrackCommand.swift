import ArgumentParser
import Foundation
import NadirModel
import NadirWorkflow

struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Align a follow-up scan to baseline and find every lesion again; proposals await confirmation.",
        discussion: """
            Rigid registration (Mattes MI) to the baseline scan, every lesion re-segmented at its registered seed,
            optimal matching (split, merge, not found), candidate new lesions by subtraction. Nothing is final
            until `nadir measure confirm SUBJECT VISIT` (or a correction); reject a candidate with
            `nadir lesion reject SUBJECT NEWnn --reason ...`.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The trial subject ID.") var subject: SubjectID
    @Argument(help: "The follow-up visit.") var visit: String
    @Option(help: "Who reads (default: the user).") var reader: String?
    @Flag(help: "Do not look for candidate new lesions.") var noNewLesions = false
    @Option(help: "Why a visit whose tracking was already confirmed is tracked again.") var reason: String?

    func run() throws {
        try runReporting {
            var workflow = TrackingWorkflow(database: try options.openDatabase(),
                                            store: ImageStore(databasePath: options.databasePath))
            workflow.findsNewLesions = !noNewLesions
            let progress = ProgressLine(enabled: !options.json)
            let report = try workflow.track(subject: subject, visit: visit, reader: reader ?? options.actingUser,
                                            context: options.context(reason ?? "track \(subject) \(visit)"),
                                            replacingConfirmed: reason != nil, progress: progress.step)
            progress.finish()
            try Output.emit(report, json: options.json) {
                var table = TextTable(header: ["Proposal", "Lesions", "Recorded as", "Long axis", "Detail"])
                for item in report.lesions {
                    table.rows.append([item.kind, item.lesions.map(\.rawValue).joined(separator: "+"),
                                       item.proposedLesions.map(\.rawValue).joined(separator: ", "),
                                       item.measurements.map { $0.longAxis.map { "\($0)" } ?? $0.state.rawValue }.joined(separator: ", "),
                                       item.detail])
                }
                return "registered \(visit) to \(report.referenceVisit): \(report.registration.metric) \(String(format: "%.4f", report.registration.finalMetric)), \(report.registration.iterations) iterations, \(report.registration.stopReason)\n"
                    + table.render() + "\nconfirm with `nadir measure confirm \(subject) \"\(visit)\"`"
            }
        }
    }
}
