import NadirCriteria
import NadirModel
import NadirWorkflow

/// The terminal view of one reader's assessment of a patient.
struct AssessmentText {
    var result: SubjectAssessment
    var reader: ReaderResult
    var showTrace: Bool

    func render() -> String {
        let a = reader.assessment
        var lines = ["Subject \(a.subjectID)  criteria \(a.criteria) v\(a.criteriaVersion) (\(result.criteriaSource))  reader \(reader.reader)\(reader.isAccepted ? " (accepted)" : "")"]
        for finding in a.baselineConformance {
            lines.append("  warning: \(finding)")
        }
        var table = TextTable(header: ["Visit", "Date", "Sum", "vs baseline", "vs nadir", "Target", "Non-target", "New", "Overall"])
        for t in a.timepoints {
            table.rows.append([
                t.visit, t.date.iso8601, t.sum.map { "\($0)" } ?? "-", percent(t.changeFromBaseline),
                percent(t.changeFromNadir), t.target?.rawValue ?? "-", t.nonTarget?.rawValue ?? "-",
                t.newLesions ? "yes" : "no", t.overall.rawValue,
            ])
        }
        lines.append(table.render())
        let bor = a.bestOverallResponse
        lines.append("Best overall response: \(bor.unconfirmed)\(bor.unconfirmedVisit.map { " (\($0))" } ?? "")"
            + "; confirmed: \(bor.confirmed)\(bor.confirmedVisits.isEmpty ? "" : " (" + bor.confirmedVisits.joined(separator: " + ") + ")")")
        if showTrace {
            for t in a.timepoints {
                lines.append("\(t.visit):")
                lines += t.trace.map { "  \($0)" }
            }
            lines.append("Best overall response:")
            lines += bor.trace.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    func percent(_ change: Change?) -> String {
        guard let change, let percent = change.percent else { return "-" }
        let rounded = (percent * 10).rounded() / 10
        return (rounded > 0 ? "+" : "") + String(rounded) + " %"
    }
}
