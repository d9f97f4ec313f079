import Foundation
import NadirCriteria
import NadirModel

/// An HTML document under construction; every piece of data passes through `e` (escape) on its way in.
struct HTMLText {
    private(set) var text = ""

    init() { text.reserveCapacity(65_536) }

    /// Escapes text for HTML.
    func e(_ s: String) -> String { Escaping.markup(s) }

    mutating func raw(_ s: String) { text += s }

    /// Opens the page. `running` is the line printed at the top of every printed page (the subject and the
    /// provenance): the page body sits in a one-column table whose header row the browser repeats on each
    /// printed page (CSS 2.1 §17.2 table-header-group), hidden on screen.
    mutating func open(title: String, running: String) {
        open(title: title)
        text += "<table class=\"printframe\"><thead><tr><td class=\"running\">\(e(running))</td></tr></thead>"
            + "<tbody><tr><td>\n"
    }

    mutating func open(title: String) {
        text += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            // No network: forbid every fetch except inline styles and data: images.
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:\">"
            + "<title>\(e(title))</title><style>\(HTMLStyle.css)</style></head><body>\n"
    }

    mutating func close(footer: String) {
        if text.contains("<table class=\"printframe\">") { text += "</td></tr></tbody></table>\n" }
        text += "<footer>\(e(footer))</footer>\n</body></html>\n"
    }

    /// A response category as a coloured badge.
    func category(_ c: ResponseCategory) -> String {
        "<span class=\"cat\" style=\"background:\(ResponseColors.color(c));color:\(ResponseColors.textColor(c))\">"
            + "\(e(c.rawValue))</span>"
    }

    mutating func figure(_ svg: String, caption: String) {
        text += "<figure>\(svg)<figcaption>\(e(caption))</figcaption></figure>\n"
    }

    mutating func row(_ cells: [String], header: Bool = false) {
        text += "<tr>"
        for (i, cell) in cells.enumerated() {
            text += header && i == 0 ? "<th>\(e(cell))</th>" : "<td>\(e(cell))</td>"
        }
        text += "</tr>"
    }

    /// A table; rows from `categoryRowsFrom + 4` on (the response rows of `PatientTable`) show badges.
    mutating func table(_ table: MarkdownTable, categoryRowsFrom: Int) {
        text += "<table><thead><tr>" + table.headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (index, row) in table.rows.enumerated() {
            text += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    text += "<th>\(e(cell))</th>"
                } else if index >= categoryRowsFrom + 4, index != categoryRowsFrom + 6, i >= 3, !cell.isEmpty {
                    text += "<td>\(category(ResponseCategory(rawValue: cell)))</td>"
                } else {
                    text += i >= 3 && index >= categoryRowsFrom ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
                }
            }
            text += "</tr>"
        }
        text += "</tbody></table>\n"
    }

    /// The engine's rule trace as it wrote it: rule, numbers compared, result, and where the rule is written.
    mutating func trace(_ lines: [RuleTrace]) {
        guard !lines.isEmpty else { return }
        text += "<ul class=\"trace\">"
        for line in lines {
            text += "<li><span class=\"rule\">\(e(line.rule))</span>: \(e(line.compared)) → <b>\(e(line.result))</b> "
                + "<span class=\"source\">[\(e(line.source))]</span></li>"
        }
        text += "</ul>\n"
    }

    mutating func image(_ image: SnapshotImage, main: Bool) {
        text += "<img class=\"\(main ? "main" : "thumb")\" src=\"data:image/png;base64,"
            + image.png.base64EncodedString() + "\" width=\"\(image.width)\" height=\"\(image.height)\" "
            + "alt=\"\(e(image.caption))\" title=\"\(e(image.caption))\">"
    }
}
