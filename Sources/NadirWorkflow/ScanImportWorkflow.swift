public import Foundation
public import NadirModel
public import NadirStore

/// `nadir scan import`: reads a scan, keeps a verified copy in the image store, and records it on the visit.
///
/// Privacy: only de-identified facts are stored (modality, UIDs under the Retain UIDs Option, slice thickness,
/// geometry). The source's path is not stored (folder names often carry patient names): the source is known by
/// its format, file count and SHA-256, so a changed or different source is detected when it is imported again.
public struct ScanImportWorkflow: Sendable {
    public var database: CaseDatabase
    public var store: ImageStore

    public init(database: CaseDatabase, store: ImageStore) {
        self.database = database
        self.store = store
    }

    /// Imports the scan at `url` for `subject`'s `visit` (created first when `date` is given and it is new).
    @discardableResult
    public func importScan(subject: SubjectID, visit: String, url: URL, series: String? = nil, date: CalendarDate? = nil,
                           modality: String? = nil, context: AuditContext, isCorrection: Bool = false,
                           progress: (String) -> Void = { _ in }) throws -> (ScanReference, RecordOutcome) {
        progress("reading \(url.lastPathComponent)")
        let scanned = try ScanReader.read(url, series: series)
        progress("hashing the source (\(scanned.sourceFiles.count) files)")
        let sourceHash = try ImageStore.sourceHash(scanned.sourceFiles)
        progress("storing a verified copy in \(store.root.lastPathComponent)")
        let (path, contentHash) = try store.store(scanned.volume)
        let reference = ScanReference(
            subjectID: subject, visit: visit, format: scanned.format,
            sourcePath: "\(scanned.format.rawValue), \(scanned.sourceFiles.count) file\(scanned.sourceFiles.count == 1 ? "" : "s")",
            sourceHash: sourceHash, contentHash: contentHash, storedPath: path,
            voxelType: scanned.volume.voxelTypeName, geometry: ScanReader.describe(scanned.volume.geometry),
            modality: scanned.modality ?? modality, studyUID: scanned.studyUID, seriesUID: scanned.seriesUID,
            sliceThickness: scanned.sliceThickness, diagnostics: scanned.diagnostics)
        let outcome = try database.write(as: context) { writer -> RecordOutcome in
            if try writer.reader.timepoints(subject).contains(where: { $0.visit == visit }) == false {
                guard let date else {
                    throw WorkflowError(.missingScan, subject: subject, visit: visit,
                                        "no visit \(visit); add it with `nadir timepoint add` or pass --date YYYY-MM-DD")
                }
                try writer.addTimePoint(TimePoint(subjectID: subject, visit: visit, date: date))
            }
            return try writer.record(reference, isCorrection: isCorrection)
        }
        return (reference, outcome)
    }
}
