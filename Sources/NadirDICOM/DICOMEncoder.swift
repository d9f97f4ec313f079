import Foundation

/// Encodes data elements in Explicit VR Little Endian (PS3.5 7.1.2), padding values to even length with the
/// character each VR requires (PS3.5 6.2: NUL for UI and OB, space for text).
struct DICOMEncoder {
    private(set) var elements: [(tag: DICOMTag, bytes: [UInt8])] = []

    mutating func text(_ tag: DICOMTag, _ vr: DICOMVR, _ value: String) {
        var bytes = [UInt8](value.utf8)
        if bytes.count % 2 == 1 { bytes.append(vr == .UI ? 0 : 0x20) }
        add(tag, vr, bytes)
    }

    mutating func texts(_ tag: DICOMTag, _ vr: DICOMVR, _ values: [String]) {
        text(tag, vr, values.joined(separator: "\\"))
    }

    /// Decimal String values (PS3.5 6.2: at most 16 characters each).
    mutating func decimals(_ tag: DICOMTag, _ values: [Double]) {
        texts(tag, .DS, values.map(Self.decimalString))
    }

    mutating func us(_ tag: DICOMTag, _ value: UInt16) {
        add(tag, .US, [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    mutating func add(_ tag: DICOMTag, _ vr: DICOMVR, _ value: [UInt8]) {
        var header: [UInt8] = []
        header.reserveCapacity(12 + value.count)
        append16(&header, tag.group)
        append16(&header, tag.element)
        header.append(UInt8(vr.rawValue >> 8))
        header.append(UInt8(vr.rawValue & 0xFF))
        if vr.hasLongLength {
            header += [0, 0]
            append32(&header, UInt32(value.count))
        } else {
            append16(&header, UInt16(value.count))
        }
        elements.append((tag, header + value))
    }

    /// The elements in ascending tag order, concatenated.
    func encoded() -> [UInt8] {
        elements.sorted { $0.tag < $1.tag }.flatMap(\.bytes)
    }

    /// The shortest decimal text of at most 16 characters that represents `value` (PS3.5 6.2 DS).
    static func decimalString(_ value: Double) -> String {
        for precision in stride(from: 15, through: 1, by: -1) {
            var text = String(format: "%.\(precision)g", value)
            if text.hasPrefix("-0") && Double(text) == 0 { text = "0" }
            if text.count <= 16 { return text }
        }
        return "0"
    }

    private func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    private func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}

/// UIDs of the form 2.25.<decimal of a random UUID> (PS3.5 B.2).
enum DICOMUID {
    /// Nadir's Implementation Class UID (PS3.7 D.3.3.2), a fixed 2.25 UID.
    static let implementationClass = "2.25.162892919698255688287528880139622246137"

    /// A new UID from a random UUID.
    static func make() -> String {
        let u = UUID().uuid
        let bytes = [u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15]
        // 128-bit big-endian number as four 32-bit limbs, converted to decimal by repeated division.
        var limbs: [UInt64] = []
        for start in stride(from: 0, to: 16, by: 4) {
            var limb: UInt64 = 0
            for k in 0..<4 { limb = limb << 8 | UInt64(bytes[start + k]) }
            limbs.append(limb)
        }
        var digits: [Character] = []
        while limbs.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for i in limbs.indices {
                let current = remainder << 32 | limbs[i]
                limbs[i] = current / 10
                remainder = current % 10
            }
            digits.append(Character(String(remainder)))
        }
        return "2.25." + (digits.isEmpty ? "0" : String(digits.reversed()))
    }
}
