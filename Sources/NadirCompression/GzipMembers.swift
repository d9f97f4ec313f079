internal import CZlib
internal import Dispatch

/// Multi-member gzip (RFC 1952 §2.2: "a gzip file consists of a series of members") written and read in
/// parallel, one member per core.
///
/// Every member we write carries an extra field (RFC 1952 §2.3.1.1, FEXTRA) with subfield ID `Nz` holding
/// the member's total compressed length and its uncompressed length (two little-endian UInt64), the way BGZF
/// (SAM/BAM specification §4.1) indexes its blocks. A reader can then find every member without inflating
/// and inflate them concurrently. Other tools ignore the subfield and read the file as one stream.
public enum GzipMembers {
    /// Where one member lies in the compressed input and in the inflated output.
    public struct Member: Sendable, Hashable {
        /// Byte range of the whole member (header to trailer) in the compressed input.
        public var compressed: Range<Int>
        /// Offset of the member's first inflated byte in the inflated stream.
        public var uncompressedOffset: Int
        /// Inflated length of the member.
        public var uncompressedCount: Int
    }

    static let subfieldID: (UInt8, UInt8) = (0x4E, 0x7A)  // "Nz"
    static let headerSize = 32  // 10 fixed + 2 XLEN + 4 subfield header + 16 subfield data

    /// The members of `input`, when every member carries our `Nz` subfield and together they cover the input;
    /// `nil` otherwise (a file written by another tool: inflate it sequentially with `GzipReader`).
    public static func index(_ input: UnsafeRawBufferPointer) -> [Member]? {
        var members: [Member] = []
        var position = 0
        var inflated = 0
        while position < input.count {
            guard input.count - position >= headerSize + 8,
                  input[position] == 0x1F, input[position + 1] == 0x8B, input[position + 2] == 8,
                  input[position + 3] & 0x04 != 0,  // FEXTRA
                  input[position + 12] == subfieldID.0, input[position + 13] == subfieldID.1,
                  load16(input, position + 10) == 20, load16(input, position + 14) == 16
            else { return nil }
            let length = load64(input, position + 16)
            let count = load64(input, position + 24)
            guard length >= UInt64(headerSize + 10), length <= UInt64(input.count - position),
                  count <= UInt64(Int.max - inflated)
            else { return nil }
            let end = position + Int(length)
            members.append(Member(compressed: position..<end, uncompressedOffset: inflated,
                                  uncompressedCount: Int(count)))
            inflated += Int(count)
            position = end
        }
        return members.isEmpty ? nil : members
    }

    /// Inflates `members` of `input` concurrently; member `m` lands at `output[m.uncompressedOffset - base]`.
    /// Each member's CRC-32 and length are checked by zlib.
    public static func inflate(_ input: UnsafeRawBufferPointer, members: [Member], base: Int,
                               into output: UnsafeMutableRawBufferPointer) throws(CompressionError)
    {
        for m in members where m.uncompressedOffset < base || m.uncompressedOffset - base + m.uncompressedCount > output.count {
            throw CompressionError(code: Z_BUF_ERROR, message: "member at \(m.compressed.lowerBound) does not fit the output")
        }
        let failures = UnsafeMutableBufferPointer<CompressionError?>.allocate(capacity: members.count)
        failures.initialize(repeating: nil)
        defer { failures.deinitialize(); failures.deallocate() }
        let shared = Disjoint((input, output, failures))
        DispatchQueue.concurrentPerform(iterations: members.count) { i in
            let (input, output, failures) = shared.value
            let m = members[i]
            let source = UnsafeRawBufferPointer(rebasing: input[m.compressed])
            let target = UnsafeMutableRawBufferPointer(
                rebasing: output[(m.uncompressedOffset - base)..<(m.uncompressedOffset - base + m.uncompressedCount)])
            do throws(CompressionError) {
                let reader = try GzipReader(source)
                let n = try reader.read(into: target)
                let extra = try reader.skip(1)  // reaches the member's trailer (CRC-32, ISIZE check)
                if n != m.uncompressedCount || extra != 0 || !reader.isAtEnd || reader.membersRead != 1 {
                    throw CompressionError(code: Z_DATA_ERROR, message: "member at byte \(m.compressed.lowerBound) "
                                           + "inflated to \(n) bytes, its index says \(m.uncompressedCount)")
                }
            } catch {
                failures[i] = error
            }
        }
        if let first = failures.lazy.compactMap({ $0 }).first { throw first }
    }

