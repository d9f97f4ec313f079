internal import CZlib
public import Foundation

/// The container around a DEFLATE stream (RFC 1950 zlib, RFC 1952 gzip, RFC 1951 raw).
public enum DeflateFormat: Sendable {
    /// zlib header and Adler-32 trailer: PNG IDAT.
    case zlib
    /// gzip members (one or several, concatenated): .nii.gz, .nrrd gzip encoding.
    case gzip
    /// Bare DEFLATE: DICOM Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99).
    case raw

    var windowBits: Int32 {
        switch self {
        case .zlib: MAX_WBITS
        case .gzip: 16 + MAX_WBITS
        case .raw: -MAX_WBITS
        }
    }
}

/// An error from zlib, with the zlib message and return code.
public struct CompressionError: Error, CustomStringConvertible, Sendable {
    /// zlib's return code (Z_DATA_ERROR is -3, Z_BUF_ERROR -5, ...).
    public var code: Int32
    public var message: String
    public var description: String { "zlib error \(code): \(message)" }
}

/// DEFLATE compression and decompression through the system zlib.
public enum Zlib {
    /// Inflates a whole stream. For `.gzip`, concatenated members are inflated one after another
    /// (gzip allows several members; some writers emit them).
    ///
    /// - Parameter expectedSize: a size hint for the output (e.g. from a NIfTI header); the output grows past it
    ///   when needed.
    public static func inflate(_ input: UnsafeRawBufferPointer, format: DeflateFormat,
                               expectedSize: Int? = nil) throws(CompressionError) -> [UInt8]
    {
        var output = [UInt8]()
        output.reserveCapacity(max(expectedSize ?? input.count * 4, 1024))
        var stream = z_stream()
        var status = nadir_inflateInit2(&stream, format.windowBits)
        guard status == Z_OK else { throw CompressionError(code: status, message: "inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        guard let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return [] }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(clamping: input.count)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let produced: Int = buffer.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                status = zlib.inflate(&stream, Z_NO_FLUSH)
                return out.count - Int(stream.avail_out)
            }
            if produced > 0 { output.append(contentsOf: buffer[0..<produced]) }
            if status == Z_STREAM_END {
                // Another gzip member may follow.
                if format == .gzip, stream.avail_in > 0 {
                    let reset = inflateReset(&stream)
                    guard reset == Z_OK else { throw CompressionError(code: reset, message: "inflateReset failed") }
                    continue
                }
                return output
            }
            guard status == Z_OK || (status == Z_BUF_ERROR && stream.avail_out == 0) else {
                let message = stream.msg.map { String(cString: $0) } ?? "stream error"
                throw CompressionError(code: status, message: status == Z_BUF_ERROR ? "truncated stream" : message)
            }
            if stream.avail_in == 0, produced == 0 {
                throw CompressionError(code: Z_BUF_ERROR, message: "truncated stream: input ended before the end marker")
            }
        }
    }

    /// Inflates a whole stream held in `Data`.
    public static func inflate(_ input: Data, format: DeflateFormat, expectedSize: Int? = nil)
        throws(CompressionError) -> [UInt8]
    {
        do {
            return try input.withUnsafeBytes { raw in try inflate(raw, format: format, expectedSize: expectedSize) }
        } catch let error as CompressionError {
            throw error
        } catch {
            throw CompressionError(code: Z_STREAM_ERROR, message: "\(error)")
        }
    }

    /// Deflates a buffer in one stream at `level` (0-9; 1 is fastest, 6 zlib's default).
    public static func deflate(_ input: UnsafeRawBufferPointer, format: DeflateFormat,
                               level: Int32 = 6) throws(CompressionError) -> [UInt8]
    {
        var stream = z_stream()
        var status = nadir_deflateInit2(&stream, level, format.windowBits)
        guard status == Z_OK else { throw CompressionError(code: status, message: "deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 64
        var output = [UInt8](repeating: 0, count: bound)
        let written: Int = output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(clamping: input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(clamping: out.count)
            status = zlib.deflate(&stream, Z_FINISH)
            return out.count - Int(stream.avail_out)
        }
        guard status == Z_STREAM_END else {
            throw CompressionError(code: status, message: "deflate did not finish")
        }
        output.removeSubrange(written...)
        return output
    }

    /// CRC-32 (ISO 3309, as in PNG chunks and gzip trailers), continuing from `crc`.
    public static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        UInt32(CZlib.crc32(uLong(crc), bytes.baseAddress?.assumingMemoryBound(to: Bytef.self),
                           uInt(clamping: bytes.count)))
    }
}

private enum zlib {
    static func inflate(_ stream: inout z_stream, _ flush: Int32) -> Int32 { CZlib.inflate(&stream, flush) }
    static func deflate(_ stream: inout z_stream, _ flush: Int32) -> Int32 { CZlib.deflate(&stream, flush) }
}
