/// Decodes a greyscale JPEG Lossless image (ITU-T T.81 Annex H, process 14: Huffman coding, SOF3), with any of
/// the seven predictors (Table H.1), a point transform and restart intervals; 2 to 16 bits per sample.
enum JPEGLosslessDecoder {
    static func decode(_ data: [UInt8], rows: Int, columns: Int, into out: UnsafeMutableBufferPointer<Int32>)
        throws(DICOMError)
    {
        var tables: [Int: HuffmanTable] = [:]
        var precision = 0, width = 0, height = 0, restartInterval = 0
        var o = 0
        func fail(_ message: String) -> DICOMError {
            DICOMError(.corruptPixelData, "JPEG Lossless: \(message)", tag: .pixelData)
        }
        guard data.count >= 4, data[0] == 0xFF, data[1] == 0xD8 else { throw fail("no SOI marker") }
        o = 2
        while true {
            guard o + 4 <= data.count else { throw fail("ends before the scan (SOS)") }
            guard data[o] == 0xFF else { throw fail("expected a marker at byte \(o)") }
            let marker = data[o + 1]
            if marker == 0xFF { o += 1; continue }  // fill bytes
            let length = Int(data[o + 2]) << 8 | Int(data[o + 3])
            let body = o + 4
            let next = o + 2 + length
            guard length >= 2, next <= data.count else { throw fail("marker segment 0x\(marker) passes the end") }
            switch marker {
            case 0xC3:
                guard length >= 11 else { throw fail("short SOF3") }
                precision = Int(data[body])
                height = Int(data[body + 1]) << 8 | Int(data[body + 2])
                width = Int(data[body + 3]) << 8 | Int(data[body + 4])
                guard data[body + 5] == 1 else { throw fail("\(data[body + 5]) components; greyscale (1) only") }
            case 0xC0, 0xC1, 0xC2, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                throw fail("SOF 0x\(String(marker, radix: 16)) is not lossless process 14 (SOF3)")
            case 0xC4:
                var p = body
                while p < next {
                    guard p + 17 <= next else { throw fail("short DHT") }
                    let id = Int(data[p] & 0x0F)
                    let counts = Array(data[(p + 1)...(p + 16)]).map(Int.init)
                    let total = counts.reduce(0, +)
                    guard p + 17 + total <= next else { throw fail("DHT values pass the segment") }
                    tables[id] = try HuffmanTable(counts: counts, values: Array(data[(p + 17)..<(p + 17 + total)]))
                    p += 17 + total
                }
            case 0xDD:
                guard length >= 4 else { throw fail("short DRI") }
                restartInterval = Int(data[body]) << 8 | Int(data[body + 1])
            case 0xDA:
                guard length >= 8, data[body] == 1 else { throw fail("a scan with other than one component") }
                guard let table = tables[Int(data[body + 2] >> 4)] else { throw fail("scan uses an undefined table") }
                let predictor = Int(data[body + 3])
                let pointTransform = Int(data[body + 5] & 0x0F)
                guard (1...7).contains(predictor) else { throw fail("selection value \(predictor) is not 1...7") }
                guard pointTransform < precision else { throw fail("point transform \(pointTransform) >= precision") }
                guard (2...16).contains(precision), width == columns, height == rows else {
                    throw fail("frame \(width)x\(height)x\(precision) does not match the image \(columns)x\(rows)")
                }
                var reader = BitReader(data: data, position: next)
                try scan(&reader, table: table, predictor: predictor, precision: precision,
                         pointTransform: pointTransform, restartInterval: restartInterval,
                         width: width, height: height, out: out)
                return
            case 0xD9:
                throw fail("EOI before any scan")
            default:
                break  // APPn, COM, DQT and others: skipped
            }
            o = next
        }
    }

