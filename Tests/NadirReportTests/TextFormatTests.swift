import Foundation
@testable import NadirReport
import Testing

/// Escaping and number formatting, checked against the RFC 4180 / Markdown rules and hand arithmetic.
@Suite struct TextFormatTests {
    static func d(_ text: String) -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            preconditionFailure("bad test decimal \(text)")
        }
        return value
    }

    @Test func csvFieldsRoundTripThroughAnIndependentReader() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "", "x\r\ny"]
        let text = Escaping.csvRecord(fields) + Escaping.csvRecord(["1", "2", "3", "4", "5", "6"])
        #expect(TestCSVReader.parse(text) == [fields, ["1", "2", "3", "4", "5", "6"]])
        #expect(Escaping.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func markdownCellsCannotBreakTheTable() {
        let table = MarkdownTable(headers: ["a", "b"], rows: [["x|y", "line\nbreak"]])
        #expect(table.markdown == "| a | b |\n|---|---|\n| x\\|y | line break |\n")
        #expect(MarkdownTable(headers: ["id", "value"], rows: [["T01", "21.0"], ["T02/T03", "9"]]).terminal
            == "id       value\n-------  -----\nT01      21.0\nT02/T03  9\n")
    }

    @Test(arguments: [(Decimal(-30), "-30.0 %"), (Self.d("-29.95"), "-30.0 %"), (Self.d("-29.94"), "-29.9 %"), (Decimal(20), "+20.0 %"), (Decimal(0), "0.0 %"),
                      (Self.d("-0.04"), "0.0 %"), (Self.d("35.384615"), "+35.4 %")])
    func percentRoundsHalfAwayFromZeroOnlyForDisplay(value: Decimal, text: String) {
        #expect(ReportFormat.percent(value) == text)
    }

    @Test func exactPercentOfTheRecistBoundaryCase() {
        // 14.0 -> 9.8 mm is exactly -30 % (the float trap of criteria.md): Decimal keeps it exact.
        let change = (Self.d("9.8") - 14) / 14 * 100
        #expect(change == -30)
        #expect(ReportFormat.plain(Self.d("15.36")) == "15.36")
        #expect(ReportFormat.plain(Decimal(16)) == "16")
    }

    @Test func svgNumbersHaveTwoDecimalsAtMost() {
        #expect(SVGBuilder.number(12.345) == "12.35")
        #expect(SVGBuilder.number(-0.001) == "0")
        #expect(SVGBuilder.number(-3.1) == "-3.1")
        #expect(SVGBuilder.number(7.05) == "7.05")
        #expect(SVGBuilder.number(100) == "100")
    }
}
