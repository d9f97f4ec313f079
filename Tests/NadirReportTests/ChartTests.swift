import Foundation
import NadirModel
@testable import NadirReport
import Testing

/// Every chart is well-formed XML (Foundation's XMLParser), and its geometry matches values worked out by hand.
@Suite struct ChartTests {
    static let tolerance = 0.02  // SVG numbers carry two decimals

    static func trial() -> TrialReportData {
        // SUBJ-002 grows to 110 %, 112 %, 125 % of its baseline sum 70: 77, 78.4, 87.5 mm. WEEK 6 and 12 are SD
        // (+10 %, +12 % from the nadir 70 < +20 %); WEEK 18 is +25 % and +17.5 mm from 70: PD. BOR SD.
        TrialReportData(trial: SamplePatients.trial,
                        patients: [SamplePatients.responder(), SamplePatients.scaled(subject: "SUBJ-002", percents: [110, 112, 125])])
    }

    @Test func everyChartIsWellFormedXML() throws {
        let p = SamplePatients.responder(subject: "A&B <\"quoted\">")
        let t = TrialReportData(trial: SamplePatients.trial, patients: [p])
        for svg in [TrendChart(data: p).svg(), LesionChart(data: p, metric: .diameter).svg(),
                    LesionChart(data: p, metric: .volume).svg(), WaterfallChart(trial: t).svg(),
                    SpiderChart(trial: t).svg(), SwimmerChart(trial: t).svg()] {
            let parsed = try #require(TestSVG.parse(svg), "not well-formed: \(svg.prefix(200))")
            #expect(parsed.elements.first?.name == "svg")
        }
        // The hostile subject ID comes back intact after XML unescaping.
        let trend = try #require(TestSVG.parse(TrendChart(data: p).svg()))
        #expect(trend.text.contains("A&B <\"quoted\">"))
    }

    @Test func trendChartPlacesBaselineBandsAndPointsOnOneScale() throws {
        let svg = try #require(TestSVG.parse(TrendChart(data: SamplePatients.responder()).svg()))
        let points = svg.elements(class: "timepoint")
        #expect(points.map { $0.attributes["data-sum"] ?? "" } == ["70", "49", "32.5", "44"])
        #expect(points.map { $0.attributes["data-category"] ?? "" } == ["BL", "PR", "PR", "PD"])
        let y = Dictionary(uniqueKeysWithValues: points.compactMap { p in p.double("cy").map { (p.attributes["data-visit"] ?? "", $0) } })
        let baseline = try #require(svg.elements(class: "baseline").first?.double("y1"))
        #expect(abs(baseline - (y["BASELINE"] ?? .nan)) <= Self.tolerance)
        // WEEK 6 is exactly -30 %: its point lies on the PR band's upper edge (70 x 0.7 = 49).
        let prBand = try #require(svg.elements(class: "pr-band").first)
        #expect(prBand.attributes["data-edge"] == "49")
        #expect(abs((prBand.double("y") ?? .nan) - (y["WEEK 6"] ?? .nan)) <= Self.tolerance)
        // WEEK 18 is judged against the nadir 32.5: PD from max(32.5 x 1.2, 32.5 + 5) = 39.
        let pd = try #require(svg.elements(class: "pd-band").first { $0.attributes["data-visit"] == "WEEK 18" })
        #expect(pd.attributes["data-edge"] == "39")
        // Linear scale: (y(49) - y(70)) / (70 - 49) == (y(32.5) - y(49)) / (49 - 32.5).
        let perMM1 = ((y["WEEK 6"] ?? 0) - (y["BASELINE"] ?? 0)) / 21
        let perMM2 = ((y["WEEK 12"] ?? 0) - (y["WEEK 6"] ?? 0)) / 16.5
        #expect(abs(perMM1 - perMM2) <= 0.01)
        #expect(svg.elements(class: "nadir").first?.attributes["data-value"] == "32.5")
    }

    @Test func lesionChartUsesRecistValuesForTooSmallAndNodes() throws {
        let svg = try #require(TestSVG.parse(LesionChart(data: SamplePatients.responder(), metric: .diameter).svg()))
        func values(_ lesion: String) -> [String] {
            svg.elements.filter { $0.name == "circle" && $0.attributes["data-lesion"] == lesion }.map { $0.attributes["data-value"] ?? "" }
        }
        #expect(values("T02") == ["20", "14", "9.5", "12"])  // node: short axis
        #expect(values("T03") == ["20", "15", "5", "8"])     // too small to measure = 5 mm
        #expect(values("NT01").isEmpty)                      // non-targets have no diameters
    }

    @Test func waterfallSortsBarsAndDrawsThresholds() throws {
        let svg = try #require(TestSVG.parse(WaterfallChart(trial: Self.trial()).svg()))
        let bars = svg.elements(class: "bar")
        // Best change: SUBJ-002 +10 % (minimum of 10, 12, stops at PD 25), SUBJ-001 (32.5 - 70) / 70 = -53.57 %.
        #expect(bars.map { $0.attributes["data-subject"] ?? "" } == ["SUBJ-002", "SUBJ-001"])
        #expect(bars.map { $0.attributes["data-percent"] ?? "" } == ["10", "-53.57"])
        #expect(bars.map { $0.attributes["data-bor"] ?? "" } == ["SD", "PR"])
        #expect(Set(svg.elements(class: "threshold").compactMap { $0.attributes["data-value"] }) == ["-30", "20"])
        // Bar heights are proportional to the change: |h(-53.57)| / |h(10)| = 5.357.
        let h = bars.compactMap { $0.double("height") }
        #expect(abs(h[1] / h[0] - 5.357) <= 0.01)
    }

    @Test func spiderAndSwimmerCarryTheirValues() throws {
        let spider = try #require(TestSVG.parse(SpiderChart(trial: Self.trial()).svg()))
        #expect(spider.elements(class: "patient").map { $0.attributes["data-last"] ?? "" } == ["-37.14", "25"])
        let swimmer = try #require(TestSVG.parse(SwimmerChart(trial: Self.trial()).svg()))
        // Treatment start 2025-01-08, last on study 2025-05-20: 132 days; PD at 2025-05-12 = day 124; PR at day 40.
        #expect(swimmer.elements(class: "swim").map { $0.attributes["data-end"] ?? "" } == ["132", "132"])
        #expect(swimmer.elements(class: "progression").first?.attributes["data-day"] == "124")
        #expect(swimmer.elements(class: "response").first?.attributes["data-day"] == "40")
        // Both patients progressed at WEEK 18 (the engine's PD), so neither bar ends in the on-study arrow.
        #expect(swimmer.elements(class: "ongoing").isEmpty)
    }
}
