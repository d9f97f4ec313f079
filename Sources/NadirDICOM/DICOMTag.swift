/// A DICOM data element tag: (group, element), as defined in PS3.5 section 7.1.
public struct DICOMTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The group number (odd groups are private, PS3.5 7.8).
    public var group: UInt16
    /// The element number within the group.
    public var element: UInt16

    /// Makes a tag from its group and element numbers.
    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// Makes a tag from its 32-bit form `gggg_eeee`.
    public init(rawValue: UInt32) {
        self.init(UInt16(truncatingIfNeeded: rawValue >> 16), UInt16(truncatingIfNeeded: rawValue))
    }

    /// The 32-bit form `gggg_eeee`, which orders tags as PS3.5 7.1 requires.
    public var rawValue: UInt32 { UInt32(group) << 16 | UInt32(element) }

    /// Whether the tag is private (odd group other than 1, 3, 5, 7 and FFFF), PS3.5 7.8.1.
    public var isPrivate: Bool { group & 1 == 1 && group > 0x0007 && group != 0xFFFF }

    /// The PS3.6 keyword for the tags Nadir names, else `nil`.
    public var keyword: String? { DICOMTag.dictionary[rawValue]?.keyword }

    /// The PS3.6 VR for the tags Nadir names (used to read Implicit VR), else `nil`.
    public var dictionaryVR: DICOMVR? { DICOMTag.dictionary[rawValue]?.vr }

    /// `(gggg,eeee)` with the keyword when known, as dcmdump prints it.
    public var description: String {
        let hex = "(\(hex4(group)),\(hex4(element)))"
        return keyword.map { "\(hex) \($0)" } ?? hex
    }

    public static func < (a: DICOMTag, b: DICOMTag) -> Bool { a.rawValue < b.rawValue }

    /// Item (FFFE,E000), PS3.5 7.5.
    public static let item = DICOMTag(0xFFFE, 0xE000)
    /// Item Delimitation Item (FFFE,E00D), PS3.5 7.5.
    public static let itemDelimitation = DICOMTag(0xFFFE, 0xE00D)
    /// Sequence Delimitation Item (FFFE,E0DD), PS3.5 7.5.
    public static let sequenceDelimitation = DICOMTag(0xFFFE, 0xE0DD)
}

/// Four upper-case hexadecimal digits.
func hex4(_ value: UInt16) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(value >> 12)], digits[Int(value >> 8 & 0xF)],
                   digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
}
