import Foundation
import NadirCompression
import Testing

@Suite struct GzipMembersTests {
    /// Two members written by CPython: `gzip.compress(b'Nadir ', mtime=0) + gzip.compress(b'measures.', mtime=0)`.
    static let python = ZlibTests.bytes(hex: "1f8b0800000000000203f34b4cc92c520000053fe7f5060000001f8b0800000000000203cb4d4d2c2e2d4a2dd6030025cd851509000000")

    @Test func readerDeliversEveryMemberInSmallPieces() throws {
        var text = [UInt8]()
        try Self.python.withUnsafeBytes { raw in
            let reader = try GzipReader(raw)
            var piece = [UInt8](repeating: 0, count: 4)
            while true {
                let n = try piece.withUnsafeMutableBytes { try reader.read(into: $0) }
                if n == 0 { break }
                text += piece[0..<n]
            }
            #expect(reader.membersRead == 2)
            #expect(reader.isAtEnd)
        }
        #expect(String(decoding: text, as: UTF8.self) == "Nadir measures.")
        #expect(Self.python.withUnsafeBytes { GzipMembers.index($0) } == nil)  // no Nz subfields: not indexed
    }

    @Test func readerRefusesATruncatedStream() throws {
        let cut = Self.python.prefix(Self.python.count - 5)
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(throws: CompressionError.self) {
            try cut.withUnsafeBytes { raw in
                let reader = try GzipReader(raw)
                try buffer.withUnsafeMutableBytes { _ = try reader.read(into: $0) }
            }
        }
    }

    @Test func membersAreIndexedAndInflateInParallelToTheInput() throws {
        let parts: [[UInt8]] = [Array("header".utf8), (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) },
                                Array(repeating: 42, count: 70_000)]
        let members = try parts[0].withUnsafeBytes { a in
            try parts[1].withUnsafeBytes { b in
                try parts[2].withUnsafeBytes { c in try GzipMembers.deflate([a, b, c], level: 1) }
            }
        }
        #expect(members.allSatisfy { Array($0.prefix(4)) == [0x1F, 0x8B, 8, 0x04] })  // RFC 1952 with FEXTRA
        let file = Data(members.joined())
        #expect(try Zlib.inflate(file, format: .gzip) == parts.flatMap { $0 })   // a plain sequential inflate agrees
        let index = try #require(file.withUnsafeBytes { GzipMembers.index($0) })
        #expect(index.map(\.uncompressedCount) == [6, 200_000, 70_000])
        #expect(index.map(\.uncompressedOffset) == [0, 6, 200_006])
        var out = [UInt8](repeating: 0, count: 270_000)
        try file.withUnsafeBytes { raw in
            try out.withUnsafeMutableBytes { try GzipMembers.inflate(raw, members: Array(index[1...]), base: 6, into: $0) }
        }
        #expect(out == parts[1] + parts[2])
    }

    @Test func aCorruptMemberFailsTheParallelInflate() throws {
        let data = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        var file = try data.withUnsafeBytes { try GzipMembers.deflate([$0, $0], level: 1) }.flatMap { $0 }
        file[file.count - 6] ^= 0xFF  // the second member's CRC-32
        let index = try #require(file.withUnsafeBytes { GzipMembers.index($0) })
        var out = [UInt8](repeating: 0, count: 200_000)
        #expect(throws: CompressionError.self) {
            try file.withUnsafeBytes { raw in
                try out.withUnsafeMutableBytes { try GzipMembers.inflate(raw, members: index, base: 0, into: $0) }
            }
        }
    }
}
