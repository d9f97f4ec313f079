/// Fixed-offset fields of a binary header in a given byte order (NIfTI-1 and NIfTI-2 headers).
struct BinaryFields {
    /// The header bytes.
    var bytes: [UInt8]
    /// Whether multi-byte fields are big-endian.
    var bigEndian: Bool

    private func load<T: FixedWidthInteger>(_: T.Type, _ offset: Int) -> T {
        precondition(offset >= 0 && offset + MemoryLayout<T>.size <= bytes.count, "field past the header")
        let raw = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    func int16(_ offset: Int) -> Int { Int(load(Int16.self, offset)) }
    func int32(_ offset: Int) -> Int { Int(load(Int32.self, offset)) }
    func int64(_ offset: Int) -> Int { Int(load(Int64.self, offset)) }
    func float32(_ offset: Int) -> Double { Double(Float(bitPattern: load(UInt32.self, offset))) }
    func float64(_ offset: Int) -> Double { Double(bitPattern: load(UInt64.self, offset)) }
    func uint8(_ offset: Int) -> Int { Int(bytes[offset]) }

    /// A NUL-terminated (or full-width) Latin-1 text field.
    func text(_ offset: Int, _ width: Int) -> String {
        let field = bytes[offset..<(offset + width)]
        let end = field.firstIndex(of: 0) ?? field.endIndex
        return String(decoding: field[field.startIndex..<end].map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    private mutating func store<T: FixedWidthInteger>(_ value: T, _ offset: Int) {
        let v = bigEndian ? value.bigEndian : value.littleEndian
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: v, toByteOffset: offset, as: T.self) }
    }

    mutating func setInt16(_ value: Int, _ offset: Int) { store(Int16(truncatingIfNeeded: value), offset) }
    mutating func setInt32(_ value: Int, _ offset: Int) { store(Int32(truncatingIfNeeded: value), offset) }
    mutating func setInt64(_ value: Int, _ offset: Int) { store(Int64(value), offset) }
    mutating func setFloat32(_ value: Double, _ offset: Int) { store(Float(value).bitPattern, offset) }
    mutating func setFloat64(_ value: Double, _ offset: Int) { store(value.bitPattern, offset) }
    mutating func setUInt8(_ value: Int, _ offset: Int) { bytes[offset] = UInt8(truncatingIfNeeded: value) }

    /// Writes ASCII text, truncated to `width - 1` bytes and NUL-padded.
    mutating func setText(_ value: String, _ offset: Int, _ width: Int) {
        let utf8 = Array(value.utf8.prefix(width - 1))
        for k in 0..<width { bytes[offset + k] = k < utf8.count ? utf8[k] : 0 }
    }
}
