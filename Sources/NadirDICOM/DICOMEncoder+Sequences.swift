import Foundation

/// Sequences, binary numbers and Part 10 framing for the writers of derived objects (SEG, SR).
extension DICOMEncoder {
    /// A sequence of items with defined lengths (PS3.5 7.5.2): each item is an encoder's elements in tag order.
    mutating func sequence(_ tag: DICOMTag, _ items: [DICOMEncoder]) {
        var value: [UInt8] = []
        for item in items {
            let bytes = item.encoded()
            value += Self.itemHeader(length: bytes.count) + bytes
        }
        add(tag, .SQ, value)
    }

    /// A sequence of one item.
    mutating func sequence(_ tag: DICOMTag, _ item: DICOMEncoder) {
        sequence(tag, [item])
    }

    /// A code sequence of one item (PS3.3 Table 8.8-1 Code Sequence Macro).
    mutating func code(_ tag: DICOMTag, _ code: DICOMCode) {
        sequence(tag, code.encoder())
    }

    /// Unsigned 16-bit values (VR US).
    mutating func us(_ tag: DICOMTag, _ values: [UInt16]) {
        add(tag, .US, values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    /// Attribute Tag values (VR AT): group then element, each little endian.
    mutating func at(_ tag: DICOMTag, _ value: DICOMTag) {
        add(tag, .AT, [UInt8(value.group & 0xFF), UInt8(value.group >> 8),
                       UInt8(value.element & 0xFF), UInt8(value.element >> 8)])
    }

    /// Unsigned 32-bit values (VR UL).
    mutating func ul(_ tag: DICOMTag, _ value: UInt32) {
        add(tag, .UL, Self.le32(value))
    }

    static func itemHeader(length: Int) -> [UInt8] {
        [0xFE, 0xFF, 0x00, 0xE0] + le32(UInt32(length))
    }

    static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// A Part 10 file (PS3.10 7.1): preamble, "DICM", the File Meta Information group, then this data set,
    /// all in Explicit VR Little Endian.
    func part10(sopClassUID: String, sopInstanceUID: String) -> [UInt8] {
        var meta = DICOMEncoder()
        meta.add(.fileMetaInformationVersion, .OB, [0, 1])
        meta.text(.mediaStorageSOPClassUID, .UI, sopClassUID)
        meta.text(.mediaStorageSOPInstanceUID, .UI, sopInstanceUID)
        meta.text(.transferSyntaxUID, .UI, DICOMTransferSyntax.explicitVRLittleEndian.uid)
        meta.text(.implementationClassUID, .UI, DICOMUID.implementationClass)
        meta.text(.implementationVersionName, .SH, "NADIR_1")
        let metaBytes = meta.encoded()
        var length = DICOMEncoder()
        length.ul(.fileMetaInformationGroupLength, UInt32(metaBytes.count))
        return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + length.encoded() + metaBytes + encoded()
    }

    /// DICOM DA and TM texts for an instant, in UTC (PS3.5 6.2).
    static func dateTime(_ date: Date) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (String(format: "%04d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0),
                String(format: "%02d%02d%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0))
    }
}
