import NadirModel

/// The waterfall plot: one bar per patient at the best % change of the target sum from baseline, sorted from
/// largest increase to largest decrease, coloured by best overall response, with the RECIST 1.1 -30 % and
/// +20 % lines.
public struct WaterfallChart: Sendable {
    /// The trial.
    public var trial: TrialReportData
    /// Image width in pixels.
    public var width: Double = 900
    /// Image height in pixels.
    public var height: Double = 380

    /// A waterfall plot of a trial.
    public init(trial: TrialReportData) { self.trial = trial }

    /// Patients with a best change, sorted descending (the bar order); ties by subject ID.
    func bars() -> [(subject: SubjectID, percent: Double, bor: ResponseCategory?)] {
        trial.patients.compactMap { p -> (subject: SubjectID, percent: Double, bor: ResponseCategory?)? in
            guard let best = p.bestChangeFromBaselinePercent else { return nil }
            return (p.patient.subjectID, best.doubleValue, p.bestOverallCategory)
        }
        .sorted { $0.percent != $1.percent ? $0.percent > $1.percent : $0.subject < $1.subject }
    }

    /// The SVG document.
    public func svg() -> String {
        let list = bars()
        let frame = ChartFrame(width: width, height: height, bottom: list.count <= 60 ? 80 : 46)
        var svg = SVGBuilder(width: width, height: height)
        let lo = min(-100, (list.map(\.percent).min() ?? 0) - 5)
        let hi = max(40, (list.map(\.percent).max() ?? 0) + 5)
        let y = LinearScale(domain: (lo, hi), range: (frame.plotBottom, frame.plotTop))
        let x = LinearScale(domain: (0, Double(max(list.count, 1))), range: (frame.plotLeft, frame.plotRight))
        frame.drawAxes(&svg, x: x, y: y, title: "Best change in target sum from baseline (n = \(list.count))",
                       xLabel: "Patients", yLabel: "Best change from baseline (%)", xTicks: [], yTickSuffix: "")
        let barWidth = (frame.plotRight - frame.plotLeft) / Double(max(list.count, 1))
        for (i, bar) in list.enumerated() {
            let top = y(max(bar.percent, 0)), bottom = y(min(bar.percent, 0))
            svg.rect(x: x(Double(i)) + barWidth * 0.1, y: top, width: barWidth * 0.8, height: bottom - top,
                     fill: ResponseColors.color(bar.bor),
                     extra: [("class", "bar"), ("data-subject", bar.subject.rawValue),
                             ("data-percent", SVGBuilder.number(bar.percent)), ("data-bor", bar.bor?.rawValue ?? "")])
            if list.count <= 60 {
                svg.text(bar.subject.rawValue, x: x(Double(i)) + barWidth / 2, y: frame.plotBottom + 8, anchor: "end",
                         size: 9, rotate: -60)
            }
        }
        svg.line(x1: frame.plotLeft, y1: y(0), x2: frame.plotRight, y2: y(0), stroke: "#333333")
        for (value, label) in [(-30.0, "−30 % (PR)"), (20.0, "+20 % (PD)")] {
            svg.line(x1: frame.plotLeft, y1: y(value), x2: frame.plotRight, y2: y(value), stroke: "#444444",
                     dash: "5 4", extra: [("class", "threshold"), ("data-value", SVGBuilder.number(value))])
            svg.text(label, x: frame.plotRight - 2, y: y(value) - 4, anchor: "end", size: 10)
        }
        frame.drawLegend(&svg, items: CohortLegend.items)
        return svg.document(title: "Waterfall plot of best change from baseline, \(trial.trial.id.rawValue)")
    }
}

/// The legend of best-overall-response colours shared by the cohort charts.
enum CohortLegend {
    static let items: [(label: String, color: String)] = [
        ("CR", ResponseColors.color(.completeResponse)), ("PR", ResponseColors.color(.partialResponse)),
        ("SD", ResponseColors.color(.stableDisease)), ("NON-CR/NON-PD", ResponseColors.color(.nonCRNonPD)),
        ("PD", ResponseColors.color(.progressiveDisease)), ("NE", ResponseColors.color(.notEvaluable)),
    ]
}
