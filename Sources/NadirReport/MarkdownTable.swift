/// A plain table rendered as GitHub-flavoured Markdown or as aligned terminal text.
public struct MarkdownTable: Hashable, Sendable {
    /// Column headers.
    public var headers: [String]
    /// Rows of cells; short rows are padded with empty cells.
    public var rows: [[String]]

    /// A table of headers and rows.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    private var columnCount: Int { max(headers.count, rows.map(\.count).max() ?? 0) }

    private func padded(_ row: [String]) -> [String] {
        row + Array(repeating: "", count: columnCount - row.count)
    }

    /// The table as Markdown, cells escaped (`|` and line breaks cannot break the layout).
    public var markdown: String {
        let head = padded(headers).map(Escaping.markdownCell)
        var lines = ["| " + head.joined(separator: " | ") + " |"]
        lines.append("|" + Array(repeating: "---|", count: columnCount).joined())
        for row in rows {
            lines.append("| " + padded(row).map(Escaping.markdownCell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as fixed-width text for a terminal: columns padded to their widest cell.
    public var terminal: String {
        let all = [padded(headers)] + rows.map(padded)
        let clean = all.map { $0.map { $0.replacingAll("\n", with: " ") } }
        var widths = Array(repeating: 0, count: columnCount)
        for row in clean {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            var text = ""
            for (i, cell) in row.enumerated() {
                text += cell + String(repeating: " ", count: widths[i] - cell.count)
                if i < row.count - 1 { text += "  " }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(clean[0])]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += clean.dropFirst().map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