    /// Deflates each part as its own indexed gzip member, concurrently; returns the members in order.
    /// Concatenated, they form one valid gzip file.
    public static func deflate(_ parts: [UnsafeRawBufferPointer], level: Int32) throws(CompressionError) -> [[UInt8]] {
        let results = UnsafeMutableBufferPointer<Result<[UInt8], CompressionError>>.allocate(capacity: parts.count)
        results.initialize(repeating: .success([]))
        defer { results.deinitialize(); results.deallocate() }
        let shared = Disjoint((parts, results))
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            let (parts, results) = shared.value
            do throws(CompressionError) {
                results[i] = .success(try member(parts[i], level: level))
            } catch {
                results[i] = .failure(error)
            }
        }
        var members: [[UInt8]] = []
        members.reserveCapacity(parts.count)
        for result in results { members.append(try result.get()) }
        return members
    }

    /// One gzip member: our header with the `Nz` subfield, raw DEFLATE, CRC-32 and ISIZE (RFC 1952 §2.3).
    static func member(_ part: UnsafeRawBufferPointer, level: Int32) throws(CompressionError) -> [UInt8] {
        var stream = z_stream()
        var status = nadir_deflateInit2(&stream, level, -MAX_WBITS)
        guard status == Z_OK else { throw CompressionError(code: status, message: "deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(part.count))) + headerSize + 8 + 64
        // Uninitialised: zero-filling the output bound would cost as much again as copying the input.
        var out = [UInt8](unsafeUninitializedCapacity: bound) { _, initialized in initialized = bound }
        var position = headerSize
        out.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = UnsafeMutablePointer(mutating: part.baseAddress?.assumingMemoryBound(to: Bytef.self))
            var left = part.count
            repeat {
                let slice = min(left, 1 << 30)
                stream.avail_in = uInt(slice)
                left -= slice
                stream.next_out = buffer.baseAddress.map { $0 + position }
                stream.avail_out = uInt(clamping: buffer.count - position)
                let room = Int(stream.avail_out)
                status = CZlib.deflate(&stream, left == 0 ? Z_FINISH : Z_NO_FLUSH)
                position += room - Int(stream.avail_out)
            } while left > 0 && status == Z_OK
        }
        guard status == Z_STREAM_END else { throw CompressionError(code: status, message: "deflate did not finish") }
        let crc = Zlib.crc32(part)
        let length = position + 8
        let header: [UInt8] = [0x1F, 0x8B, 8, 0x04, 0, 0, 0, 0, 0, 255, 20, 0, subfieldID.0, subfieldID.1, 16, 0]
        out.replaceSubrange(0..<16, with: header)
        store64(UInt64(length), into: &out, at: 16)
        store64(UInt64(part.count), into: &out, at: 24)
        store32(crc, into: &out, at: position)
        store32(UInt32(truncatingIfNeeded: part.count), into: &out, at: position + 4)
        out.removeSubrange(length...)
        return out
    }

    private static func load16(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }

    private static func load64(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[at + k]) << (8 * UInt64(k)) }
        return v
    }

    private static func store64(_ v: UInt64, into out: inout [UInt8], at: Int) {
        for k in 0..<8 { out[at + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) }
    }

    private static func store32(_ v: UInt32, into out: inout [UInt8], at: Int) {
        for k in 0..<4 { out[at + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) }
    }
}

/// Buffers shared by `concurrentPerform` iterations that each read shared input and write only their own,
/// disjoint part of the output; that discipline, not the type system, makes the sharing safe.
struct Disjoint<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
