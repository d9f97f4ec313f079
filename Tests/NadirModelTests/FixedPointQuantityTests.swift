import Foundation
import NadirModel
import Testing

@Suite struct FixedPointQuantityTests {
    @Test(arguments: [
        ("9.8", Int64(980)), ("14", 1400), ("14.0", 1400), ("0.25", 25), ("-3.2", -320), ("+5", 500),
        ("9.800", 980), ("0", 0), (".5", 50),
    ])
    func parsesDecimalTextExactly(text: String, hundredths: Int64) {
        #expect(Length(parsing: text)?.hundredthsOfMillimeter == hundredths)
    }

    @Test(arguments: ["", "-", "1.2.3", "12,5", "abc", "1e3", "9.805", " 9.8", "nan", "99999999999999"])
    func rejectsTextThatIsNotAnExactValue(text: String) {
        #expect(Length(parsing: text) == nil)
    }

    @Test func sumsAreExactWhereBinaryFloatingPointIsNot() throws {
        // 0.1 + 0.2 != 0.3 in Double; in hundredths of a millimetre it is exact.
        let a = try #require(Length(parsing: "0.1"))
        let b = try #require(Length(parsing: "0.2"))
        #expect(a + b == Length(parsing: "0.3"))
        #expect(0.1 + 0.2 != 0.3)
    }

    @Test func productOfDiametersIsExactArea() throws {
        let long = try #require(Length(parsing: "12.5"))
        let short = try #require(Length(parsing: "8.25"))
        #expect((long * short).formatted == "103.125")
    }

    @Test func roundsMeasuredDoublesToNearestHundredth() {
        #expect(Length(rounding: 12.344999)?.units == 1234)
        #expect(Length(rounding: 12.346)?.units == 1235)
        #expect(Length(rounding: .nan) == nil)
        #expect(Length(rounding: .infinity) == nil)
    }

    @Test func formatsWithoutFloatingPointNoise() {
        #expect(Length(units: 980).formatted == "9.8")
        #expect(Length(units: 1400).formatted == "14.0")
        #expect(Length(units: -5).formatted == "-0.05")
        #expect(StandardizedUptake(units: 800).formatted == "0.8")
    }

    @Test func encodesAsExactJSONNumberAndRoundTrips() throws {
        let value = try #require(Length(parsing: "9.8"))
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == "[9.8]")
        #expect(try JSONDecoder().decode([Length].self, from: data) == [value])
    }

    @Test func decodingRejectsMorePrecisionThanKept() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Length].self, from: Data("[9.805]".utf8))
        }
    }
}
