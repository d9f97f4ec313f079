import NadirCriteria
import NadirModel

/// The lesion that drove a visit's response, named at the top of the patient page so a reader sees why first:
/// a new lesion for PD by new lesions (RECIST 1.1 §4.3.3), a non-target in unequivocal progression for
/// non-target PD (§4.3.2), else the target with the largest change (from its own smallest earlier value when the
/// target response is PD, from baseline otherwise; §4.3.1).
enum ResponseDriver {
    static func describe(_ data: PatientReportData, read: ReaderRead, visit: String) -> String {
        guard let r = read.timepoint(visit) else { return "" }
        let reader = read.reader
        if data.isProgression(r.overall), r.newLesions {
            let new = data.lesions.filter { record in
                record.lesion.role == .new && (record.lesion.firstVisit == visit
                    || data.status(record, at: visit, reader: reader)?.status == .present
                    || data.measurement(record, at: visit, reader: reader) != nil)
            }
            if !new.isEmpty, !data.isProgression(r.target), !data.isProgression(r.nonTarget) {
                return new.map { "new lesion \($0.lesion.id.rawValue) (\($0.lesion.organ))" }.joined(separator: ", ")
            }
        }
        if data.isProgression(r.nonTarget) {
            let nts = data.lesions.filter {
                $0.lesion.role == .nonTarget && data.status($0, at: visit, reader: reader)?.status == .unequivocalProgression
            }
            if !nts.isEmpty {
                return nts.map { "non-target \($0.lesion.id.rawValue) (\($0.lesion.organ)) unequivocal progression" }
                    .joined(separator: ", ")
            }
        }
        return largestTargetChange(data, reader: reader, visit: visit, fromNadir: data.isProgression(r.target))
    }

    /// "T01 (LIVER) 30.0 -> 18.0 mm" for the target whose RECIST value changed most.
    static func largestTargetChange(_ data: PatientReportData, reader: String, visit: String, fromNadir: Bool) -> String {
        let tps = data.sortedTimepoints
        guard let index = tps.firstIndex(where: { $0.visit == visit }) else { return "" }
        var best: (change: Double, text: String)?
        for record in data.lesions where record.lesion.role == .target {
            func value(_ v: String) -> Double? {
                data.measurement(record, at: v, reader: reader).flatMap {
                    LesionChart.value($0, lesion: record.lesion, metric: .diameter)
                }
            }
            guard let now = value(visit) else { continue }
            let earlier = tps[..<index].compactMap { value($0.visit) }
            guard let reference = fromNadir ? earlier.min() : earlier.first else { continue }
            let change = fromNadir ? now - reference : abs(now - reference)
            if best == nil || change > (best?.change ?? 0) {
                best = (change, "\(record.lesion.id.rawValue) (\(record.lesion.organ)) "
                    + "\(SVGBuilder.number(reference)) → \(SVGBuilder.number(now)) mm")
            }
        }
        return best?.text ?? ""
    }
}
