public import Foundation
internal import NadirCompression

/// A PNG writer (ISO/IEC 15948 / W3C PNG 2nd ed.): 8-bit greyscale or RGB, no interlace, zlib-compressed
/// through NadirCompression, each scanline with the filter the encoder finds smallest (None, Sub or Up).
public enum PNGEncoder {
    /// Encodes 8-bit greyscale pixels, row-major from the top-left (colour type 0).
    public static func encode(gray8 pixels: [UInt8], width: Int, height: Int) throws(ReportError) -> Data {
        try encode(pixels, width: width, height: height, channels: 1)
    }

    /// Encodes 8-bit RGB pixels, row-major from the top-left, 3 bytes per pixel (colour type 2).
    public static func encode(rgb8 pixels: [UInt8], width: Int, height: Int) throws(ReportError) -> Data {
        try encode(pixels, width: width, height: height, channels: 3)
    }

    /// The 8-byte PNG signature.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func encode(_ pixels: [UInt8], width: Int, height: Int, channels: Int) throws(ReportError) -> Data {
        guard width > 0, height > 0, width <= 1 << 24, height <= 1 << 24, pixels.count == width * height * channels
        else {
            throw ReportError(.invalidImage, "PNG needs width x height x \(channels) bytes; got \(pixels.count) for "
                + "\(width) x \(height). Pass a buffer of exactly that size.")
        }
        let rowBytes = width * channels
        var filtered = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        pixels.withUnsafeBufferPointer { src in
            filtered.withUnsafeMutableBufferPointer { dst in
                filterRows(src, dst, rowBytes: rowBytes, height: height, bytesPerPixel: channels)
            }
        }
        let compressed: [UInt8]
        do {
            compressed = try filtered.withUnsafeBytes { raw throws(CompressionError) in
                try Zlib.deflate(raw, format: .zlib, level: 6)
            }
        } catch {
            throw ReportError(.compressionFailed, "zlib failed to compress PNG data: \(error)")
        }
        var out = Data(signature)
        var header = [UInt8]()
        header.append(contentsOf: bigEndian(UInt32(width)))
        header.append(contentsOf: bigEndian(UInt32(height)))
        header.append(contentsOf: [8, channels == 1 ? 0 : 2, 0, 0, 0])
        appendChunk(&out, type: "IHDR", header)
        appendChunk(&out, type: "IDAT", compressed)
        appendChunk(&out, type: "IEND", [])
        return out
    }

    /// Per row, chooses None, Sub or Up by the smallest sum of absolute signed bytes (the PNG spec's heuristic).
    static func filterRows(_ src: UnsafeBufferPointer<UInt8>, _ dst: UnsafeMutableBufferPointer<UInt8>, rowBytes: Int,
                           height: Int, bytesPerPixel bpp: Int) {
        var row = 0
        while row < height {
            let s = row * rowBytes, d = row * (rowBytes + 1)
            var costNone = 0, costSub = 0, costUp = 0
            var i = 0
            while i < rowBytes {
                let v = src[s + i]
                let left: UInt8 = i >= bpp ? src[s + i - bpp] : 0
                let up: UInt8 = row > 0 ? src[s + i - rowBytes] : 0
                costNone &+= Int(Int8(bitPattern: v).magnitude)
                costSub &+= Int(Int8(bitPattern: v &- left).magnitude)
                costUp &+= Int(Int8(bitPattern: v &- up).magnitude)
                i &+= 1
            }
            let filter: UInt8 = costSub < costNone && costSub <= costUp ? 1 : (costUp < costNone ? 2 : 0)
            dst[d] = filter
            i = 0
            while i < rowBytes {
                let v = src[s + i]
                switch filter {
                case 1: dst[d + 1 + i] = v &- (i >= bpp ? src[s + i - bpp] : 0)
                case 2: dst[d + 1 + i] = v &- (row > 0 ? src[s + i - rowBytes] : 0)
                default: dst[d + 1 + i] = v
                }
                i &+= 1
            }
            row &+= 1
        }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// Appends length, type, data and the CRC-32 of type + data.
    static func appendChunk(_ out: inout Data, type: String, _ data: [UInt8]) {
        let typeBytes = Array(type.utf8)
        out.append(contentsOf: bigEndian(UInt32(data.count)))
        out.append(contentsOf: typeBytes)
        out.append(contentsOf: data)
        var crc = typeBytes.withUnsafeBytes { Zlib.crc32($0) }
        crc = data.withUnsafeBytes { Zlib.crc32($0, continuing: crc) }
        out.append(contentsOf: bigEndian(crc))
    }
}
