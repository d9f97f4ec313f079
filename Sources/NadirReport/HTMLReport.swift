import NadirModel

/// The per-patient report as one self-contained HTML page: inline CSS and SVG, PNG as data: URIs, no scripts
/// and no network access.
public enum HTMLReport {
    /// Renders the report of one patient. `indexLink` is the relative link back to the trial index, if any.
    public static func render(patient data: PatientReportData, indexLink: String? = nil) -> String {
        var h = HTMLText()
        let subject = data.patient.subjectID.rawValue
        h.open(title: "Response report — \(subject)")
        if let indexLink { h.raw("<p class=\"noprint\"><a href=\"\(Escaping.markup(indexLink))\">← Trial index</a></p>") }
        h.raw("<h1>Response report: \(h.e(subject))</h1>")
        var meta = ["Trial \(data.trial.id.rawValue) (\(data.trial.protocolName))"]
        if let site = data.patient.site { meta.append("site \(site)") }
        if let arm = data.patient.arm { meta.append("arm \(arm)") }
        if let cancer = data.patient.cancerType { meta.append("cancer type \(cancer)") }
        if let start = data.treatmentStart { meta.append("treatment start \(start.iso8601)") }
        h.raw("<p class=\"meta\">\(h.e(meta.joined(separator: " · ")))</p>")
        bestOverallSection(&h, data)
        criteriaSection(&h, data.criteria)
        h.raw("<h2>Trend</h2>")
        h.figure(TrendChart(data: data).svg(), caption: "Sum of target lesions over time. Shaded: PR region "
            + "(change from baseline at or below the PR threshold) and PD region (at or above the PD threshold "
            + "from the nadir before each visit). Dashed: baseline; dotted: nadir.")
        let diameters = LesionChart(data: data, metric: .diameter)
        if diameters.hasData { h.figure(diameters.svg(), caption: "Per-lesion diameters entering the sum.") }
        let volumes = LesionChart(data: data, metric: .volume)
        if volumes.hasData { h.figure(volumes.svg(), caption: "Per-lesion volumes.") }
        h.raw("<h2>Lesions and responses by timepoint</h2>")
        h.table(PatientTable.make(data), categoryRowsFrom: data.lesions.count)
        traceSection(&h, data)
        readersSection(&h, data)
        if !data.gallery.isEmpty { gallerySection(&h, data) }
        h.close(footer: "Nadir response report · criteria \(data.criteria.id.rawValue) version "
            + "\(data.criteria.version) · values exact to 0.01 mm, percentages rounded for display only")
        return h.text
    }

    static func bestOverallSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<h2>Best overall response</h2>")
        guard let bor = data.bestOverall else {
            h.raw("<p>Not derived.</p>")
            return
        }
        var confirmation: String
        switch bor.confirmed {
        case .some(true): confirmation = "confirmed"
        case .some(false): confirmation = "not confirmed"
        case .none: confirmation = "confirmation not required"
        }
        if let first = bor.firstVisit { confirmation += "; first met at \(first)" }
        if let conf = bor.confirmationVisit { confirmation += "; confirmed at \(conf)" }
        h.raw("<p class=\"bor\">\(h.category(bor.category)) <span>\(h.e(confirmation))</span></p>")
        if let best = data.bestChangeFromBaselinePercent {
            h.raw("<p>Best change from baseline: \(h.e(ReportFormat.percent(best)))</p>")
        }
        h.trace(bor.trace)
    }

    static func criteriaSection(_ h: inout HTMLText, _ c: CriteriaSummary) {
        h.raw("<h2>Criteria</h2><table><tbody>")
        h.row(["Criteria", "\(c.name) (\(c.id.rawValue))"], header: true)
        h.row(["Version", c.version], header: true)
        h.row(["Citation", c.citation], header: true)
        if let pr = c.partialResponsePercent { h.row(["PR threshold", "change from baseline ≤ \(ReportFormat.percent(pr))"], header: true) }
        if let pd = c.progressionPercent {
            let abs = c.progressionAbsolute.map { " and ≥ \($0.formatted) \($0.unitSymbol) absolute" } ?? ""
            h.row(["PD threshold", "change from nadir ≥ \(ReportFormat.percent(pd))\(abs)"], header: true)
        }
        for key in c.policies.keys.sorted() { h.row(["Policy: \(key)", c.policies[key] ?? ""], header: true) }
        h.raw("</tbody></table>")
    }

    static func traceSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<h2>Rule trace</h2>")
        for tp in data.sortedTimepoints {
            guard let r = data.response(at: tp.visit), !r.trace.isEmpty else { continue }
            h.raw("<h3>\(h.e(tp.visit)) (\(tp.date.iso8601))\(r.overall.map { " " + h.category($0) } ?? "")</h3>")
            h.trace(r.trace)
        }
    }

    static func readersSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<h2>Readers and adjudication</h2>")
        h.raw("<table><thead><tr><th>Reader</th><th>EVAL</th><th>EVALID</th></tr></thead><tbody>")
        for id in data.allReaderIDs {
            let r = data.reader(named: id)
            h.row([r.id, r.evaluator, r.evaluatorID ?? ""])
        }
        h.raw("</tbody></table>")
        if !data.readerAssessments.isEmpty {
            h.raw("<table><thead><tr><th>Visit</th><th>Reader</th><th>Target</th><th>Non-target</th><th>New</th>"
                + "<th>Overall</th><th>Accepted</th></tr></thead><tbody>")
            for a in data.readerAssessments {
                h.raw("<tr><td>\(h.e(a.visit))</td><td>\(h.e(a.reader))</td><td>\(a.target.map(h.category) ?? "")</td>"
                    + "<td>\(a.nonTarget.map(h.category) ?? "")</td><td>\(ReportFormat.flag(a.newLesions))</td>"
                    + "<td>\(h.category(a.overall))</td><td>\(a.isAccepted ? "Y" : "")</td></tr>")
            }
            h.raw("</tbody></table>")
        }
        for a in data.adjudications {
            var text = "\(a.visit): accepted \(a.acceptedReader)"
            if let who = a.adjudicator { text += " (adjudicated by \(who))" }
            if let why = a.reason { text += " — \(why)" }
            h.raw("<p>\(h.e(text))</p>")
        }
    }

    static func gallerySection(_ h: inout HTMLText, _ data: PatientReportData) {
        let tps = data.sortedTimepoints
        h.raw("<h2>Snapshot gallery</h2><table class=\"gallery\"><thead><tr><th>Lesion</th>")
        for tp in tps { h.raw("<th>\(h.e(tp.visit))<br>\(tp.date.iso8601)</th>") }
        h.raw("</tr></thead><tbody>")
        let lesionIDs = data.lesions.map(\.lesion.id).filter { id in data.gallery.contains { $0.lesionID == id } }
        for id in lesionIDs {
            h.raw("<tr><th>\(h.e(id.rawValue))</th>")
            for tp in tps {
                h.raw("<td>")
                if let cell = data.gallery.first(where: { $0.lesionID == id && $0.visit == tp.visit }) {
                    for image in cell.images {
                        h.image(image, main: image.kind == .axialZoom)
                    }
                }
                h.raw("</td>")
            }
            h.raw("</tr>")
        }
        h.raw("</tbody></table>")
    }
}
