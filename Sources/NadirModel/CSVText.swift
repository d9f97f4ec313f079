/// Writing CSV cells that are safe to open in a spreadsheet: RFC 4180 quoting and OWASP formula neutralisation.
///
/// A cell that a spreadsheet would evaluate as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return; OWASP "CSV Injection") is prefixed with a single quote, unless the whole cell is a plain number such as
/// `-12.5` or `+3`, which is written unchanged so exported values keep their meaning. Every CSV file Nadir writes
/// goes through ``field(_:)`` / ``record(_:)``.
public enum CSVText {
    /// One CSV field: neutralised against formula injection, then quoted per RFC 4180 when it holds a comma,
    /// quote, CR or LF (quotes doubled).
    public static func field(_ text: String) -> String {
        let safe = neutralized(text)
        let needsQuotes = safe.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return safe }
        var out = "\""
        for character in safe {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// One CSV record (RFC 4180), CRLF-terminated.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// The cell with a leading `'` when a spreadsheet would read it as a formula; numbers are left as they are.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, formulaTriggers.contains(first) else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    /// `=`, `+`, `-`, `@`, tab, carriage return (OWASP CSV Injection).
    static let formulaTriggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `[+-]digits[.digits][e[+-]digits]`: a number a spreadsheet reads as a number, never as a formula.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return false }
        if bytes.first == 0x2E {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let e = bytes.first, e == 0x65 || e == 0x45 {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
