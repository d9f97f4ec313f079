import NadirCriteria
import NadirModel

/// The swimmer plot: one bar per patient for time on study, coloured by best overall response, with a marker
/// at the first response (CR or PR), a marker at progression, and an arrow for patients still on study.
public struct SwimmerChart: Sendable {
    /// The trial.
    public var trial: TrialReportData
    /// Image width in pixels.
    public var width: Double = 900
    /// Height of one patient's row in pixels.
    public var rowHeight: Double = 14

    /// A swimmer plot of a trial.
    public init(trial: TrialReportData) { self.trial = trial }

    struct Row {
        var subject: SubjectID
        var bor: ResponseCategory?
        var end: Int
        var response: Int?
        var progression: Int?
        var ongoing: Bool
    }

    /// One row per patient with a follow-up end, longest time on study first.
    func rows() -> [Row] {
        trial.patients.compactMap { p -> Row? in
            guard let end = p.endOfFollowUp else { return nil }
            let responseDate = p.sortedTimepoints.first {
                let outcome = p.response(at: $0.visit).flatMap { p.criteria.categories.outcome(for: $0.overall) }
                return outcome == .complete || outcome == .partial
            }?.date
            return Row(subject: p.patient.subjectID, bor: p.bestOverallCategory, end: p.day(of: end),
                       response: responseDate.map { p.day(of: $0) }, progression: p.firstProgressionDate.map { p.day(of: $0) },
                       ongoing: p.isOngoing)
        }
        .sorted { $0.end != $1.end ? $0.end > $1.end : $0.subject < $1.subject }
    }

    /// The SVG document.
    public func svg() -> String {
        let list = rows()
        let labelWidth = list.count <= 80 ? 110.0 : 30.0
        let height = Double(list.count) * rowHeight + 90
        let frame = ChartFrame(width: width, height: height, left: labelWidth, top: 40)
        var svg = SVGBuilder(width: width, height: height)
        let x = LinearScale(domain: (0, Double(max(list.map(\.end).max() ?? 1, 1)) * 1.05),
                            range: (frame.plotLeft, frame.plotRight))
        let y = LinearScale(domain: (0, 1), range: (frame.plotBottom, frame.plotTop))
        frame.drawAxes(&svg, x: x, y: y, title: "Time on study (n = \(list.count))", xLabel: "Study day",
                       yLabel: "", yTicks: [])
        for (i, row) in list.enumerated() {
            let top = frame.plotTop + Double(i) * rowHeight + 2
            let mid = top + (rowHeight - 4) / 2
            svg.rect(x: x(0), y: top, width: x(Double(row.end)) - x(0), height: rowHeight - 4,
                     fill: ResponseColors.color(row.bor),
                     extra: [("class", "swim"), ("data-subject", row.subject.rawValue), ("data-end", String(row.end)),
                             ("data-bor", row.bor?.rawValue ?? "")])
            if list.count <= 80 {
                svg.text(row.subject.rawValue, x: frame.plotLeft - 4, y: mid + 4, anchor: "end", size: 9)
            }
            if let r = row.response {
                let px = x(Double(r))
                svg.raw("<path d=\"M\(svg.n(px - 4)),\(svg.n(mid + 4))L\(svg.n(px)),\(svg.n(mid - 4))L\(svg.n(px + 4)),"
                    + "\(svg.n(mid + 4))Z\" fill=\"#ffffff\" stroke=\"#1a6faf\" class=\"response\" data-day=\"\(r)\"/>")
            }
            if let pd = row.progression {
                let px = x(Double(pd))
                svg.raw("<path d=\"M\(svg.n(px - 4)),\(svg.n(mid - 4))L\(svg.n(px + 4)),\(svg.n(mid + 4))M\(svg.n(px - 4)),"
                    + "\(svg.n(mid + 4))L\(svg.n(px + 4)),\(svg.n(mid - 4))\" stroke=\"#000000\" stroke-width=\"2\" "
                    + "class=\"progression\" data-day=\"\(pd)\"/>")
            }
            if row.ongoing {
                let px = x(Double(row.end))
                svg.raw("<path d=\"M\(svg.n(px + 2)),\(svg.n(mid - 5))L\(svg.n(px + 10)),\(svg.n(mid))L\(svg.n(px + 2)),"
                    + "\(svg.n(mid + 5))Z\" fill=\"#333333\" class=\"ongoing\"/>")
            }
        }
        frame.drawLegend(&svg, items: CohortLegend.items + [("△ response", "#ffffff"), ("✕ PD", "#ffffff")])
        return svg.document(title: "Swimmer plot of time on study, \(trial.trial.id.rawValue)")
    }
}
