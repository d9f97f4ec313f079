import NadirModel
import NadirStore

/// The terminal view of a patient's case: one lesions x timepoints table per reader.
struct PatientCaseText {
    var value: PatientCase

    init(_ value: PatientCase) { self.value = value }

    func render() -> String {
        let p = value.patient
        var lines = ["Subject \(p.subjectID)  trial \(p.trialID)"
            + (p.cancerType.map { "  cancer type \($0)" } ?? "")
            + (p.criteria.map { "  criteria override \($0)" } ?? "")
            + (p.site.map { "  site \($0)" } ?? "") + (p.arm.map { "  arm \($0)" } ?? "")]
        if value.timepoints.isEmpty { return (lines + ["no visits recorded"]).joined(separator: "\n") }
        let visits = value.timepoints
        let readers = value.readers.isEmpty ? [""] : value.readers
        for reader in readers {
            lines.append("")
            if !reader.isEmpty { lines.append("Reader \(reader)") }
            var table = TextTable(header: ["Lesion", "Role", "Organ"] + visits.map { "\($0.visit) \($0.date)\($0.isBaseline ? " *" : "")" })
            for lesion in value.lesions {
                var row = [lesion.id.rawValue + (lesion.parents.isEmpty ? "" : " <- " + lesion.parents.map(\.rawValue).joined(separator: "+")),
                           lesion.role.rawValue, lesion.organ + (lesion.isNodal ? " (node)" : "")]
                for visit in visits {
                    row.append(cell(lesion: lesion, visit: visit.visit, reader: reader))
                }
                table.rows.append(row)
            }
            lines.append(table.render())
        }
        lines.append("")
        lines.append("* baseline. LA long axis, SA short axis (mm); TSTM too small to measure (counts as 5 mm).")
        return lines.joined(separator: "\n")
    }

    func cell(lesion: Lesion, visit: String, reader: String) -> String {
        if let m = value.measurements.first(where: { $0.lesionID == lesion.id && $0.visit == visit && $0.reader == reader }) {
            switch m.state {
            case .measured:
                var parts: [String] = []
                if let la = m.longAxis { parts.append("LA \(la.formatted)") }
                if let sa = m.shortAxis { parts.append("SA \(sa.formatted)") }
                if let v = m.volume { parts.append("V \(v.formatted)") }
                return parts.joined(separator: " ")
            case .tooSmallToMeasure: return "TSTM"
            case .absent: return "absent"
            case .notEvaluable: return "NE"
            }
        }
        if let s = value.statuses.first(where: { $0.lesionID == lesion.id && $0.visit == visit && $0.reader == reader }) {
            return s.status.rawValue
        }
        return ""
    }
}

/// The terminal view of audit entries.
struct AuditText {
    var entries: [AuditEntry]

    init(_ entries: [AuditEntry]) { self.entries = entries }

    func render() -> String {
        if entries.isEmpty { return "no audit entries" }
        var table = TextTable(header: ["When (UTC)", "User", "Action", "What", "Change", "Why"])
        for e in entries {
            let what = [e.entity, e.subject?.rawValue, e.lesion?.rawValue, e.visit].compactMap { $0 }.joined(separator: " ")
            let change: String
            switch e.action {
            case "update":
                change = e.changedColumns.map { "\(name($0)): \(show($0, e.oldValue?[$0])) -> \(show($0, e.newValue?[$0]))" }
                    .joined(separator: "; ")
            case "insert":
                change = summary(e.newValue)
            default:
                change = "was " + summary(e.oldValue)
            }
            table.rows.append([e.at, e.user, e.action, what, change, e.reason])
        }
        return table.render()
    }

    /// Column names without their fixed-point unit suffix.
    func name(_ key: String) -> String {
        key.hasSuffix("_hmm") ? String(key.dropLast(4)) : key
    }

    /// A column value, with hundredths of a millimetre shown as millimetres.
    func show(_ key: String, _ value: AuditValue?) -> String {
        guard let value else { return "null" }
        if key.hasSuffix("_hmm"), case .integer(let units) = value { return "\(Length(units: units).formatted) mm" }
        return value.description
    }

    func summary(_ row: [String: AuditValue]?) -> String {
        guard let row else { return "" }
        let interesting = ["state", "long_axis_hmm", "short_axis_hmm", "volume_hmm3", "status", "role", "organ", "date", "overall", "label", "visit", "trial_id"]
        return interesting.compactMap { key in
            guard let v = row[key], v != .null else { return nil }
            return "\(name(key)) \(show(key, v))"
        }.joined(separator: ", ")
    }
}
