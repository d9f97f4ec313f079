import Foundation

extension DICOMDataSet {
    /// The text value of `tag` with padding (spaces, NULs) trimmed; multiple values keep their backslashes.
    /// `nil` when absent or empty. Text is decoded as UTF-8, replacing invalid bytes (PS3.5 6.1).
    public func string(_ tag: DICOMTag) -> String? {
        guard let e = element(tag), e.items == nil, e.fragments == nil, e.valueLength > 0 else { return nil }
        let range = clamp(e.valueRange)
        let text = buffer.withUnsafeBytes { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[range]), as: UTF8.self)
        }
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The values of a multi-valued text element, split at backslashes and trimmed (PS3.5 6.4).
    public func strings(_ tag: DICOMTag) -> [String] {
        guard let s = string(tag) else { return [] }
        return s.split(separator: "\\", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \0")) }
    }

    /// The numeric values of `tag`: DS/IS text, or binary US/SS/UL/SL/FL/FD/OF/OD; `nil` when absent, empty or
    /// not a number.
    public func doubles(_ tag: DICOMTag) -> [Double]? {
        guard let e = element(tag), e.items == nil, e.fragments == nil, e.valueLength > 0 else { return nil }
        if e.vr.isText || e.vr == .UN && isTextLike(e) {
            var values: [Double] = []
            for part in strings(tag) {
                guard let v = Double(part), v.isFinite else { return nil }
                values.append(v)
            }
            return values.isEmpty ? nil : values
        }
        return binaryValues(e)
    }

    /// The first numeric value of `tag`.
    public func double(_ tag: DICOMTag) -> Double? { doubles(tag)?.first }

    /// The integer values of `tag` (US/SS/UL/SL binary, or IS/DS text holding whole numbers).
    public func ints(_ tag: DICOMTag) -> [Int]? {
        guard let values = doubles(tag) else { return nil }
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard v.rounded() == v, abs(v) < 9.0e15 else { return nil }
            out.append(Int(v))
        }
        return out
    }

    /// The first integer value of `tag`.
    public func int(_ tag: DICOMTag) -> Int? { ints(tag)?.first }

    private func isTextLike(_ e: DICOMElement) -> Bool {
        // An Implicit VR element whose tag the dictionary does not know: decide by content.
        let range = clamp(e.valueRange)
        return buffer.withUnsafeBytes { raw in
            raw[range].allSatisfy { $0 == 0x20 || $0 == 0 || (0x2B...0x39).contains($0) || $0 == 0x45 || $0 == 0x65 || $0 == 0x5C }
        }
    }

    private func binaryValues(_ e: DICOMElement) -> [Double]? {
        let range = clamp(e.valueRange)
        let vr = e.vr == .UN ? (e.tag.dictionaryVR ?? .UN) : e.vr
        let size: Int
        switch vr {
        case .US, .SS, .OW: size = 2
        case .UL, .SL, .FL, .OF, .OL: size = 4
        case .FD, .OD: size = 8
        default: return nil
        }
        let count = range.count / size
        guard count > 0 else { return nil }
        let big = isBigEndian
        return buffer.withUnsafeBytes { raw in
            var out: [Double] = []
            out.reserveCapacity(count)
            var o = range.lowerBound
            for _ in 0..<count {
                switch vr {
                case .US, .OW:
                    let v = raw.loadUnaligned(fromByteOffset: o, as: UInt16.self)
                    out.append(Double(big ? v.bigEndian : v.littleEndian))
                case .SS:
                    let v = raw.loadUnaligned(fromByteOffset: o, as: Int16.self)
                    out.append(Double(big ? v.bigEndian : v.littleEndian))
                case .UL, .OL:
                    let v = raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)
                    out.append(Double(big ? v.bigEndian : v.littleEndian))
                case .SL:
                    let v = raw.loadUnaligned(fromByteOffset: o, as: Int32.self)
                    out.append(Double(big ? v.bigEndian : v.littleEndian))
                case .FL, .OF:
                    let bits = raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)
                    out.append(Double(Float(bitPattern: big ? bits.bigEndian : bits.littleEndian)))
                default:
                    let bits = raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
                    out.append(Double(bitPattern: big ? bits.bigEndian : bits.littleEndian))
                }
                o += size
            }
            return out
        }
    }
}
