import NadirModel

/// One line per lesion over time: the RECIST diameter of each target (short axis for nodes, long axis
/// otherwise; too small = 5 mm, absent = 0 mm), or each lesion's volume where volumes were measured.
public struct LesionChart: Sendable {
    /// What the chart plots.
    public enum Metric: String, Sendable {
        /// The diameter that enters the RECIST sum.
        case diameter
        /// The measured volume.
        case volume
    }

    /// The patient.
    public var data: PatientReportData
    /// Diameters or volumes.
    public var metric: Metric
    /// The reader whose measurements are drawn (`PatientReportData.chartRead`: the accepted read by default).
    public var reader: String?
    /// Image width in pixels.
    public var width: Double = 640
    /// Image height in pixels.
    public var height: Double = 300

    /// A chart of one patient's lesions.
    public init(data: PatientReportData, metric: Metric, reader: String? = nil) {
        self.data = data
        self.metric = metric
        self.reader = data.chartRead(reader)?.reader ?? reader
    }

    /// The value a measurement contributes (RECIST 1.1 §4.3 and the EORTC Q&A: too small = 5 mm, absent = 0).
    static func value(_ m: Measurement, lesion: Lesion, metric: Metric) -> Double? {
        switch metric {
        case .volume:
            if m.state == .absent { return 0 }
            return m.volume?.doubleValue
        case .diameter:
            switch m.state {
            case .absent: return 0
            case .tooSmallToMeasure: return 5
            case .notEvaluable: return nil
            case .measured: return (lesion.isNodal ? m.shortAxis : m.longAxis)?.doubleValue
            }
        }
    }

    /// Each lesion's series of (study day, value), lesions without any value left out.
    func series() -> [(lesion: LesionID, points: [(day: Int, value: Double, visit: String)])] {
        let tps = data.sortedTimepoints
        return data.lesions.compactMap { record -> (lesion: LesionID, points: [(day: Int, value: Double, visit: String)])? in
            if metric == .diameter && record.lesion.role != .target { return nil }
            let points = tps.compactMap { tp -> (day: Int, value: Double, visit: String)? in
                guard let reader, let m = data.measurement(record, at: tp.visit, reader: reader),
                      let v = LesionChart.value(m, lesion: record.lesion, metric: metric) else { return nil }
                return (data.day(of: tp.date), v, tp.visit)
            }
            return points.isEmpty ? nil : (record.lesion.id, points)
        }
    }

    /// Whether there is anything to draw (the volume chart is left out when no volumes exist).
    public var hasData: Bool {
        let s = series()
        return metric == .volume ? s.contains { $0.points.contains { $0.value > 0 } } : !s.isEmpty
    }

    static let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]

    /// The SVG document.
    public func svg() -> String {
        let all = series()
        let frame = ChartFrame(width: width, height: height)
        var svg = SVGBuilder(width: width, height: height)
        let days = all.flatMap { $0.points.map(\.day) }
        let values = all.flatMap { $0.points.map(\.value) }
        let x = LinearScale(domain: (Double(min(days.min() ?? 0, 0)), Double(max(days.max() ?? 1, 1))),
                            range: (frame.plotLeft + 10, frame.plotRight - 10))
        let y = LinearScale(domain: (0, max((values.max() ?? 1) * 1.15, 1)), range: (frame.plotBottom, frame.plotTop))
        let unit = metric == .volume ? "mm³" : "mm"
        let title = metric == .volume ? "Lesion volumes" : "Target lesion diameters"
        frame.drawAxes(&svg, x: x, y: y, title: "\(title) — \(data.patient.subjectID.rawValue)", xLabel: "Study day",
                       yLabel: "\(metric == .volume ? "Volume" : "Diameter") (\(unit))")
        var legend: [(label: String, color: String)] = []
        for (i, s) in all.enumerated() {
            let color = LesionChart.palette[i % LesionChart.palette.count]
            svg.polyline(s.points.map { (x(Double($0.day)), y($0.value)) }, stroke: color, width: 1.8,
                         extra: [("class", "lesion"), ("data-lesion", s.lesion.rawValue)])
            for p in s.points {
                svg.circle(cx: x(Double(p.day)), cy: y(p.value), r: 3, fill: color,
                           extra: [("data-lesion", s.lesion.rawValue), ("data-visit", p.visit),
                                   ("data-value", SVGBuilder.number(p.value))])
            }
            if legend.count < 8 { legend.append((s.lesion.rawValue, color)) }
        }
        frame.drawLegend(&svg, items: legend)
        return svg.document(title: "\(title) over time for \(data.patient.subjectID.rawValue)")
    }
}
