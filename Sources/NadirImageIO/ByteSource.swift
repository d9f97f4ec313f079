internal import Foundation
internal import NadirCompression

/// Bytes of a file that may be gzip-compressed (.nii.gz, NRRD gzip encoding): reads a range of the inflated
/// stream straight into a caller's buffer, inflating indexed multi-member files on all cores.
enum ByteSource {
    /// Whether the bytes start with the gzip magic (RFC 1952: 0x1f 0x8b).
    static func isGzip(_ raw: UnsafeRawBufferPointer) -> Bool {
        raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B
    }

    /// Up to `count` leading bytes of the (inflated) stream, fewer when it is shorter.
    static func prefix(_ raw: UnsafeRawBufferPointer, count: Int, file: URL?) throws -> [UInt8] {
        guard isGzip(raw) else { return Array(raw.prefix(count)) }
        var out = [UInt8](repeating: 0, count: count)
        let reader = try gzipReader(raw, file: file)
        let n = try out.withUnsafeMutableBytes { buffer -> Int in
            do throws(CompressionError) { return try reader.read(into: buffer) } catch {
                throw compressionError(error, file: file, at: reader.totalOut)
            }
        }
        out.removeSubrange(n..<out.count)
        return out
    }

    /// Checks, before anything is allocated, that `count` bytes from `offset` can be in the stream: within the
    /// file for raw bytes, within DEFLATE's 1032:1 limit for gzip (a header that claims more is wrong).
    /// Larger volumes than this machine's memory are refused with an error rather than a failed allocation.
    static func check(_ raw: UnsafeRawBufferPointer, offset: Int, count: Int, file: URL?, field: String) throws {
        let memory = ProcessInfo.processInfo.physicalMemory
        guard UInt64(max(count, 0)) < memory else {
            throw ImageIOError(.badDimensions, file: file, field: field,
                               detail: "the header asks for \(count) voxel bytes, more than this machine's memory "
                                   + "(\(memory) bytes); the dimensions are probably corrupt")
        }
        if isGzip(raw) {
            guard count / 1032 <= raw.count + 4096, offset / 1032 <= raw.count + 4096 else {
                throw ImageIOError(.badDimensions, file: file, field: field,
                                   detail: "the header asks for \(count) voxel bytes, more than \(raw.count) compressed "
                                       + "bytes can hold")
            }
            return
        }
        let (end, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, end <= raw.count else {
            throw ImageIOError(.truncatedFile, file: file, field: field, byteOffset: raw.count,
                               detail: "the voxels need bytes \(offset)..<\(overflow ? Int.max : end) but the file has "
                                   + "\(raw.count) bytes: the dimensions do not match the file size, or it is truncated")
        }
    }

    /// Fills `target` with the stream's bytes from `offset` on; returns diagnostics (trailing data).
    /// Throws `truncatedFile` when the stream ends first, `corruptCompressedData` when it does not inflate.
    static func copy(_ raw: UnsafeRawBufferPointer, offset: Int, into target: UnsafeMutableRawBufferPointer,
                     file: URL?, field: String) throws -> [ImageIODiagnostic]
    {
        let count = target.count
        try check(raw, offset: offset, count: count, file: file, field: field)
        guard isGzip(raw) else {
            let end = offset + count
            if count > 0, let base = target.baseAddress, let source = raw.baseAddress {
                base.copyMemory(from: source + offset, byteCount: count)
            }
            return end < raw.count ? [trailing(raw.count - end, field: field)] : []
        }
        if let members = GzipMembers.index(raw),
           let first = members.firstIndex(where: { $0.uncompressedOffset == offset }),
           members[first...].reduce(0, { $0 + $1.uncompressedCount }) == count
        {
            do {
                try GzipMembers.inflate(raw, members: Array(members[first...]), base: offset, into: target)
            } catch {
                throw compressionError(error, file: file, at: nil)
            }
            return []
        }
        let reader = try gzipReader(raw, file: file)
        do {
            let skipped = try reader.skip(offset)
            let n = skipped == offset ? try reader.read(into: target) : 0
            guard n == count else {
                throw ImageIOError(.truncatedFile, file: file, field: field, byteOffset: reader.totalOut,
                                   detail: "the inflated stream ends at byte \(reader.totalOut); the voxels need "
                                       + "bytes \(offset)..<\(offset + count)")
            }
            let extra = try reader.skip(1 << 16)
            return extra > 0 ? [trailing(extra, field: field)] : []
        } catch let error as CompressionError {
            throw compressionError(error, file: file, at: reader.totalOut)
        }
    }

    private static func gzipReader(_ raw: UnsafeRawBufferPointer, file: URL?) throws -> GzipReader {
        do { return try GzipReader(raw) } catch { throw compressionError(error, file: file, at: 0) }
    }

    private static func trailing(_ count: Int, field: String) -> ImageIODiagnostic {
        ImageIODiagnostic(.trailingData, field: field,
                          detail: "\(count)\(count == 1 << 16 ? "+" : "") bytes follow the voxels and were ignored")
    }

    static func compressionError(_ error: CompressionError, file: URL?, at offset: Int?) -> ImageIOError {
        let truncated = error.message.contains("truncated")
        return ImageIOError(truncated ? .truncatedFile : .corruptCompressedData, file: file, byteOffset: offset,
                            detail: truncated ? "the gzip data ends early (file cut short?)"
                                              : "the gzip data is corrupt", underlyingError: error)
    }
}
