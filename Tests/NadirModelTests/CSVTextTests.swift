import NadirModel
import Testing

/// OWASP CSV Injection guidance: cells a spreadsheet would evaluate are neutralised; numbers are not changed.
@Suite struct CSVTextTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "\"'\rCR\""),
    ])
    func formulaCellsArePrefixed(input: String, expected: String) {
        #expect(CSVText.field(input) == expected)
    }

    @Test(arguments: ["-12.5", "+3", "-0", "12", "-1.25e+3", "LIVER", "T01", "", "a=b"])
    func numbersAndPlainTextAreUnchanged(input: String) {
        #expect(CSVText.field(input) == input)
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVText.record(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x\r\n")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
    }

    @Test(arguments: ["-", "+", "-.5", "+1.", "--1", "-1e", "- 1"])
    func notQuiteNumbersAreNeutralised(input: String) {
        #expect(CSVText.neutralized(input) == "'" + input)
    }
}
