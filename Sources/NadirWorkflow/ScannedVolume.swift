public import Foundation
internal import NadirDICOM
internal import NadirImageIO
public import NadirImaging
public import NadirModel

/// A scan read from disk, de-identified: voxels, geometry and the facts safe to store.
public struct ScannedVolume: Sendable {
    public var format: ScanFormat
    public var volume: AnyVolume
    public var modality: String?
    public var studyUID: String?
    public var seriesUID: String?
    public var sliceThickness: Length?
    /// Reader findings (gaps, uneven spacing, tilt, type changes), one sentence each, without file paths.
    public var diagnostics: [String]
    /// The source files, in a stable order (for the source hash; never stored).
    var sourceFiles: [URL]
}

/// Reads any scan Nadir accepts: a DICOM folder or file (one image series), `.nii`, `.nii.gz`, `.nrrd`, `.nhdr`.
public enum ScanReader {
    /// What a path holds, for `nadir scan info`: each DICOM series, or the one NIfTI/NRRD volume.
    public struct Summary: Sendable, Codable {
        public struct Series: Sendable, Codable {
            public var seriesUID: String?
            public var kind: String
            public var modality: String?
            public var files: Int
            public var slices: Int
            public var voxelType: String?
            public var geometry: GeometryDescription?
            public var sliceThickness: Double?
            public var diagnostics: [String]
        }

        public var format: ScanFormat
        public var series: [Series]
        /// Files that belong to no series (unreadable, not DICOM), counted, not named.
        public var unreadableFiles: Int
    }

    /// Describes what `url` holds without importing it.
    public static func summarize(_ url: URL) throws -> Summary {
        let format = try detect(url)
        switch format {
        case .dicom:
            let result = try scanDICOM(url)
            let series = result.series.map { s in
                Summary.Series(seriesUID: s.seriesInstanceUID, kind: s.kind.rawValue, modality: s.metadata.modality,
                               files: s.files.count, slices: s.slices.count, voxelType: nil,
                               geometry: s.geometry.map(describe), sliceThickness: s.metadata.sliceThickness,
                               diagnostics: s.diagnostics.map(\.message))
            }
            return Summary(format: .dicom, series: series, unreadableFiles: result.diagnostics.count)
        case .nifti, .nrrd:
            let scanned = try read(url, series: nil)
            return Summary(format: format, series: [Summary.Series(
                seriesUID: nil, kind: "image", modality: nil, files: scanned.sourceFiles.count,
                slices: scanned.volume.geometry.size.z, voxelType: scanned.volume.voxelTypeName,
                geometry: describe(scanned.volume.geometry), sliceThickness: nil, diagnostics: scanned.diagnostics)],
                unreadableFiles: 0)
        }
    }

    /// Reads the scan at `url`. A DICOM folder with several image series needs `series` (a Series Instance UID).
    public static func read(_ url: URL, series wanted: String?) throws -> ScannedVolume {
        switch try detect(url) {
        case .dicom:
            let result = try scanDICOM(url)
            let images = result.series.filter { $0.kind == .image }
            let chosen: DICOMSeriesSummary
            if let wanted {
                guard let match = images.first(where: { $0.seriesInstanceUID == wanted }) else {
                    throw WorkflowError(.unsupportedInput, "no image series \(wanted) here; series: "
                        + images.map(\.seriesInstanceUID).joined(separator: ", "))
                }
                chosen = match
            } else {
                guard let only = images.first else {
                    throw WorkflowError(.unsupportedInput, "no DICOM image series found (\(result.diagnostics.count) unreadable files)")
                }
                guard images.count == 1 else {
                    let list = images.map { "\($0.seriesInstanceUID) (\($0.metadata.modality ?? "?"), \($0.slices.count) slices)" }
                    throw WorkflowError(.unsupportedInput, "\(images.count) image series here; choose one with --series: "
                        + list.joined(separator: "; "))
                }
                chosen = only
            }
            let (volume, metadata, diagnostics) = try DICOMSeriesReader.readVolume(series: chosen)
            return ScannedVolume(
                format: .dicom, volume: volume, modality: metadata.modality, studyUID: metadata.studyInstanceUID,
                seriesUID: metadata.seriesInstanceUID, sliceThickness: metadata.sliceThickness.flatMap { Length(rounding: $0) },
                diagnostics: (chosen.diagnostics + diagnostics).map(\.message), sourceFiles: chosen.files.sorted { $0.path < $1.path })
        case let format:
            let (volume, diagnostics) = try ImageFileReader.read(url: url)
            var files = [url]
            if url.pathExtension == "nhdr" || url.pathExtension == "hdr" {
                files = (try? FileManager.default.contentsOfDirectory(at: url.deletingLastPathComponent(),
                                                                       includingPropertiesForKeys: nil))?
                    .filter { $0.deletingPathExtension().lastPathComponent == url.deletingPathExtension().lastPathComponent }
                    .sorted { $0.path < $1.path } ?? [url]
            }
            return ScannedVolume(format: format, volume: volume, modality: nil, studyUID: nil, seriesUID: nil,
                                 sliceThickness: nil, diagnostics: diagnostics.map(\.description), sourceFiles: files)
        }
    }

    static func detect(_ url: URL) throws -> ScanFormat {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw WorkflowError(.unsupportedInput, "\(url.path) does not exist")
        }
        if isDirectory.boolValue { return .dicom }
        switch ImageFileFormat.detect(url: url) {
        case .dicom: return .dicom
        case .nifti: return .nifti
        case .nrrd: return .nrrd
        case nil:
            throw WorkflowError(.unsupportedInput, "\(url.lastPathComponent) is not DICOM, NIfTI or NRRD")
        }
    }

    static func scanDICOM(_ url: URL) throws -> DICOMScanResult {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        return isDirectory.boolValue ? DICOMSeriesScanner.scan(folder: url) : DICOMSeriesScanner.scan(files: [url])
    }

    /// Geometry as plain numbers for records.
    public static func describe(_ g: ImageGeometry) -> GeometryDescription {
        let d = g.direction
        return GeometryDescription(size: [g.size.x, g.size.y, g.size.z], origin: [g.origin.x, g.origin.y, g.origin.z],
                                   spacing: [g.spacing.x, g.spacing.y, g.spacing.z],
                                   direction: [d.c0.x, d.c0.y, d.c0.z, d.c1.x, d.c1.y, d.c1.z, d.c2.x, d.c2.y, d.c2.z])
    }
}
