import NadirModel

/// The spider plot: each patient's % change of the target sum from baseline over study days, one line per
/// patient coloured by best overall response, with the -30 % and +20 % lines.
public struct SpiderChart: Sendable {
    /// The trial.
    public var trial: TrialReportData
    /// Image width in pixels.
    public var width: Double = 900
    /// Image height in pixels.
    public var height: Double = 420

    /// A spider plot of a trial.
    public init(trial: TrialReportData) { self.trial = trial }

    /// Each patient's (day, % change) series, baseline at (its day, 0).
    func series() -> [(subject: SubjectID, bor: ResponseCategory?, points: [(day: Int, percent: Double)])] {
        trial.patients.compactMap { p in
            var points: [(day: Int, percent: Double)] = []
            for tp in p.sortedTimepoints {
                if tp.isBaseline {
                    points.append((p.day(of: tp.date), 0))
                } else if let change = p.response(at: tp.visit)?.changeFromBaseline?.exactPercent {
                    points.append((p.day(of: tp.date), change.doubleValue))
                }
            }
            return points.count < 2 ? nil : (p.patient.subjectID, p.bestOverallCategory, points)
        }
    }

    /// The SVG document.
    public func svg() -> String {
        let all = series()
        let frame = ChartFrame(width: width, height: height)
        var svg = SVGBuilder(width: width, height: height)
        let percents = all.flatMap { $0.points.map(\.percent) }
        let days = all.flatMap { $0.points.map(\.day) }
        let y = LinearScale(domain: (min(-100, (percents.min() ?? 0) - 5), max(40, (percents.max() ?? 0) + 5)),
                            range: (frame.plotBottom, frame.plotTop))
        let x = LinearScale(domain: (Double(min(days.min() ?? 0, 0)), Double(max(days.max() ?? 1, 1))),
                            range: (frame.plotLeft + 6, frame.plotRight - 6))
        frame.drawAxes(&svg, x: x, y: y, title: "Change in target sum from baseline over time (n = \(all.count))",
                       xLabel: "Study day", yLabel: "Change from baseline (%)")
        for (value, label) in [(-30.0, "−30 %"), (20.0, "+20 %")] {
            svg.line(x1: frame.plotLeft, y1: y(value), x2: frame.plotRight, y2: y(value), stroke: "#444444",
                     dash: "5 4", extra: [("class", "threshold"), ("data-value", SVGBuilder.number(value))])
            svg.text(label, x: frame.plotRight - 2, y: y(value) - 4, anchor: "end", size: 10)
        }
        svg.line(x1: frame.plotLeft, y1: y(0), x2: frame.plotRight, y2: y(0), stroke: "#333333")
        let opacity = all.count > 100 ? 0.45 : 0.9
        for s in all {
            svg.polyline(s.points.map { (x(Double($0.day)), y($0.percent)) }, stroke: ResponseColors.color(s.bor),
                         width: 1.4, opacity: opacity,
                         extra: [("class", "patient"), ("data-subject", s.subject.rawValue),
                                 ("data-last", SVGBuilder.number(s.points.last?.percent ?? 0))])
        }
        frame.drawLegend(&svg, items: CohortLegend.items)
        return svg.document(title: "Spider plot of change from baseline, \(trial.trial.id.rawValue)")
    }
}
