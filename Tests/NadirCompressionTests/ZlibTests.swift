import Foundation
import NadirCompression
import Testing

/// Streams below were written by CPython's `gzip` and `zlib` modules (an independent implementation of the
/// containers), e.g. `gzip.compress(b'Nadir ', mtime=0) + gzip.compress(b'measures.', mtime=0)`.
@Suite struct ZlibTests {
    static func bytes(hex: String) -> Data {
        var data = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            data.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return data
    }

    @Test func inflatesEveryMemberOfAMultiMemberGzip() throws {
        let stream = Self.bytes(hex: "1f8b0800000000000203f34b4cc92c520000053fe7f5060000001f8b0800000000000203cb4d4d2c2e2d4a2dd6030025cd851509000000")
        let out = try Zlib.inflate(stream, format: .gzip)
        #expect(String(decoding: out, as: UTF8.self) == "Nadir measures.")
    }

    @Test func inflatesZlibAndRawStreams() throws {
        let zlib = try Zlib.inflate(Self.bytes(hex: "789c0bf07357f074710c5128ca2f0fc0c10600c2eb0ade"), format: .zlib)
        #expect(String(decoding: zlib, as: UTF8.self) == String(repeating: "PNG IDAT row", count: 3))
        let raw = try Zlib.inflate(Self.bytes(hex: "e36060650000"), format: .raw)
        #expect(raw == [0x08, 0x00, 0x05, 0x00])
    }

    @Test func truncatedStreamIsAnErrorNotACrash() {
        let stream = Self.bytes(hex: "1f8b0800000000000203f34b4cc92c5200")
        #expect(throws: CompressionError.self) { try Zlib.inflate(stream, format: .gzip) }
        #expect(throws: CompressionError.self) { try Zlib.inflate(Data([0x78, 0x9c, 0xff, 0xff]), format: .zlib) }
    }

    @Test(arguments: [DeflateFormat.zlib, .gzip, .raw])
    func deflateRoundTripsLargeBuffers(format: DeflateFormat) throws {
        var input = [UInt8](repeating: 0, count: 3_000_000)
        var state: UInt32 = 12345
        for i in input.indices {
            state = state &* 1_103_515_245 &+ 12345
            input[i] = i % 7 == 0 ? UInt8(truncatingIfNeeded: state >> 16) : UInt8(i % 251)
        }
        let packed = try input.withUnsafeBytes { try Zlib.deflate($0, format: format, level: 1) }
        #expect(packed.count < input.count)
        let unpacked = try Zlib.inflate(Data(packed), format: format)
        #expect(unpacked == input)
    }

    @Test func crc32MatchesPNGsIENDChunk() {
        // The CRC of the chunk type "IEND" is the last four bytes of every PNG file: AE 42 60 82.
        let crc = Array("IEND".utf8).withUnsafeBytes { Zlib.crc32($0) }
        #expect(crc == 0xAE42_6082)
    }
}
