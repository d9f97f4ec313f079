import NadirModel

/// The per-patient table: lesions x timepoints, then sums, changes and responses per timepoint.
public enum PatientTable {
    /// Builds the lesion x timepoint table (long axis, short axis, volume, state) with sums, change from
    /// baseline and from nadir, and the target / non-target / new-lesion / overall response rows.
    public static func make(_ data: PatientReportData) -> MarkdownTable {
        let tps = data.sortedTimepoints
        let headers = ["Lesion", "Role", "Organ"] + tps.map { "\($0.visit) (\($0.date.iso8601))" }
        var rows: [[String]] = []
        for record in data.lesions {
            let lesion = record.lesion
            var row = [lesion.id.rawValue + relationNote(lesion), lesion.role.rawValue,
                       lesion.organ + (lesion.isNodal ? " (node)" : "")]
            for tp in tps { row.append(cell(data, record, tp.visit)) }
            rows.append(row)
        }
        func responseRow(_ title: String, _ value: (TimepointResponse) -> String) -> [String] {
            [title, "", ""] + tps.map { tp in data.response(at: tp.visit).map(value) ?? "" }
        }
        rows.append(responseRow("Sum") { $0.sum.map { "\($0.formatted) \($0.unitSymbol)" } ?? "" })
        rows.append(responseRow("Change from baseline") {
            $0.changeFromBaselinePercent.map { ReportFormat.percent($0) } ?? ""
        })
        rows.append(responseRow("Nadir") { $0.nadirSum.map { "\($0.formatted) \($0.unitSymbol)" } ?? "" })
        rows.append(responseRow("Change from nadir") {
            $0.changeFromNadirPercent.map { ReportFormat.percent($0) } ?? ""
        })
        rows.append(responseRow("Target response") { $0.target?.rawValue ?? "" })
        rows.append(responseRow("Non-target response") { $0.nonTarget?.rawValue ?? "" })
        rows.append(responseRow("New lesions") { $0.newLesions.map { $0 ? "yes" : "no" } ?? "" })
        rows.append(responseRow("Overall response") { $0.overall?.rawValue ?? "" })
        return MarkdownTable(headers: headers, rows: rows)
    }

    /// One cell: the displayed reader's measurement and/or status at a visit.
    static func cell(_ data: PatientReportData, _ record: LesionRecord, _ visit: String) -> String {
        var parts: [String] = []
        if let m = data.displayedMeasurement(record, at: visit) { parts.append(ReportFormat.measurementSummary(m)) }
        if let s = data.displayedStatus(record, at: visit) { parts.append(s.status.cdiscTerm.lowercased()) }
        return parts.joined(separator: "; ")
    }

    /// " (split from T04)" / " (merged from T02, T03)".
    static func relationNote(_ lesion: Lesion) -> String {
        guard let relation = lesion.relation, !lesion.parents.isEmpty else { return "" }
        let parents = lesion.parents.map(\.rawValue).joined(separator: ", ")
        return relation == .split ? " (split from \(parents))" : " (merged from \(parents))"
    }
}
