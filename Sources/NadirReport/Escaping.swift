import NadirModel

/// Escaping for the text formats the report writes.
public enum Escaping {
    /// Escapes text for HTML and XML (SVG) content and attribute values: `& < > " '`.
    public static func markup(_ text: String) -> String {
        // Fast path: most text (numbers, IDs, visit labels) needs no escaping.
        let clean = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x27
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most C0 controls even as references: drop them.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One CSV field: formula-neutralised and RFC 4180-quoted (``CSVText/field(_:)``).
    public static func csvField(_ text: String) -> String {
        CSVText.field(text)
    }

    /// One CSV record (RFC 4180), CRLF-terminated, every field through ``csvField(_:)``.
    public static func csvRecord(_ fields: [String]) -> String {
        CSVText.record(fields)
    }

    /// Escapes a Markdown table cell: pipes and backslashes escaped, line breaks turned into spaces, and the
    /// HTML that Markdown renderers pass through (CommonMark §6.6 "Raw HTML") written as entities (`&`, `<`, `>`),
    /// so an organ name or identifier such as `<img src=x onerror=...>` shows as text.
    public static func markdownCell(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free, for code that does not import Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