    private static func scan(_ reader: inout BitReader, table: HuffmanTable, predictor: Int, precision: Int,
                             pointTransform: Int, restartInterval: Int, width: Int, height: Int,
                             out: UnsafeMutableBufferPointer<Int32>) throws(DICOMError)
    {
        let initial = 1 << (precision - pointTransform - 1)
        let mask = (1 << 16) - 1
        var row = [Int](repeating: 0, count: width)
        var above = [Int](repeating: 0, count: width)
        var sinceRestart = 0
        var firstLineOfInterval = true
        for y in 0..<height {
            for x in 0..<width {
                if restartInterval > 0 && sinceRestart == restartInterval {
                    try reader.restart()
                    sinceRestart = 0
                    firstLineOfInterval = true
                }
                let prediction: Int
                if sinceRestart == 0 {
                    prediction = initial  // first sample of the image or of a restart interval (H.1.2.1)
                } else if firstLineOfInterval {
                    prediction = x > 0 ? row[x - 1] : above[0]  // first line: one-dimensional Ra
                } else if x == 0 {
                    prediction = above[0]  // first column: Rb
                } else {
                    let a = row[x - 1], b = above[x], c = above[x - 1]
                    switch predictor {
                    case 1: prediction = a
                    case 2: prediction = b
                    case 3: prediction = c
                    case 4: prediction = a + b - c
                    case 5: prediction = a + ((b - c) >> 1)
                    case 6: prediction = b + ((a - c) >> 1)
                    default: prediction = (a + b) >> 1
                    }
                }
                let category = try table.decode(&reader)
                let difference: Int
                switch category {
                case 0: difference = 0
                case 16: difference = 32768
                case 17...:
                    throw DICOMError(.corruptPixelData, "JPEG Lossless: difference category \(category) above 16",
                                     tag: .pixelData)
                default:
                    let bits = try reader.bits(category)
                    difference = bits < 1 << (category - 1) ? bits - (1 << category) + 1 : bits
                }
                row[x] = (prediction + difference) & mask
                out[y * width + x] = Int32(row[x] << pointTransform)
                sinceRestart += 1
            }
            swap(&row, &above)
            if sinceRestart > 0 { firstLineOfInterval = false }
        }
    }
}

/// A JPEG Huffman table in the MAXCODE/VALPTR form of T.81 F.2.2.3.
struct HuffmanTable {
    var maxCode = [Int](repeating: -1, count: 18)
    var valuePointer = [Int](repeating: 0, count: 17)
    var minCode = [Int](repeating: 0, count: 17)
    var values: [UInt8]

    init(counts: [Int], values: [UInt8]) throws(DICOMError) {
        self.values = values
        var code = 0, k = 0
        for length in 1...16 {
            let n = counts[length - 1]
            if n > 0 {
                valuePointer[length] = k
                minCode[length] = code
                code += n
                k += n
                maxCode[length] = code - 1
            }
            guard code <= 1 << length else {
                throw DICOMError(.corruptPixelData, "JPEG Lossless: an over-full Huffman table", tag: .pixelData)
            }
            code <<= 1
        }
        maxCode[17] = Int.max
    }

    /// Decodes one symbol (T.81 F.2.2.3 DECODE).
    func decode(_ reader: inout BitReader) throws(DICOMError) -> Int {
        var code = try reader.bits(1)
        var length = 1
        while code > maxCode[length] {
            length += 1
            guard length <= 16 else {
                throw DICOMError(.corruptPixelData, "JPEG Lossless: a Huffman code longer than 16 bits", tag: .pixelData)
            }
            code = code << 1 | (try reader.bits(1))
        }
        let index = valuePointer[length] + code - minCode[length]
        guard index >= 0, index < values.count else {
            throw DICOMError(.corruptPixelData, "JPEG Lossless: a Huffman code outside the table", tag: .pixelData)
        }
        return Int(values[index])
    }
}

/// Reads entropy-coded bits, removing stuffed zero bytes after 0xFF (T.81 F.1.2.3) and stopping at markers.
struct BitReader {
    let data: [UInt8]
    var position: Int
    var accumulator: UInt64 = 0
    var available = 0
    var sawMarker = false
    var paddingBits = 0

    init(data: [UInt8], position: Int) {
        self.data = data
        self.position = position
    }

    mutating func bits(_ n: Int) throws(DICOMError) -> Int {
        precondition((1...16).contains(n), "callers ask for 1 to 16 bits")
        while available < n {
            var byte: UInt8 = 0
            if !sawMarker && position < data.count {
                byte = data[position]
                if byte == 0xFF {
                    let next = position + 1 < data.count ? data[position + 1] : 0xD9
                    if next == 0x00 {
                        position += 2
                    } else {
                        sawMarker = true
                        byte = 0
                    }
                } else {
                    position += 1
                }
            }
            if sawMarker || position >= data.count && byte == 0 {
                paddingBits += 8
                guard paddingBits <= 64 else {
                    throw DICOMError(.corruptPixelData, "JPEG Lossless: the scan ends before the image is complete",
                                     tag: .pixelData)
                }
            }
            accumulator = accumulator << 8 | UInt64(byte)
            available += 8
        }
        available -= n
        return Int(truncatingIfNeeded: (accumulator >> UInt64(available)) & ((1 << UInt64(n)) - 1))
    }

    /// Skips to the next RSTn marker and resets the bit buffer (T.81 F.2.2.5 / H.2).
    mutating func restart() throws(DICOMError) {
        available = 0
        accumulator = 0
        sawMarker = false
        paddingBits = 0
        while position + 1 < data.count && !(data[position] == 0xFF && (0xD0...0xD7).contains(data[position + 1])) {
            position += 1
        }
        guard position + 1 < data.count else {
            throw DICOMError(.corruptPixelData, "JPEG Lossless: a restart marker is missing", tag: .pixelData)
        }
        position += 2
    }
}
