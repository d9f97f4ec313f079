import NadirCriteria
import NadirModel

/// The per-patient table of one reader's read: lesions x timepoints with that reader's own measurements, then the
/// engine's sums, changes and responses for the same reader.
public enum PatientTable {
    /// Builds the lesion x timepoint table (long axis, short axis, volume, state) of `reader` with sums, change
    /// from baseline and from nadir, and the target / non-target / new-lesion / overall response rows of the
    /// engine's assessment of that reader (the baseline column shows the baseline sum the engine compared with).
    public static func make(_ data: PatientReportData, reader: String) -> MarkdownTable {
        let tps = data.sortedTimepoints
        let headers = ["Lesion", "Role", "Organ"] + tps.map { "\($0.visit) (\($0.date.iso8601))" }
        var rows: [[String]] = []
        for record in data.lesions {
            let lesion = record.lesion
            var row = [lesion.id.rawValue + relationNote(lesion), lesion.role.rawValue,
                       lesion.organ + (lesion.isNodal ? " (node)" : "")]
            for tp in tps { row.append(cell(data, record, tp.visit, reader: reader)) }
            rows.append(row)
        }
        let read = data.read(of: reader)
        func responseRow(_ title: String, _ value: (TimePointAssessment) -> String) -> [String] {
            [title, "", ""] + tps.map { tp in read?.timepoint(tp.visit).map(value) ?? "" }
        }
        func sum(_ v: MeasureValue?) -> String { v.map { "\($0.formatted) \($0.unitSymbol)" } ?? "" }
        var sums = responseRow("Sum") { sum($0.sum) }
        if let i = tps.firstIndex(where: \.isBaseline), sums[i + 3].isEmpty { sums[i + 3] = sum(read?.baselineSum) }
        rows.append(sums)
        rows.append(responseRow("Change from baseline") {
            $0.changeFromBaseline?.exactPercent.map { ReportFormat.percent($0) } ?? ""
        })
        rows.append(responseRow("Nadir") { sum($0.nadirSum) })
        rows.append(responseRow("Change from nadir") {
            $0.changeFromNadir?.exactPercent.map { ReportFormat.percent($0) } ?? ""
        })
        rows.append(responseRow("Target response") { $0.target?.rawValue ?? "" })
        rows.append(responseRow("Non-target response") { $0.nonTarget?.rawValue ?? "" })
        rows.append(responseRow("New lesions") { $0.newLesions ? "yes" : "no" })
        rows.append(responseRow("Overall response") { $0.overall.rawValue })
        return MarkdownTable(headers: headers, rows: rows)
    }

    /// `report.md`: the subject as the heading, the best overall response of the accepted read (when there is
    /// one: a single reader, or an adjudication), then each reader's own table; every piece of data escaped for
    /// Markdown and for the HTML a Markdown renderer passes through.
    public static func markdownDocument(_ data: PatientReportData) -> String {
        var text = "# " + Escaping.markdownCell(data.patient.subjectID.rawValue) + "\n\n"
        if let accepted = data.acceptedReader, let bor = data.bestOverallCategory {
            text += "Best overall response (\(Escaping.markdownCell(accepted))): \(Escaping.markdownCell(bor.rawValue))\n\n"
        } else if data.reads.count > 1 {
            text += "Not adjudicated: each reader's own read below; no accepted read yet.\n\n"
        }
        for read in data.reads {
            if data.reads.count > 1 {
                let note = read.reader == data.acceptedReader ? " (accepted)" : ""
                text += "## Reader " + Escaping.markdownCell(read.reader) + note + "\n\n"
            }
            text += make(data, reader: read.reader).markdown + "\n"
        }
        return text
    }

    /// One cell: the reader's own measurement and/or status at a visit.
    static func cell(_ data: PatientReportData, _ record: LesionRecord, _ visit: String, reader: String) -> String {
        var parts: [String] = []
        if let m = data.measurement(record, at: visit, reader: reader) { parts.append(ReportFormat.measurementSummary(m)) }
        if let s = data.status(record, at: visit, reader: reader) { parts.append(s.status.cdiscTerm.lowercased()) }
        return parts.joined(separator: "; ")
    }

    /// " (split from T04)" / " (merged from T02, T03)".
    static func relationNote(_ lesion: Lesion) -> String {
        guard let relation = lesion.relation, !lesion.parents.isEmpty else { return "" }
        let parents = lesion.parents.map(\.rawValue).joined(separator: ", ")
        return relation == .split ? " (split from \(parents))" : " (merged from \(parents))"
    }
}
