import Foundation
import NadirCriteria
import NadirModel
import Testing

/// The numeric boundaries that binary floating point gets wrong (RECIST-tracker tests; criteria.md §3.3), run
/// through the whole engine with the shipped RECIST 1.1 file.
@Suite struct ExactArithmeticTests {
    /// One target lesion measured at baseline and at one follow-up.
    func assess(_ baseline: String, _ followUp: String, nadirVisit: String? = nil) throws -> TimePointAssessment {
        let definition = try TestPaths.catalog.get().definition(id: .recist11)
        let subject: SubjectID = "X"
        let lesion = Lesion(subjectID: subject, id: "T01", trackingUID: "u", role: .target, organ: "LIVER", isNodal: false)
        var values = [("BL", baseline)]
        if let nadirVisit { values.append(("N", nadirVisit)) }
        values.append(("FU", followUp))
        var timepoints: [TimePoint] = []
        var measurements: [NadirModel.Measurement] = []
        for (index, (visit, text)) in values.enumerated() {
            let date = CalendarDate(daysSinceEpoch: 19_000 + 42 * index)
            timepoints.append(TimePoint(subjectID: subject, visit: visit, date: date, isBaseline: index == 0))
            let length = try #require(Length(parsing: text))
            measurements.append(NadirModel.Measurement(subjectID: subject, lesionID: "T01", visit: visit, state: .measured,
                                            longAxis: length, reader: "R"))
        }
        let history = PatientHistory(patient: Patient(subjectID: subject, trialID: "T"), timepoints: timepoints,
                                     lesions: [lesion], measurements: measurements)
        let policies = ResponsePolicies(continuedPartialResponse: .perTimepoint)
        return try #require(ResponseEvaluator(definition: definition, policies: policies).assess(history).timepoints.last)
    }

    @Test func fourteenToNinePointEightIsPartialResponse() throws {
        let tp = try assess("14.0", "9.8")
        #expect(tp.target == .partialResponse)
        #expect(tp.changeFromBaseline?.absolute.units == -420)
        #expect(tp.changeFromBaseline?.percent.map { abs($0 - -30.0) < 1e-9 } == true)
    }

    @Test func ninetyToOneHundredEightIsProgression() throws {
        #expect(try assess("90", "108").target == .progressiveDisease)
        #expect(try assess("27.0", "32.4").target == .progressiveDisease)
    }

    @Test func plusFourPointNineMillimetresIsNotProgression() throws {
        #expect(try assess("20", "24.9").target == .stableDisease)
        #expect(try assess("30", "8.2", nadirVisit: "3.2").target == .progressiveDisease)
        #expect(try assess("30", "8.19", nadirVisit: "3.2").target == .partialResponse)
    }

    @Test func jsonShapeUsesTheAgreedKeys() throws {
        let tp = try assess("14.0", "9.8")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(tp), as: UTF8.self)
        for key in ["\"visit\"", "\"date\"", "\"sum\"", "\"changeFromBaseline\"", "\"changeFromNadir\"", "\"target\"",
                    "\"newLesions\"", "\"overall\"", "\"trace\""] {
            #expect(json.contains(key), "missing \(key) in \(json)")
        }
        #expect(json.contains("\"sum\":{\"kind\":\"sum-of-diameters\",\"unit\":\"mm\",\"value\":9.8}"))
    }
}
