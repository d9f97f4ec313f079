public import NadirImaging
public import Foundation

/// The image file formats Nadir recognises, by extension and first bytes, so that callers can route DICOM
/// elsewhere and hand NIfTI and NRRD to `ImageFileReader`.
public enum ImageFileFormat: String, Sendable, CaseIterable {
    /// NIfTI-1 or NIfTI-2, single file or .hdr/.img pair, possibly gzipped.
    case nifti
    /// NRRD with attached (.nrrd) or detached (.nhdr) data.
    case nrrd
    /// A DICOM Part 10 file ("DICM" at byte 128) or a folder (a series), read by the DICOM module.
    case dicom

    /// The format of the file or folder at `url`, or `nil` when it is none of these.
    /// The first bytes decide when they are clear (gzip members are inflated far enough to see a NIfTI header);
    /// the extension decides otherwise.
    public static func detect(url: URL) -> ImageFileFormat? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return .dicom }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        if let format = detect(head: head) { return format }
        let name = url.lastPathComponent.lowercased()
        if [".nii", ".nii.gz", ".hdr", ".hdr.gz"].contains(where: name.hasSuffix) { return .nifti }
        if name.hasSuffix(".nrrd") || name.hasSuffix(".nhdr") { return .nrrd }
        if name.hasSuffix(".dcm") { return .dicom }
        return nil
    }

    /// The format told by a file's first bytes, if they tell one.
    public static func detect(head: Data) -> ImageFileFormat? {
        let bytes = [UInt8](head)
        if bytes.starts(with: Array("NRRD000".utf8)) { return .nrrd }
        if bytes.count >= 132, bytes[128..<132].elementsEqual("DICM".utf8) { return .dicom }
        let header = bytes.withUnsafeBytes { raw in
            (try? ByteSource.prefix(raw, count: NIfTILayout.nifti2.headerSize, file: nil)) ?? []
        }
        if (try? NIfTIHeader.decode(header)) != nil { return .nifti }
        return nil
    }
}

/// Reads an image file of any format Nadir reads here (NIfTI, NRRD), chosen by `ImageFileFormat.detect`.
public enum ImageFileReader {
    /// Reads the volume at `url` with warnings; DICOM and unknown files throw `unknownFormat`.
    public static func read(url: URL) throws(ImageIOError) -> (AnyVolume, [ImageIODiagnostic]) {
        switch ImageFileFormat.detect(url: url) {
        case .nifti: return try NIfTIReader().read(url: url)
        case .nrrd: return try NRRDReader().read(url: url)
        case .dicom:
            throw ImageIOError(.unknownFormat, file: url, detail: "this is DICOM; read it with the DICOM series reader")
        case nil:
            throw ImageIOError(.unknownFormat, file: url, detail: "neither NIfTI (.nii, .nii.gz, .hdr) nor NRRD "
                                   + "(.nrrd, .nhdr) by extension or content")
        }
    }
}
