import NadirCriteria
import NadirModel

extension HTMLReport {
    /// The folded part: each reader's lesion x visit table, the rule trace and the criteria's thresholds.
    static func detailsSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<details class=\"criteria-table\"><summary>Criteria table: lesions and responses by timepoint"
            + "</summary>")
        for read in data.reads {
            if data.reads.count > 1 {
                let state = read.reader == data.acceptedReader ? "accepted" : "own read"
                h.raw("<h3>\(h.e(read.reader)) (\(state))</h3>")
            }
            h.table(PatientTable.make(data, reader: read.reader), categoryRowsFrom: data.lesions.count)
        }
        h.raw("</details>")
        h.raw("<details class=\"trace\"><summary>Rule trace</summary>")
        for read in data.reads {
            if data.reads.count > 1 { h.raw("<h3>\(h.e(read.reader))</h3>") }
            for tp in data.sortedTimepoints {
                guard let r = read.timepoint(tp.visit), !r.trace.isEmpty else { continue }
                h.raw("<h4>\(h.e(tp.visit)) (\(tp.date.iso8601)) \(h.category(r.overall))</h4>")
                h.trace(r.trace)
            }
            h.raw("<h4>Best overall response</h4>")
            h.trace(read.assessment.bestOverallResponse.trace)
        }
        h.raw("</details>")
        h.raw("<details class=\"criteria\"><summary>Criteria: \(h.e(data.criteria.name)) version "
            + "\(h.e(data.criteria.version))</summary>")
        criteriaSection(&h, data.criteria)
        h.raw("</details>")
    }

    static func criteriaSection(_ h: inout HTMLText, _ c: CriteriaSummary) {
        h.raw("<table><tbody>")
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

    /// Every reader with their CDISC evaluator fields, each reader's stored responses, and the adjudications.
    static func readersSection(_ h: inout HTMLText, _ data: PatientReportData) {
        h.raw("<h2>Readers and adjudication</h2>")
        h.raw("<table><thead><tr><th>Reader</th><th>EVAL</th><th>EVALID</th></tr></thead><tbody>")
        for id in data.allReaderIDs {
            let r = data.reader(named: id)
            h.row([r.id, r.evaluator, r.evaluatorID ?? ""])
        }
        h.raw("</tbody></table>")
        if data.reads.count > 1 {
            if let accepted = data.acceptedReader {
                h.raw("<p>Accepted read: \(h.e(accepted)) (adjudicated).</p>")
            } else {
                h.raw("<p class=\"notice\">No read is accepted: not adjudicated.</p>")
            }
        }
        if !data.readerAssessments.isEmpty {
            h.raw("<table><thead><tr><th>Visit</th><th>Reader</th><th>Target</th><th>Non-target</th><th>New</th>"
                + "<th>Overall</th><th>Accepted</th></tr></thead><tbody>")
            for a in data.readerAssessments {
                let accepted = a.reader == data.acceptedReader ? "Y" : ""
                h.raw("<tr><td>\(h.e(a.visit))</td><td>\(h.e(a.reader))</td><td>\(a.target.map(h.category) ?? "")</td>"
                    + "<td>\(a.nonTarget.map(h.category) ?? "")</td><td>\(ReportFormat.flag(a.newLesions))</td>"
                    + "<td>\(h.category(a.overall))</td><td>\(accepted)</td></tr>")
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
