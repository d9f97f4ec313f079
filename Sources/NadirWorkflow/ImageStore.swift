internal import Crypto
public import Foundation
internal import NadirImageIO
public import NadirImaging
public import NadirModel

/// Nadir's own copy of every imported scan and mask, beside the case database (`<db>.images/`), as
/// compressed NIfTI named by content hash. Reads verify the hash, so a changed file is detected, never used.
public struct ImageStore: Sendable {
    /// The folder holding the images.
    public var root: URL

    /// The store beside a database file: `nadir.sqlite` -> `nadir.sqlite.images/`.
    public init(databasePath: String) {
        root = URL(fileURLWithPath: databasePath + ".images", isDirectory: true)
    }

    /// Stores a volume (once per content) and returns its path relative to the store and its content hash.
    public func store(_ volume: AnyVolume) throws -> (path: String, contentHash: String) {
        let hash = volume.contentHash.hex
        let relative = "\(hash).nii.gz"
        let url = root.appendingPathComponent(relative)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            // NIfTI-2: its float64 sform keeps DICOM geometry exactly (NIfTI-1 rounds it to float32).
            try NIfTIWriter(version: .nifti2).write(volume, to: url)
        }
        return (relative, hash)
    }

    /// Loads a stored volume and checks it is the content recorded.
    public func load(_ relativePath: String, expectedHash: String) throws -> AnyVolume {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw WorkflowError(.imageStore, "the stored image \(relativePath) is missing from \(root.path); re-import the scan")
        }
        let (volume, _) = try NIfTIReader().read(url: url)
        let hash = volume.contentHash.hex
        guard hash == expectedHash else {
            throw WorkflowError(.changedSource, "the stored image \(relativePath) has changed (content hash \(hash.prefix(12))..., recorded \(expectedHash.prefix(12))...); it is not used. Re-import the scan")
        }
        return volume
    }

    /// Loads the scan of a visit.
    public func load(_ scan: ScanReference) throws -> AnyVolume {
        try load(scan.storedPath, expectedHash: scan.contentHash)
    }

    /// SHA-256 over the bytes of the source files, in order: detects a changed or different source.
    static func sourceHash(_ files: [URL]) throws -> String {
        var hasher = SHA256()
        for file in files {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
