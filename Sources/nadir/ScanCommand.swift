import ArgumentParser
import Foundation
import NadirModel
import NadirStore
import NadirWorkflow

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Import scans and inspect scan files.", subcommands: [Import.self, Info.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a visit's scan: a DICOM folder or file, .nii/.nii.gz, .nrrd/.nhdr.",
            discussion: """
                A verified copy is kept in the image store beside the database (<db>.images/), named by content
                hash. Only de-identified facts are recorded (PS3.15 Annex E; UIDs under the Retain UIDs Option);
                the patient is the subject ID given here. Replacing a visit's scan needs --reason.
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label.") var visit: String
        @Argument(help: "The scan: a folder, a DICOM file, or a NIfTI/NRRD file.") var path: String
        @Option(help: "The Series Instance UID, when a folder holds several image series.") var series: String?
        @Option(help: "Create the visit with this date (YYYY-MM-DD) if it does not exist.") var date: CalendarDate?
        @Option(help: "Modality for NIfTI/NRRD files (DICOM says its own).") var modality: String?
        @Option(help: "Why an existing scan of the visit is being replaced.") var reason: String?

        func run() throws {
            try runReporting {
                let database = try options.openDatabase()
                let workflow = ScanImportWorkflow(database: database, store: ImageStore(databasePath: options.databasePath))
                let progress = ProgressLine(enabled: !options.json)
                let (scan, outcome) = try workflow.importScan(
                    subject: subject, visit: visit, url: URL(fileURLWithPath: path), series: series, date: date,
                    modality: modality, context: options.context(reason ?? "scan import \(subject) \(visit)"),
                    isCorrection: reason != nil, progress: progress.step)
                progress.finish()
                try Output.emit(scan, json: options.json) {
                    let g = scan.geometry
                    var lines = ["\(outcome.rawValue): \(scan.format.rawValue) scan of \(subject) \(visit), \(scan.modality ?? "modality unknown"), "
                        + "\(g.size.map(String.init).joined(separator: "x")) voxels of \(g.spacing.map { String(format: "%.3f", $0) }.joined(separator: " x ")) mm",
                                 "content sha256:\(scan.contentHash)"]
                    lines += scan.diagnostics.map { "warning: \($0)" }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe a scan without importing it (series, geometry in LPS mm, diagnostics).")

        @Argument(help: "A folder, a DICOM file, or a NIfTI/NRRD file.") var path: String
        @Flag(help: "Print machine-readable JSON.") var json = false

        func run() throws {
            try runReporting {
                let summary = try ScanReader.summarize(URL(fileURLWithPath: path))
                try Output.emit(summary, json: json) {
                    var lines = ["\(summary.format.rawValue): \(summary.series.count) series"
                        + (summary.unreadableFiles > 0 ? ", \(summary.unreadableFiles) unreadable files" : "")]
                    for s in summary.series {
                        let size = s.geometry.map { $0.size.map(String.init).joined(separator: "x") } ?? "no volume"
                        lines.append("  \(s.seriesUID ?? "-")  \(s.kind)  \(s.modality ?? "")  \(s.files) files  \(size)")
                        lines += s.diagnostics.map { "    warning: \($0)" }
                    }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}

/// A one-line progress display on a terminal (stderr); silent when stderr is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private var count = 0
    private let start = Date()

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func step(_ message: String) {
        guard enabled else { return }
        count += 1
        let elapsed = String(format: "%5.1f s", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(elapsed)] \(message)".utf8))
    }

    func finish() {
        guard enabled, count > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
