import NadirTestSupport
import Testing

/// The designed responses against the published rules worked by hand on the designed diameters.
@Suite struct DesignedResponseTests {
    /// Each demo scenario's designed categories, worked by hand from its radii (long axis 2 max(a, b)):
    /// NSCLC 30+20=50 -> 16+11=27 (-46 %) PR -> 14+10=24 (-52 %) PR (RECIST 1.1 §4.3.1: PR >= 30 % decrease);
    /// CRC 32+22=54 -> 30+21=51 (-5.6 %) SD -> 31+21=52 plus a new lesion: PD (§4.3.1 new lesion);
    /// HCC 40+24=64 -> 24+12=36 (-43.8 %) PR -> 18+12=30 (-53.1 %) PR (Lencioni 2010 Table 2);
    /// melanoma 20+24=44 -> 28+32=60 (+36 %, +16 mm) iUPD -> 12+14=26 (-40.9 % of baseline, not >= 5 mm more
    /// than at iUPD) iPR -> 10+12=22 (-50 %) iPR (Seymour 2017 Table 2);
    /// DLBCL SPD 32x22+26x18=1172 -> 20x12+10x8=320 (-72.7 %, LDi 20 > 15) PR -> 12x9+8x6=156, every LDi <= 15: CR
    /// (Cheson 2014 Table 3).
    @Test(arguments: [
        ("nsclc-responder", ["PR", "PR"], [-46.0, -52.0]),
        ("crc-new-lesion", ["SD", "PD"], [-5.56, -3.70]),
        ("hcc-mrecist", ["PR", "PR"], [-43.75, -53.13]),
        ("melanoma-irecist", ["iUPD", "iPR", "iPR"], [36.36, -40.91, -50.0]),
        ("dlbcl-lugano", ["PR", "CR"], [-72.70, -86.69]),
    ])
    func designedCategories(name: String, expected: [String], changes: [Double]) throws {
        let scenario = try #require(StudyScenario.named(name))
        let designed = try scenario.designedResponses()
        #expect(designed.map(\.overall) == expected)
        for (d, change) in zip(designed, changes) {
            #expect(abs(d.changeFromBaseline - change) < 0.01, "\(name) \(d.visit): \(d.changeFromBaseline) %")
        }
    }

    /// A design at exactly -30 % (14.0 -> 9.8 mm) is refused: measuring could fall either side of the threshold.
    @Test func thresholdDesignIsRefused() {
        let scenario = StudyScenario(
            name: "edge", subjectID: "E-1", cancerType: "nsclc", criteria: "recist-1.1", summary: "at the PR threshold",
            timepoints: [ScenarioTimepoint(visit: "BASELINE", date: "2026-01-01"), ScenarioTimepoint(visit: "WEEK 6", date: "2026-02-12")],
            lesions: [ScenarioLesion(id: "T01", organ: "LUNG", preset: "lung", centre: [-80, 0, 100], hounsfield: 20,
                                     radii: [[7, 6, 6], [4.9, 4, 4]])])
        #expect(throws: ScenarioError.self) { try scenario.designedResponses() }
    }

    /// Criteria without designed-response rules here are refused, not guessed.
    @Test func unknownCriteriaIsRefused() {
        var scenario = StudyScenario.nsclcResponder
        scenario.criteria = "rano-2.0"
        #expect(throws: ScenarioError.self) { try scenario.designedResponses() }
    }
}
