import NadirCriteria
import NadirModel

/// The per-patient report as one self-contained HTML page: inline CSS and SVG, PNG as data: URIs, no scripts
/// and no network access.
///
/// The answer comes first: the best overall response and the per-visit responses of the accepted read, each with
/// the lesion that drove it. With two or more readers the accepted read appears only once it is adjudicated;
/// until then the page shows each reader's own read and says that none is accepted. The criteria table, the
/// rule trace and the criteria's thresholds are folded below (`<details>`).
public enum HTMLReport {
    /// Renders the report of one patient. `indexLink` is the relative link back to the trial index, if any.
    /// `generatedAt` (ISO 8601) is printed with the provenance on every page; nil leaves it out.
    public static func render(patient data: PatientReportData, indexLink: String? = nil,
                              generatedAt: String? = nil) -> String {
        var h = HTMLText()
        let subject = data.patient.subjectID.rawValue
        let provenance = ReportProvenance.line(data, generatedAt: generatedAt)
        h.open(title: "Response report — \(subject)", running: "Subject \(subject) · \(provenance)")
        if let indexLink { h.raw("<p class=\"noprint\"><a href=\"\(Escaping.markup(indexLink))\">← Trial index</a></p>") }
        h.raw("<h1>Response report: \(h.e(subject))</h1>")
        var meta = ["Trial \(data.trial.id.rawValue) (\(data.trial.protocolName))"]
        if let site = data.patient.site { meta.append("site \(site)") }
        if let arm = data.patient.arm { meta.append("arm \(arm)") }
        if let cancer = data.patient.cancerType { meta.append("cancer type \(cancer)") }
        if let start = data.treatmentStart { meta.append("treatment start \(start.iso8601)") }
        h.raw("<p class=\"meta\">\(h.e(meta.joined(separator: " · ")))</p>")
        h.raw("<p class=\"provenance noprint\">\(h.e(provenance))</p>")
        answerSection(&h, data)
        trendSection(&h, data)
        detailsSection(&h, data)
        readersSection(&h, data)
        if !data.gallery.isEmpty { gallerySection(&h, data) }
        h.close(footer: "Nadir response report · criteria \(data.criteria.id.rawValue) version "
            + "\(data.criteria.version) · values exact to 0.01 mm, percentages rounded for display only")
        return h.text
    }

    /// The best overall response and the per-visit responses of the accepted read, or each reader's BOR with a
    /// notice when no read is accepted yet.
    static func answerSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<h2>Best overall response</h2>")
        guard let read = data.acceptedRead else {
            if data.reads.isEmpty {
                h.raw("<p>Not derived: nothing has been assessed yet.</p>")
                return
            }
            let names = data.reads.map(\.reader).joined(separator: ", ")
            h.raw("<p class=\"notice\">Not adjudicated: \(h.e(names)) read this patient and no read is accepted yet. "
                + "Each reader's own read is shown below; adjudicate to accept one.</p>")
            h.raw("<table><thead><tr><th>Reader</th><th>Best overall response (own read)</th></tr></thead><tbody>")
            for r in data.reads {
                h.raw("<tr><th>\(h.e(r.reader))</th><td>\(h.category(r.assessment.bestOverallResponse.unconfirmed))</td></tr>")
            }
            h.raw("</tbody></table>")
            return
        }
        let bor = read.assessment.bestOverallResponse
        var confirmation: String
        switch data.bestOverallConfirmed {
        case .some(true): confirmation = "confirmed"
        case .some(false): confirmation = "not confirmed"
        case .none: confirmation = "confirmation not required"
        }
        if let first = bor.unconfirmedVisit { confirmation += "; first met at \(first)" }
        if bor.isConfirmedResponse, let conf = bor.confirmedVisits.dropFirst().first { confirmation += "; confirmed at \(conf)" }
        if data.reads.count > 1 { confirmation += "; accepted read: \(read.reader)" }
        h.raw("<p class=\"bor\">\(h.category(bor.unconfirmed)) <span>\(h.e(confirmation))</span></p>")
        if let best = data.bestChangeFromBaselinePercent {
            h.raw("<p>Best change from baseline: \(h.e(ReportFormat.percent(best)))</p>")
        }
        h.raw("<h2>Responses by visit</h2>")
        visitTable(&h, data, read: read)
    }

    /// One row per follow-up: overall response, its components, the sum and changes, and the driving lesion.
    static func visitTable(_ h: inout HTMLText, _ data: PatientReportData, read: ReaderRead) {
        h.raw("<table class=\"visits\"><thead><tr><th>Visit</th><th>Date</th><th>Overall</th><th>Driven by</th>"
            + "<th>Target</th><th>Non-target</th><th>New</th><th>Sum</th><th>From baseline</th><th>From nadir</th>"
            + "</tr></thead><tbody>")
        for tp in data.sortedTimepoints {
            guard let r = read.timepoint(tp.visit) else { continue }
            let sum = r.sum.map { "\($0.formatted) \($0.unitSymbol)" } ?? ""
            h.raw("<tr><th>\(h.e(tp.visit))</th><td>\(tp.date.iso8601)</td><td>\(h.category(r.overall))</td>"
                + "<td class=\"driver\">\(h.e(ResponseDriver.describe(data, read: read, visit: tp.visit)))</td>"
                + "<td>\(r.target.map(h.category) ?? "")</td><td>\(r.nonTarget.map(h.category) ?? "")</td>"
                + "<td>\(r.newLesions ? "yes" : "no")</td><td class=\"num\">\(h.e(sum))</td>"
                + "<td class=\"num\">\(h.e(r.changeFromBaseline?.exactPercent.map { ReportFormat.percent($0) } ?? ""))</td>"
                + "<td class=\"num\">\(h.e(r.changeFromNadir?.exactPercent.map { ReportFormat.percent($0) } ?? ""))</td></tr>")
        }
        h.raw("</tbody></table>")
    }

    /// The trend chart of the accepted read, or one per reader when none is accepted.
    static func trendSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<h2>Trend</h2>")
        let readers = data.acceptedReader.map { [$0] } ?? data.reads.map(\.reader)
        for reader in readers {
            h.figure(TrendChart(data: data, reader: reader).svg(), caption: "Sum of target lesions over time"
                + (data.reads.count > 1 ? " (\(reader))" : "") + ", the baseline first. Shaded: PR region (change "
                + "from baseline at or below the PR threshold) and PD region (at or above the PD threshold from the "
                + "nadir before each visit). Dashed: baseline; dotted: nadir; ★: PD from a new lesion.")
            let diameters = LesionChart(data: data, metric: .diameter, reader: reader)
            if diameters.hasData { h.figure(diameters.svg(), caption: "Per-lesion diameters entering the sum.") }
            let volumes = LesionChart(data: data, metric: .volume, reader: reader)
            if volumes.hasData { h.figure(volumes.svg(), caption: "Per-lesion volumes.") }
        }
    }
}
