import ArgumentParser
import Foundation
import NadirModel
import NadirWorkflow

/// `nadir export dicom SUBJECT VISIT --out DIR`: the visit's de-identified series, a SEG of its lesion masks and
/// a TID 1500 Measurement Report (Comprehensive 3D SR).
struct DICOMExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dicom", abstract: "Write a visit as DICOM: the de-identified series, a SEG of the lesion masks, a TID 1500 SR.",
        discussion: """
            DIR receives CT/ (one file per slice), SEG.dcm and SR.dcm. The SR holds, per lesion, its tracking
            identifier and UID (the same at every visit), finding site, long and short axis (mm), volume (mm3) and
            the SEG segment, plus the visit's stored response (run `nadir assess` first). UIDs derive from the
            stored content, so exporting again gives the same objects.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The trial subject ID.") var subject: SubjectID
    @Argument(help: "The visit label.") var visit: String
    @Option(help: "The output folder.") var out: String

    func run() throws {
        try runReporting {
            let workflow = DICOMExportWorkflow(database: try options.openDatabase(),
                                               store: ImageStore(databasePath: options.databasePath))
            let result = try workflow.export(subject: subject, visit: visit, to: URL(fileURLWithPath: out))
            try Output.emit(result, json: options.json) {
                var lines = ["wrote \(result.imageFiles.count) CT slices, "
                    + (result.segmentationFile.map { "\($0), " } ?? "") + result.reportFile,
                             "lesions: \(result.lesions.joined(separator: ", ")); response: \(result.response ?? "not assessed")"]
                lines += result.warnings.map { "warning: \($0)" }
                return lines.joined(separator: "\n")
            }
        }
    }
}
