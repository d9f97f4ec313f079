internal import CZlib

/// Inflates a gzip stream (RFC 1952, one or several concatenated members) piece by piece into buffers the
/// caller supplies: a file header first, then the payload straight into its final storage, with no copy.
///
/// The input must stay valid for the reader's lifetime. Not thread-safe (one stream, one owner).
public final class GzipReader {
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeRawBufferPointer
    /// Input bytes handed to zlib so far (zlib's `avail_in` is 32-bit, so large inputs are fed in slices).
    private var fed = 0
    private var ended = false

    /// Bytes inflated so far.
    public private(set) var totalOut = 0
    /// Members completed so far.
    public private(set) var membersRead = 0
    /// Bytes after the last member that do not start another gzip member (ignored, as `gzip -d` does).
    public private(set) var trailingBytes = 0

    /// Starts inflating `input`.
    public init(_ input: UnsafeRawBufferPointer) throws(CompressionError) {
        self.input = input
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = nadir_inflateInit2(stream, 16 + MAX_WBITS)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CompressionError(code: status, message: "inflateInit2 failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Whether the last member has ended.
    public var isAtEnd: Bool { ended }

    /// Compressed bytes consumed so far.
    public var totalIn: Int { fed - Int(stream.pointee.avail_in) }

    /// Fills `buffer` completely, or less when the stream ends first; returns the bytes written.
    /// Throws when the compressed data is corrupt or ends before its end marker (truncated file).
    @discardableResult
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CompressionError) -> Int {
        guard let outBase = buffer.baseAddress, buffer.count > 0, !ended else { return 0 }
        var written = 0
        while written < buffer.count {
            if stream.pointee.avail_in == 0 { feed() }
            let room = min(buffer.count - written, Int(UInt32.max))
            stream.pointee.next_out = (outBase + written).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(room)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = room - Int(stream.pointee.avail_out)
            written += produced
            totalOut += produced
            switch status {
            case Z_STREAM_END:
                membersRead += 1
                if !startNextMember() {
                    ended = true
                    return written
                }
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && fed == input.count:
                throw CompressionError(code: status, message: "truncated stream: input ended after \(totalOut) "
                                       + "inflated bytes, before the member's end marker")
            case Z_BUF_ERROR:
                continue
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "stream error"
                throw CompressionError(code: status, message: "\(message) after \(totalOut) inflated bytes")
            }
        }
        return written
    }

    /// Reads and discards `count` bytes (e.g. NIfTI extensions before `vox_offset`); returns the bytes skipped.
    @discardableResult
    public func skip(_ count: Int) throws(CompressionError) -> Int {
        var left = count
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: min(max(count, 1), 1 << 16), alignment: 8)
        defer { scratch.deallocate() }
        while left > 0 {
            let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<min(left, scratch.count)]))
            if n == 0 { break }
            left -= n
        }
        return count - left
    }

    private func feed() {
        let slice = min(input.count - fed, 1 << 30)
        guard slice > 0, let base = input.baseAddress else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: (base + fed).assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(slice)
        fed += slice
    }

    /// After a member's end: resets for the next member if the remaining input starts with the gzip magic.
    private func startNextMember() -> Bool {
        let position = totalIn
        let remaining = input.count - position
        guard remaining >= 2, input[position] == 0x1F, input[position + 1] == 0x8B else {
            trailingBytes = remaining
            return false
        }
        return inflateReset(stream) == Z_OK
    }
}
