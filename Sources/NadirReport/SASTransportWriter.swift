public import Foundation

/// SAS transport files, version 5 (XPORT), the format FDA requires for SDTM datasets (FDA Study Data Technical
/// Conformance Guide §3.3.1; layout from SAS technical support document TS-140, "The record layout of a data set
/// in SAS transport (XPORT) format"): 80-byte records, a library header, one member with a 140-byte NAMESTR per
/// variable, then the observations; numbers as 8-byte IBM System/370 floating point, text as blank-padded ASCII.
public enum SASTransportWriter {
    /// One variable: name (<= 8), label (<= 40), numeric or character.
    public struct Variable: Hashable, Sendable {
        /// The variable name (SDTM: upper case, <= 8 characters).
        public var name: String
        /// The variable label (<= 40 characters).
        public var label: String
        /// Numeric (written as IBM floating point; empty text is a missing value) or character.
        public var isNumeric: Bool

        /// Makes a variable.
        public init(name: String, label: String, isNumeric: Bool) {
            self.name = name
            self.label = label
            self.isNumeric = isNumeric
        }
    }

    /// The transport file of one dataset. `created` is written in the headers as `ddMMMyy:hh:mm:ss` (UTC).
    public static func file(dataset: String, label: String, variables: [Variable], rows: [[String]],
                            created: Date = Date(timeIntervalSince1970: 0)) throws(ReportError) -> Data {
        let stamp = timestamp(created)
        // Character lengths: the longest value of the column (at least 1, at most 200 in version 5).
        var lengths = variables.map { $0.isNumeric ? 8 : 1 }
        for (r, row) in rows.enumerated() {
            for (i, variable) in variables.enumerated() where !variable.isNumeric {
                let value = i < row.count ? row[i] : ""
                guard value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
                    throw ReportError(.transportValue, "\(dataset).\(variable.name) row \(r + 1) ('\(value)') is not "
                        + "printable ASCII, which SAS transport v5 requires; correct the value or export CSV/Dataset-JSON")
                }
                guard value.utf8.count <= 200 else {
                    throw ReportError(.transportValue, "\(dataset).\(variable.name) row \(r + 1) is longer than 200 "
                        + "characters, the SAS transport v5 limit")
                }
                lengths[i] = max(lengths[i], value.utf8.count)
            }
        }
        var out = Data()
        func record(_ text: String) { out.append(contentsOf: padded(text, 80)) }
        record("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ")
        record("SAS     SAS     SASLIB  9.4     Linux   " + String(repeating: " ", count: 24) + stamp)
        record(stamp + String(repeating: " ", count: 64))
        record("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ")
        record("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ")
        record("SAS     " + padded8(dataset) + "SASDATA 9.4     Linux   " + String(repeating: " ", count: 24) + stamp)
        record(stamp + String(repeating: " ", count: 16) + String(decoding: padded(label, 40), as: UTF8.self) + "        ")
        record("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000"
            + String(format: "%04d", variables.count) + "00000000000000000000  ")
        var names = Data()
        var position = 0
        for (i, v) in variables.enumerated() {
            names.append(contentsOf: namestr(v, number: i + 1, length: lengths[i], position: position))
            position += lengths[i]
        }
        out.append(names)
        out.append(contentsOf: [UInt8](repeating: 0x20, count: (80 - names.count % 80) % 80))
        record("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ")
        var observations = Data()
        observations.reserveCapacity(rows.count * position)
        for row in rows {
            for (i, v) in variables.enumerated() {
                let value = i < row.count ? row[i] : ""
                if v.isNumeric {
                    observations.append(contentsOf: ibm(Double(value)))
                } else {
                    observations.append(contentsOf: padded(value, lengths[i]))
                }
            }
        }
        out.append(observations)
        out.append(contentsOf: [UInt8](repeating: 0x20, count: (80 - observations.count % 80) % 80))
        return out
    }

    /// The 140-byte NAMESTR of one variable (TS-140, big-endian shorts and long).
    static func namestr(_ v: Variable, number: Int, length: Int, position: Int) -> [UInt8] {
        var b: [UInt8] = []
        func short(_ x: Int) { b += [UInt8((x >> 8) & 0xFF), UInt8(x & 0xFF)] }
        short(v.isNumeric ? 1 : 2)  // ntype
        short(0)                    // nhfun
        short(length)               // nlng
        short(number)               // nvar0
        b += padded(v.name, 8)      // nname
        b += padded(v.label, 40)    // nlabel
        b += padded("", 8)          // nform
        short(0); short(0); short(v.isNumeric ? 1 : 0)  // nfl, nfd, nfj (right-justify numbers)
        b += [0, 0]                 // nfill
        b += padded("", 8)          // niform
        short(0); short(0)          // nifl, nifd
        b += [UInt8((position >> 24) & 0xFF), UInt8((position >> 16) & 0xFF), UInt8((position >> 8) & 0xFF),
              UInt8(position & 0xFF)]  // npos
        b += [UInt8](repeating: 0, count: 52)  // rest
        return b
    }

    /// An IEEE double as IBM System/370 double precision (sign, excess-64 base-16 exponent, 56-bit fraction);
    /// nil (or not finite) is the SAS missing value `.` (0x2E then zeros). Every finite double converts exactly:
    /// its 53-bit significand fits the 56-bit fraction after the base-16 alignment shift of at most 3 bits.
    static func ibm(_ value: Double?) -> [UInt8] {
        guard let value, value.isFinite else { return [0x2E, 0, 0, 0, 0, 0, 0, 0] }
        if value == 0 { return [UInt8](repeating: 0, count: 8) }
        let magnitude = abs(value)
        let e2 = Int(magnitude.exponent) + 1  // magnitude = f * 2^e2 with f in [0.5, 1)
        let e16 = Int((Double(e2) / 4).rounded(.up))
        let fraction = UInt64(magnitude * pow(2, Double(56 - 4 * e16)))  // exact: a power-of-two scaling
        let bits = (value < 0 ? UInt64(1) << 63 : 0) | (UInt64(e16 + 64) << 56) | (fraction & 0x00FF_FFFF_FFFF_FFFF)
        return (0..<8).map { UInt8((bits >> (56 - 8 * UInt64($0))) & 0xFF) }
    }

    /// `ddMMMyy:hh:mm:ss` in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "ddMMMyy:HH:mm:ss"
        return formatter.string(from: date).uppercased()
    }

    static func padded(_ text: String, _ count: Int) -> [UInt8] {
        let bytes = Array(text.utf8.prefix(count))
        return bytes + [UInt8](repeating: 0x20, count: count - bytes.count)
    }

    static func padded8(_ text: String) -> String { String(decoding: padded(text, 8), as: UTF8.self) }
}
