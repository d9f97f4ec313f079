import Foundation
import NadirCompression

/// The tests' own PNG reader, independent of `PNGEncoder`: chunk walk, a bitwise CRC-32 (not zlib's table),
/// inflate by the system zlib, and all five PNG filters (None, Sub, Up, Average, Paeth; PNG spec §9).
/// It is itself checked against PNGs written by Pillow (Fixtures/png).
struct TestPNGReader {
    struct Decoded {
        var width: Int
        var height: Int
        var bitDepth: UInt8
        var colorType: UInt8
        var pixels: [UInt8]
        var chunkTypes: [String]
    }

    enum Failure: Error { case badSignature, badCRC(String), truncated, unsupported, badSize }

    /// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    static func decode(_ data: Data) throws -> Decoded {
        let b = [UInt8](data)
        guard b.count > 8, Array(b[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw Failure.badSignature
        }
        var i = 8
        var width = 0, height = 0
        var depth: UInt8 = 0, color: UInt8 = 0
        var idat: [UInt8] = []
        var types: [String] = []
        while i + 12 <= b.count {
            let length = Int(be32(b, i))
            guard i + 12 + length <= b.count else { throw Failure.truncated }
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let body = Array(b[(i + 8)..<(i + 8 + length)])
            let crc = be32(b, i + 8 + length)
            guard crc32(Array(b[(i + 4)..<(i + 8)]) + body) == crc else { throw Failure.badCRC(type) }
            types.append(type)
            if type == "IHDR" {
                width = Int(be32(body, 0))
                height = Int(be32(body, 4))
                depth = body[8]
                color = body[9]
                guard body[10] == 0, body[11] == 0, body[12] == 0 else { throw Failure.unsupported }
            } else if type == "IDAT" {
                idat += body
            }
            i += 12 + length
        }
        guard depth == 8, color == 0 || color == 2 else { throw Failure.unsupported }
        let bpp = color == 0 ? 1 : 3
        let rowBytes = width * bpp
        let raw = try Zlib.inflate(Data(idat), format: .zlib)
        guard raw.count == (rowBytes + 1) * height else { throw Failure.badSize }
        var out = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            let filter = raw[y * (rowBytes + 1)]
            for x in 0..<rowBytes {
                let v = raw[y * (rowBytes + 1) + 1 + x]
                let a = x >= bpp ? Int(out[y * rowBytes + x - bpp]) : 0
                let up = y > 0 ? Int(out[(y - 1) * rowBytes + x]) : 0
                let c = x >= bpp && y > 0 ? Int(out[(y - 1) * rowBytes + x - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = up
                case 3: predictor = (a + up) / 2
                case 4:
                    let p = a + up - c
                    let pa = abs(p - a), pb = abs(p - up), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? up : c)
                default: throw Failure.unsupported
                }
                out[y * rowBytes + x] = UInt8((Int(v) + predictor) & 0xFF)
            }
        }
        return Decoded(width: width, height: height, bitDepth: depth, colorType: color, pixels: out, chunkTypes: types)
    }
}
