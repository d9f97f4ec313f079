import Foundation
public import NadirModel

/// A small SVG 1.1 writer: elements appended as text, every text and attribute value escaped.
struct SVGBuilder {
    private(set) var body = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        body.reserveCapacity(16_384)
    }

    /// The finished document with title (accessible name) and a default font.
    func document(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" "
            + "height=\"\(n(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">"
            + "<title>\(Escaping.markup(title))</title>" + body + "</svg>\n"
    }

    /// A number with at most two fraction digits, no exponent, "-0" folded to "0".
    func n(_ value: Double) -> String { SVGBuilder.number(value) }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = Int64((value * 100).rounded())
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }

    /// Extra attributes, escaped: `[("data-visit", "WEEK 6")]`.
    private func attributes(_ extra: [(String, String)]) -> String {
        extra.map { " \($0.0)=\"\(Escaping.markup($0.1))\"" }.joined()
    }

    mutating func raw(_ text: String) { body += text }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1,
                       stroke: String? = nil, extra: [(String, String)] = []) {
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" "
            + "fill=\"\(fill)\"" + (opacity < 1 ? " fill-opacity=\"\(n(opacity))\"" : "")
            + (stroke.map { " stroke=\"\($0)\"" } ?? "") + attributes(extra) + "/>"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, extra: [(String, String)] = []) {
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(n(width))\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
            + attributes(extra) + "/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, opacity: Double = 1,
                           extra: [(String, String)] = []) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (opacity < 1 ? " stroke-opacity=\"\(n(opacity))\"" : "") + attributes(extra) + "/>"
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double,
                          extra: [(String, String)] = []) {
        guard points.count >= 3 else { return }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body += "<polygon points=\"\(list)\" fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\"" + attributes(extra) + "/>"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String = "#ffffff",
                         extra: [(String, String)] = []) {
        body += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\""
            + attributes(extra) + "/>"
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
                       fill: String = "#222222", weight: String? = nil, rotate: Double? = nil,
                       extra: [(String, String)] = []) {
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
            + extra.map { " \($0.0)=\"\(Escaping.markup($0.1))\"" }.joined()
            + (size.map { " font-size=\"\(n($0))\"" } ?? "") + (weight.map { " font-weight=\"\($0)\"" } ?? "")
            + (rotate.map { " transform=\"rotate(\(n($0)) \(n(x)) \(n(y)))\"" } ?? "")
            + ">\(Escaping.markup(content))</text>"
    }
}

/// A linear map from data values to pixels.
struct LinearScale {
    var domain: (Double, Double)
    var range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }

    /// Round tick values (1, 2, 5 x 10^k) covering the domain, about `count` of them.
    func ticks(_ count: Int = 5) -> [Double] {
        let lo = min(domain.0, domain.1), hi = max(domain.0, domain.1)
        guard hi > lo, count > 0 else { return [lo] }
        let raw = (hi - lo) / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var values: [Double] = []
        var v = (lo / step).rounded(.up) * step
        while v <= hi + step * 1e-9 {
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return values
    }
}

/// Colours of response categories, the same in every chart and table (colour-blind-safe, ColorBrewer RdYlBu).
public enum ResponseColors {
    /// The fill colour of a response category.
    public static func color(_ category: ResponseCategory?) -> String {
        switch category?.rawValue.uppercased() {
        case "CR", "ICR", "CMR": "#1a6faf"
        case "PR", "IPR", "PMR": "#5aa9d6"
        case "SD", "ISD", "SMD": "#f2b134"
        case "NON-CR/NON-PD", "NON-ICR/NON-IUPD": "#9bc89b"
        case "PD", "IUPD", "ICPD", "PMD": "#d7301f"
        default: "#8c8c8c"
        }
    }

    /// The badge text colour on a category's fill: black or white, whichever contrasts more (WCAG 2.1
    /// §1.4.3 contrast ratio (L1 + 0.05) / (L2 + 0.05) with sRGB relative luminance); every fill above reaches
    /// at least 4.5:1 (level AA for normal text) with its choice.
    public static func textColor(_ category: ResponseCategory?) -> String {
        let l = luminance(color(category))
        return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? "#ffffff" : "#000000"
    }

    /// WCAG 2.1 relative luminance of "#rrggbb".
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }
}
