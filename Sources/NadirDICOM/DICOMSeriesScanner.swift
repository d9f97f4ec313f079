public import Foundation
import Synchronization

/// Finds the series in a folder (recursively): reads every file's header (not its pixels, both cores), groups
/// by Series Instance UID, sorts slices along the normal and reports what is wrong.
public enum DICOMSeriesScanner {
    /// SOP Class UID of Segmentation Storage (PS3.4 B.5).
    public static let segmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4"

    /// Scans `folder` and everything below it. Unreadable files become diagnostics, never errors.
    public static func scan(folder: URL, options: DeidentificationOptions = DeidentificationOptions())
        -> DICOMScanResult
    {
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        return scan(files: files, options: options)
    }

    /// Scans a list of files.
    public static func scan(files: [URL], options: DeidentificationOptions = DeidentificationOptions())
        -> DICOMScanResult
    {
        let headers = Mutex([Result<DICOMFile, DICOMError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result: Result<DICOMFile, DICOMError>
            do throws(DICOMError) {
                result = .success(try DICOMFileReader.read(url: files[i], headerOnly: true))
            } catch {
                result = .failure(error)
            }
            headers.withLock { $0[i] = result }
        }
        var diagnostics: [DICOMDiagnostic] = []
        var groups: [String: [(URL, DICOMFile)]] = [:]
        for (url, header) in zip(files, headers.withLock { $0 }) {
            switch header {
            case .success(let file):
                guard let uid = file.dataSet.string(.seriesInstanceUID) else {
                    diagnostics.append(DICOMDiagnostic(.unreadableFile, .warning, "no Series Instance UID",
                                                       file: url, tag: .seriesInstanceUID))
                    continue
                }
                groups[uid, default: []].append((url, file))
            case .failure(let error):
                diagnostics.append(DICOMDiagnostic(.unreadableFile, .info, error.description, file: url,
                                                   tag: error.tag))
            case nil:
                break
            }
        }
        let series = groups.keys.sorted().map { uid in summarize(uid: uid, files: groups[uid] ?? [], options: options) }
        return DICOMScanResult(series: series, diagnostics: diagnostics)
    }

    static func summarize(uid: String, files: [(URL, DICOMFile)], options: DeidentificationOptions)
        -> DICOMSeriesSummary
    {
        let first = files[0].1
        let sopClass = first.dataSet.string(.sopClassUID)
        var diagnostics: [DICOMDiagnostic] = []
        var summary = DICOMSeriesSummary(
            seriesInstanceUID: uid, kind: .other, files: files.map(\.0), slices: [], geometry: nil,
            metadata: ScanMetadata(dataSet: first.dataSet, options: options),
            transferSyntaxes: Set(files.map(\.1.transferSyntax)), diagnostics: [])
        if sopClass == segmentationStorage {
            summary.kind = .segmentation
            return summary
        }
        guard first.dataSet.contains(.rows) else {
            diagnostics.append(DICOMDiagnostic(.nonImageObject, .info, "\(files.count) object(s) of SOP class "
                + "\(sopClass ?? "?") without pixels: not a volume", file: files[0].0))
            summary.diagnostics = diagnostics
            return summary
        }
        summary.kind = .image
        var slices: [DICOMSlice] = []
        for (url, file) in files {
            do throws(DICOMError) {
                slices += try DICOMSlice.slices(of: file, url: url)
            } catch {
                diagnostics.append(DICOMDiagnostic(.missingGeometry, .warning, error.message, file: url, tag: error.tag))
            }
        }
        for syntax in summary.transferSyntaxes where !syntax.isPixelDataSupported {
            diagnostics.append(DICOMDiagnostic(.unsupportedTransferSyntax, .warning,
                "pixel data in \(syntax) cannot be decoded by this reader"))
        }
        let stack = SliceStackGeometry.assemble(slices)
        summary.slices = stack.slices
        summary.geometry = stack.geometry
        summary.diagnostics = diagnostics + stack.diagnostics
        return summary
    }
}
