public import Foundation
public import NadirImaging

/// Reads NIfTI-1 and NIfTI-2 images (.nii, .nii.gz, and .hdr/.img pairs, each possibly gzipped) into volumes
/// with LPS millimetre geometry: sform over qform over pixdim (NIfTI-1 methods 3, 2, 1), RAS negated to LPS,
/// spatial units converted to mm, and scl_slope/scl_inter applied by `NIfTIScaling`.
public struct NIfTIReader: Sendable {
    /// Makes a reader.
    public init() {}

    /// Reads the image at `url`; returns the volume and warnings about the file.
    public func read(url: URL) throws(ImageIOError) -> (AnyVolume, [ImageIODiagnostic]) {
        try wrapping(url) {
            let data = try Self.load(url)
            let header = try data.withUnsafeBytes { try Self.header(of: $0, file: url) }
            guard !header.singleFile else { return try read(data: data, file: url) }
            let imageURL = try Self.imageFile(forHeader: url)
            return try read(header: header, voxelData: try Self.load(imageURL), file: url, dataFile: imageURL)
        }
    }

    /// Reads a single-file image (`n+1`/`n+2` magic) from memory, gzip-compressed or not.
    public func read(data: Data, file: URL? = nil) throws(ImageIOError) -> (AnyVolume, [ImageIODiagnostic]) {
        try wrapping(file) {
            let header = try data.withUnsafeBytes { try Self.header(of: $0, file: file) }
            guard header.singleFile else {
                throw ImageIOError(.badMagic, file: file, field: "magic", detail: "this is the header of a .hdr/.img "
                                       + "pair (magic ni1/ni2); read it by URL so the .img file can be found")
            }
            return try read(header: header, voxelData: data, file: file, dataFile: file)
        }
    }

    /// Reads only the header of the image at `url`.
    public func readHeader(url: URL) throws(ImageIOError) -> NIfTIHeader {
        try wrapping(url) {
            try Self.load(url).withUnsafeBytes { try Self.header(of: $0, file: url) }
        }
    }

    /// Voxels from `dataFile` (the .img of a pair, else the file itself), geometry from the header of `file`.
    private func read(header: NIfTIHeader, voxelData: Data, file: URL?, dataFile: URL?) throws
        -> (AnyVolume, [ImageIODiagnostic])
    {
        var (geometry, diagnostics) = try header.geometry(file: file)
        if header.bitpix != header.voxelType.byteCount * 8 {
            diagnostics.append(ImageIODiagnostic(.unusualField, field: "bitpix",
                                                 detail: "bitpix is \(header.bitpix) but datatype \(header.datatype) "
                                                     + "has \(header.voxelType.byteCount * 8) bits; datatype used"))
        }
        geometry.size = header.size
        if header.dataOffset != header.voxOffset {
            diagnostics.append(ImageIODiagnostic(.unusualField, field: "vox_offset", detail: "vox_offset is 0 in a "
                                                     + "single file; voxels read from byte \(header.dataOffset)"))
        }
        var copyNotes: [ImageIODiagnostic] = []
        let stored = try voxelData.withUnsafeBytes { raw in
            try ByteSource.check(raw, offset: header.dataOffset, count: try header.voxelByteCount(file: file),
                                 file: dataFile, field: "dim/vox_offset")
            return try AnyVolume.make(type: header.voxelType, geometry: geometry, bigEndian: header.bigEndian) { target in
                copyNotes = try ByteSource.copy(raw, offset: header.dataOffset, into: target, file: dataFile,
                                                field: "dim/vox_offset")
            }
        }
        let (volume, scalingNote) = NIfTIScaling(slope: header.sclSlope, intercept: header.sclInter).apply(to: stored)
        return (volume, diagnostics + copyNotes + (scalingNote.map { [$0] } ?? []))
    }

    /// Decodes the header from the first bytes of a (possibly gzipped) file.
    static func header(of raw: UnsafeRawBufferPointer, file: URL?) throws -> NIfTIHeader {
        try NIfTIHeader.decode(try ByteSource.prefix(raw, count: NIfTILayout.nifti2.headerSize, file: file), file: file)
    }

    /// The .img (or .img.gz) file beside a .hdr (or .hdr.gz) header.
    static func imageFile(forHeader url: URL) throws -> URL {
        let name = url.lastPathComponent
        let directory = url.deletingLastPathComponent()
        let stems = name.lowercased().hasSuffix(".hdr.gz") ? String(name.dropLast(7))
            : name.lowercased().hasSuffix(".hdr") ? String(name.dropLast(4)) : nil
        guard let stem = stems else {
            throw ImageIOError(.missingDataFile, file: url, field: "magic",
                               detail: "the header says the voxels are in a separate .img file, but the header file "
                                   + "is not named .hdr or .hdr.gz")
        }
        for candidate in [stem + ".img", stem + ".img.gz", stem + ".IMG"] {
            let imageURL = directory.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: imageURL.path) { return imageURL }
        }
        throw ImageIOError(.missingDataFile, file: url, field: "magic",
                           detail: "the voxel file \(stem).img (or .img.gz) is missing beside the header")
    }

    /// The bytes of a file, memory-mapped where the system allows.
    static func load(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw ImageIOError(.unreadableFile, file: url, detail: "the file cannot be read", underlyingError: error)
        }
    }
}

/// Runs `body`, turning any error into an `ImageIOError` that names `file`.
func wrapping<R>(_ file: URL?, _ body: () throws -> R) throws(ImageIOError) -> R {
    do {
        return try body()
    } catch let error as ImageIOError {
        throw error.located(in: file)
    } catch {
        throw ImageIOError(.unreadableFile, file: file, detail: "reading failed", underlyingError: error)
    }
}
