public import Foundation
public import NadirImaging

/// Reads NRRD volumes (.nrrd with attached data, .nhdr with a detached data file) in raw or gzip encoding
/// into volumes with LPS millimetre geometry (http://teem.sourceforge.net/nrrd/format.html).
public struct NRRDReader: Sendable {
    /// Makes a reader.
    public init() {}

    /// Reads the volume at `url`; returns it with warnings about the file.
    public func read(url: URL) throws(ImageIOError) -> (AnyVolume, [ImageIODiagnostic]) {
        try wrapping(url) {
            let data = try NIfTIReader.load(url)
            return try read(data: data, file: url)
        }
    }

    /// Reads only the header of the file at `url` (fields and key/value pairs, for `scan info`).
    public func readHeader(url: URL) throws(ImageIOError) -> NRRDHeader {
        try wrapping(url) {
            try NIfTIReader.load(url).withUnsafeBytes { raw in try NRRDHeader.parse(raw, file: url) }
        }
    }

    /// Reads an NRRD file held in memory; `file` locates a detached data file and names the file in errors.
    public func read(data: Data, file: URL? = nil) throws(ImageIOError) -> (AnyVolume, [ImageIODiagnostic]) {
        try wrapping(file) {
            let header = try data.withUnsafeBytes { raw in try NRRDHeader.parse(raw, file: file) }
            var diagnostics: [ImageIODiagnostic] = []
            let type = try Self.voxelType(header, file: file)
            let geometry = try Self.geometry(header, file: file, diagnostics: &diagnostics)
            let encoding = try header.required("encoding", file: file).lowercased()
            guard ["raw", "gzip", "gz"].contains(encoding) else {
                throw ImageIOError(.unsupportedEncoding, file: file, field: "encoding",
                                   detail: "encoding \"\(encoding)\" is not read; only raw and gzip are")
            }
            var bigEndian = false
            if type.byteCount > 1 {
                switch try header.required("endian", file: file).lowercased() {
                case "little": bigEndian = false
                case "big": bigEndian = true
                case let other: throw ImageIOError(.badFieldValue, file: file, field: "endian",
                                                   detail: "endian is \"\(other)\"; little or big expected")
                }
            }
            let (payload, payloadURL) = try Self.payload(header, data: data, file: file)
            let byteSkip = Int(header.fields["byte skip"] ?? "0") ?? Int.min
            let lineSkip = Int(header.fields["line skip"] ?? "0") ?? -1
            guard byteSkip >= -1, lineSkip >= 0, !(byteSkip == -1 && encoding != "raw") else {
                throw ImageIOError(.badFieldValue, file: file, field: byteSkip >= -1 ? "line skip" : "byte skip",
                                   detail: "byte skip must be -1 (raw only) or more, line skip 0 or more")
            }
            let volume = try payload.withUnsafeBytes { whole in
                var raw = UnsafeRawBufferPointer(rebasing: whole[0...])
                var lines = lineSkip
                var start = 0
                while lines > 0, start < raw.count {
                    if raw[start] == 0x0A { lines -= 1 }
                    start += 1
                }
                raw = UnsafeRawBufferPointer(rebasing: raw[start...])
                let bytes = geometry.voxelCount * type.byteCount
                try ByteSource.check(raw, offset: max(byteSkip, 0), count: bytes, file: payloadURL, field: "sizes")
                return try AnyVolume.make(type: type, geometry: geometry, bigEndian: bigEndian) { target in
                    let skip = byteSkip == -1 ? raw.count - target.count : byteSkip
                    guard skip >= 0 else {
                        throw ImageIOError(.truncatedFile, file: payloadURL, field: "sizes",
                                           detail: "the data file has \(raw.count) bytes; the voxels need \(target.count)")
                    }
                    if encoding == "raw", ByteSource.isGzip(raw) {
                        throw ImageIOError(.badFieldValue, file: payloadURL, field: "encoding",
                                           detail: "encoding says raw but the data is gzip-compressed")
                    }
                    if encoding != "raw", !ByteSource.isGzip(raw) {
                        throw ImageIOError(.corruptCompressedData, file: payloadURL, field: "encoding",
                                           detail: "encoding says gzip but the data does not start with the gzip magic")
                    }
                    diagnostics += try ByteSource.copy(raw, offset: skip, into: target, file: payloadURL, field: "sizes")
                }
            }
            return (volume, diagnostics)
        }
    }

    /// The voxel type from the `type` field and its many spellings.
    static func voxelType(_ header: NRRDHeader, file: URL?) throws(ImageIOError) -> VoxelType {
        let name = try header.required("type", file: file).lowercased()
        let table: [VoxelType: [String]] = [
            .int8: ["signed char", "int8", "int8_t"],
            .uint8: ["uchar", "unsigned char", "uint8", "uint8_t"],
            .int16: ["short", "short int", "signed short", "signed short int", "int16", "int16_t"],
            .uint16: ["ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t"],
            .int32: ["int", "signed int", "int32", "int32_t"],
            .uint32: ["uint", "unsigned int", "uint32", "uint32_t"],
            .float32: ["float"], .float64: ["double"],
        ]
        if let match = table.first(where: { $0.value.contains(name) }) { return match.key }
        let known = ["longlong", "long long", "long long int", "signed long long", "signed long long int", "int64",
                     "int64_t", "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t",
                     "block"]
        throw ImageIOError(known.contains(name) ? .unsupportedDatatype : .unknownDatatype, file: file, field: "type",
                           detail: "type \"\(name)\" is \(known.contains(name) ? "not read (64-bit or block)" : "not an NRRD type")")
    }

    /// The bytes that hold the voxels: after the header, or a detached data file beside the header.
    static func payload(_ header: NRRDHeader, data: Data, file: URL?) throws -> (Data, URL?) {
        guard let name = header.fields["data file"] ?? header.fields["datafile"] else {
            return (data.subdata(in: min(header.dataOffset, data.count)..<data.count), file)
        }
        guard !name.hasPrefix("LIST"), !name.contains("%") else {
            throw ImageIOError(.badFieldValue, file: file, field: "data file",
                               detail: "data split over several files (\"\(name)\") is not read")
        }
        let base = file?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : base.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImageIOError(.missingDataFile, file: file, field: "data file",
                               detail: "the detached data file \(url.path) does not exist")
        }
        return (try NIfTIReader.load(url), url)
    }
}
