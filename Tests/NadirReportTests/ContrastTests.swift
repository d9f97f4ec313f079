import Foundation
import NadirModel
@testable import NadirReport
import Testing

/// Response badges on the patient page meet WCAG 2.1 level AA contrast (§1.4.3: >= 4.5:1 for normal text),
/// computed here from the colours the page actually carries with the WCAG formula.
@Suite struct ContrastTests {
    /// WCAG 2.1 relative luminance (sRGB), the test's own implementation.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ i: Int) -> Double {
            let c = Double(Int(String(digits[i..<i + 2]), radix: 16) ?? 0) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func knownRatiosOfTheFormula() {
        // WCAG: black on white is 21:1; #767676 on white is the classic 4.54:1 AA boundary grey.
        #expect(abs(Self.ratio("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.ratio("#767676", "#ffffff") - 4.54) < 0.01)
    }

    @Test(arguments: ["CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE", "iUPD", "iCPD", "PMR", "BL"])
    func everyBadgeOnThePagePassesAA(category: String) throws {
        let html = HTMLText().category(ResponseCategory(rawValue: category))
        let style = try #require(html.range(of: #"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})"#, options: .regularExpression))
        let parts = html[style].replacingOccurrences(of: "background:", with: "").replacingOccurrences(of: "color:", with: "")
            .split(separator: ";").map(String.init)
        #expect(Self.ratio(parts[0], parts[1]) >= 4.5, "\(category): \(parts)")
    }
}
