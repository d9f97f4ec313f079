/// The plot area of a chart and its axes.
struct ChartFrame {
    var width: Double
    var height: Double
    var left = 64.0
    var right = 24.0
    var top = 34.0
    var bottom = 46.0

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// Draws the frame, grid, ticks, tick labels, axis titles and the chart title.
    func drawAxes(_ svg: inout SVGBuilder, x: LinearScale, y: LinearScale, title: String, xLabel: String,
                  yLabel: String, xTicks: [Double]? = nil, yTicks: [Double]? = nil, yTickSuffix: String = "") {
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        svg.text(title, x: left, y: 20, size: 13, weight: "bold")
        for tick in yTicks ?? y.ticks(5) {
            let py = y(tick)
            svg.line(x1: plotLeft, y1: py, x2: plotRight, y2: py, stroke: "#e4e4e4")
            svg.text(SVGBuilder.number(tick) + yTickSuffix, x: plotLeft - 6, y: py + 4, anchor: "end", size: 10)
        }
        for tick in xTicks ?? x.ticks(6) {
            let px = x(tick)
            svg.line(x1: px, y1: plotBottom, x2: px, y2: plotBottom + 4, stroke: "#666666")
            svg.text(SVGBuilder.number(tick), x: px, y: plotBottom + 16, anchor: "middle", size: 10)
        }
        svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#666666")
        svg.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: "#666666")
        svg.text(xLabel, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: "middle", size: 11)
        svg.text(yLabel, x: 14, y: (plotTop + plotBottom) / 2, anchor: "middle", size: 11, rotate: -90)
    }

    /// A legend row of coloured swatches at the top right.
    func drawLegend(_ svg: inout SVGBuilder, items: [(label: String, color: String)]) {
        var x = plotRight
        for item in items.reversed() {
            let w = Double(item.label.count) * 6.2 + 18
            x -= w
            svg.rect(x: x, y: 10, width: 10, height: 10, fill: item.color)
            svg.text(item.label, x: x + 13, y: 19, size: 10)
        }
    }
}
