/// A DICOM value representation: the two-letter code of PS3.5 Table 6.2-1.
public struct DICOMVR: Hashable, Sendable, CustomStringConvertible {
    /// The two ASCII bytes, first byte in the high half (`"OB"` is 0x4F42).
    public var rawValue: UInt16

    /// Makes a VR from its two ASCII bytes.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    init(_ code: StaticString) {
        let p = code.utf8Start
        rawValue = UInt16(p[0]) << 8 | UInt16(p[1])
    }

    /// The two-letter code.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self)
    }

    /// Whether both bytes are upper-case ASCII letters, as every defined VR is.
    public var isWellFormed: Bool {
        let a = rawValue >> 8, b = rawValue & 0xFF
        return (0x41...0x5A).contains(a) && (0x41...0x5A).contains(b)
    }

    /// Whether Explicit VR encodes this VR with 2 reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).
    public var hasLongLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: true
        default: false
        }
    }

    /// Whether the value is text (PS3.5 6.2): padded with spaces, multiple values split by backslash.
    public var isText: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT: true
        default: false
        }
    }

    /// The size of one binary value for numeric VRs, used to swap bytes in Big Endian files.
    var binaryWordSize: Int {
        switch self {
        case .US, .SS, .OW, .AT: 2
        case .UL, .SL, .FL, .OF, .OL: 4
        case .FD, .OD, .SV, .UV, .OV: 8
        default: 1
        }
    }

    public static let AE = DICOMVR("AE"), AS = DICOMVR("AS"), AT = DICOMVR("AT"), CS = DICOMVR("CS")
    public static let DA = DICOMVR("DA"), DS = DICOMVR("DS"), DT = DICOMVR("DT"), FD = DICOMVR("FD")
    public static let FL = DICOMVR("FL"), IS = DICOMVR("IS"), LO = DICOMVR("LO"), LT = DICOMVR("LT")
    public static let OB = DICOMVR("OB"), OD = DICOMVR("OD"), OF = DICOMVR("OF"), OL = DICOMVR("OL")
    public static let OV = DICOMVR("OV"), OW = DICOMVR("OW"), PN = DICOMVR("PN"), SH = DICOMVR("SH")
    public static let SL = DICOMVR("SL"), SQ = DICOMVR("SQ"), SS = DICOMVR("SS"), ST = DICOMVR("ST")
    public static let SV = DICOMVR("SV"), TM = DICOMVR("TM"), UC = DICOMVR("UC"), UI = DICOMVR("UI")
    public static let UL = DICOMVR("UL"), UN = DICOMVR("UN"), UR = DICOMVR("UR"), US = DICOMVR("US")
    public static let UT = DICOMVR("UT"), UV = DICOMVR("UV")
}
