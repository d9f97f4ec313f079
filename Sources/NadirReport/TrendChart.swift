import NadirCriteria
import NadirModel

/// The sum of target measurements over time for one patient's read, with baseline and nadir lines, the PR and
/// PD threshold bands of the criteria, the overall response marked at each timepoint (the baseline point
/// included), and a PD that a new lesion decided marked as such.
public struct TrendChart: Sendable {
    /// The patient.
    public var data: PatientReportData
    /// The read drawn (`PatientReportData.chartRead`: the accepted read by default).
    public var read: ReaderRead?
    /// Image width in pixels.
    public var width: Double = 640
    /// Image height in pixels.
    public var height: Double = 320

    /// The trend chart of one patient.
    public init(data: PatientReportData, reader: String? = nil) {
        self.data = data
        self.read = data.chartRead(reader)
    }

    /// One plotted timepoint.
    struct Point {
        var visit: String
        var day: Int
        var sum: Double
        var nadir: Double?
        var category: ResponseCategory?
        /// Progression that new lesions decided while the target sum alone did not (RECIST 1.1 §4.3.3).
        var newLesionProgression = false
    }

    /// The baseline (the sum the engine compared with) and every follow-up with a sum, in date order.
    func points() -> [Point] {
        guard let read else { return [] }
        return data.sortedTimepoints.compactMap { tp in
            if tp.isBaseline, let sum = read.baselineSum {
                return Point(visit: tp.visit, day: data.day(of: tp.date), sum: sum.doubleValue, category: "BL")
            }
            guard let r = read.timepoint(tp.visit), let sum = r.sum else { return nil }
            let byNewLesion = data.isProgression(r.overall) && r.newLesions && !data.isProgression(r.target)
            return Point(visit: tp.visit, day: data.day(of: tp.date), sum: sum.doubleValue,
                         nadir: r.nadirSum?.doubleValue, category: r.overall, newLesionProgression: byNewLesion)
        }
    }

    /// The sum at which PD starts for a nadir: max(nadir x (1 + p), nadir + absolute) (RECIST 1.1 §4.3.1).
    func progressionThreshold(nadir: Double) -> Double? {
        guard let p = data.criteria.progressionPercent else { return nil }
        let relative = nadir * (1 + p.doubleValue / 100)
        let absolute = nadir + (data.criteria.progressionAbsolute?.doubleValue ?? 0)
        return max(relative, absolute)
    }

