import Foundation
import NadirModel

/// The trial index page: cohort charts and a table linking every patient's report.
public enum TrialIndexPage {
    /// Renders the index; `link` gives each patient's report path relative to the index.
    public static func render(trial: TrialReportData, charts: (waterfall: String, spider: String, swimmer: String),
                              link: (PatientReportData) -> String) -> String {
        var h = HTMLText()
        h.open(title: "Trial \(trial.trial.id.rawValue) — response overview")
        h.raw("<h1>\(h.e(trial.trial.id.rawValue)): \(h.e(trial.trial.protocolName))</h1>")
        var meta = "\(trial.patients.count) patients · default criteria \(trial.trial.defaultCriteria.rawValue)"
        if let generated = trial.generatedAt { meta += " · generated \(generated)" }
        h.raw("<p class=\"meta\">\(h.e(meta))</p>")
        h.raw("<p class=\"noprint\">Exports: <a href=\"exports/lesions.csv\">lesions.csv</a> · "
            + "<a href=\"exports/timepoints.csv\">timepoints.csv</a> · "
            + "<a href=\"exports/best-overall-response.csv\">best-overall-response.csv</a> · SDTM "
            + "<a href=\"exports/sdtm/tu.csv\">TU</a> <a href=\"exports/sdtm/tr.csv\">TR</a> "
            + "<a href=\"exports/sdtm/rs.csv\">RS</a></p>")
        h.raw("<h2>Best overall response</h2>")
        var counts: [String: Int] = [:]
        for p in trial.patients { counts[p.bestOverallCategory?.rawValue ?? "not derived", default: 0] += 1 }
        h.raw("<table><thead><tr><th>Best overall response</th><th>Patients</th></tr></thead><tbody>")
        for key in counts.keys.sorted() { h.row([key, String(counts[key] ?? 0)]) }
        h.raw("</tbody></table>")
        h.raw("<h2>Waterfall</h2>")
        h.figure(charts.waterfall, caption: "Best change in the target sum from baseline per patient, coloured by best "
            + "overall response; dashed lines at −30 % and +20 %.")
        h.raw("<h2>Spider</h2>")
        h.figure(charts.spider, caption: "Change in the target sum from baseline over time, one line per patient.")
        h.raw("<h2>Swimmer</h2>")
        h.figure(charts.swimmer, caption: "Time on study per patient; triangle: first response (CR/PR); cross: "
            + "progression; arrow: still on study.")
        h.raw("<h2>Patients</h2><table><thead><tr><th>Subject</th><th>Site</th><th>Arm</th><th>Criteria</th>"
            + "<th>Timepoints</th><th>Best overall response</th><th>Confirmed</th><th>Best change</th></tr></thead><tbody>")
        for p in trial.patients {
            let href = Escaping.markup(link(p))
            let best = p.bestChangeFromBaselinePercent.map { ReportFormat.percent($0) } ?? ""
            h.raw("<tr><td><a href=\"\(href)\">\(h.e(p.patient.subjectID.rawValue))</a></td>"
                + "<td>\(h.e(p.patient.site ?? ""))</td><td>\(h.e(p.patient.arm ?? ""))</td>"
                + "<td>\(h.e(p.criteria.name)) v\(h.e(p.criteria.version))</td><td class=\"num\">\(p.timepoints.count)</td>"
                + "<td>\(p.bestOverallCategory.map { h.category($0) } ?? "")</td>"
                + "<td>\(ReportFormat.flag(p.bestOverallConfirmed))</td><td class=\"num\">\(h.e(best))</td></tr>")
        }
        h.raw("</tbody></table>")
        h.close(footer: "Nadir trial report")
        return h.text
    }
}