    /// The SVG document.
    public func svg() -> String {
        let pts = points()
        let unit = read?.baselineSum?.unitSymbol ?? "mm"
        let baseline = read?.baselineSum?.doubleValue ?? pts.first?.sum
        let frame = ChartFrame(width: width, height: height)
        var svg = SVGBuilder(width: width, height: height)
        let maxDay = Double(max(pts.map(\.day).max() ?? 1, 1))
        let minDay = Double(min(pts.map(\.day).min() ?? 0, 0))
        var top = pts.map(\.sum).max() ?? 1
        if let b = baseline { top = max(top, b) }
        for p in pts { if let n = p.nadir, let t = progressionThreshold(nadir: n) { top = max(top, t) } }
        top = max(top * 1.15, 1)
        let x = LinearScale(domain: (minDay, maxDay), range: (frame.plotLeft + 10, frame.plotRight - 10))
        let y = LinearScale(domain: (0, top), range: (frame.plotBottom, frame.plotTop))
        frame.drawAxes(&svg, x: x, y: y, title: "Sum of target lesions — \(data.patient.subjectID.rawValue)\(readerNote)",
                       xLabel: "Study day", yLabel: "Sum (\(unit))")
        drawBands(&svg, pts: pts, baseline: baseline, x: x, y: y, frame: frame)
        if let baseline {
            svg.line(x1: frame.plotLeft, y1: y(baseline), x2: frame.plotRight, y2: y(baseline), stroke: "#333333",
                     dash: "6 4", extra: [("class", "baseline"), ("data-value", SVGBuilder.number(baseline))])
            svg.text("baseline \(SVGBuilder.number(baseline))", x: frame.plotRight - 2, y: y(baseline) - 4,
                     anchor: "end", size: 10)
        }
        if let nadir = pts.map(\.sum).min() {
            svg.line(x1: frame.plotLeft, y1: y(nadir), x2: frame.plotRight, y2: y(nadir), stroke: "#1a6faf",
                     dash: "2 3", extra: [("class", "nadir"), ("data-value", SVGBuilder.number(nadir))])
            svg.text("nadir \(SVGBuilder.number(nadir))", x: frame.plotLeft + 4, y: y(nadir) + 12, size: 10,
                     fill: "#1a6faf")
        }
        svg.polyline(pts.map { (x(Double($0.day)), y($0.sum)) }, stroke: "#222222", width: 2)
        for p in pts {
            let cx = x(Double(p.day)), cy = y(p.sum)
            svg.circle(cx: cx, cy: cy, r: 5, fill: ResponseColors.color(p.category),
                       extra: [("class", "timepoint"), ("data-visit", p.visit), ("data-day", String(p.day)),
                               ("data-sum", SVGBuilder.number(p.sum)), ("data-category", p.category?.rawValue ?? "")])
            svg.text(p.category?.rawValue ?? "", x: cx, y: cy - 9, anchor: "middle", size: 10, weight: "bold")
            if p.newLesionProgression {
                // A star above the point: PD decided by a new lesion, not by the sum.
                svg.text("★ new lesion", x: cx, y: cy - 22, anchor: "middle", size: 10, fill: "#b2182b", weight: "bold",
                         extra: [("class", "new-lesion-pd"), ("data-visit", p.visit)])
            }
        }
        frame.drawLegend(&svg, items: [("PR band", "#5aa9d6"), ("PD band", "#d7301f")])
        return svg.document(title: "Sum of target lesions over time for \(data.patient.subjectID.rawValue)")
    }

    /// " (RADIOLOGIST 1)" when several readers read the patient, with "not adjudicated" when none is accepted.
    var readerNote: String {
        guard data.reads.count > 1, let read else { return "" }
        return read.reader == data.acceptedReader ? " (\(read.reader), accepted)" : " (\(read.reader), not adjudicated)"
    }

    /// PR band below baseline x (1 + PR %), PD band above each visit's PD threshold (a step per visit).
    private func drawBands(_ svg: inout SVGBuilder, pts: [Point], baseline: Double?, x: LinearScale, y: LinearScale,
                           frame: ChartFrame) {
        if let baseline, let pr = data.criteria.partialResponsePercent {
            let edge = baseline * (1 + pr.doubleValue / 100)
            svg.rect(x: frame.plotLeft, y: y(edge), width: frame.plotRight - frame.plotLeft,
                     height: frame.plotBottom - y(edge), fill: "#5aa9d6", opacity: 0.15,
                     extra: [("class", "pr-band"), ("data-edge", SVGBuilder.number(edge))])
        }
        // Each visit is judged against the nadir before it: the band steps at each visit.
        var previousX = frame.plotLeft
        for (i, p) in pts.enumerated() {
            guard let nadir = p.nadir, let edge = progressionThreshold(nadir: nadir) else { continue }
            let endX = i == pts.count - 1 ? frame.plotRight : (x(Double(p.day)) + x(Double(pts[i + 1].day))) / 2
            let startX = i == 0 ? frame.plotLeft : previousX
            svg.rect(x: startX, y: frame.plotTop, width: endX - startX, height: y(edge) - frame.plotTop,
                     fill: "#d7301f", opacity: 0.12,
                     extra: [("class", "pd-band"), ("data-visit", p.visit), ("data-edge", SVGBuilder.number(edge))])
            previousX = endX
        }
    }
}
