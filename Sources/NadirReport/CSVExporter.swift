import Foundation
import NadirModel

/// Plain CSV exports (RFC 4180, CRLF): lesion-level long format, timepoint responses, and best overall response
/// per patient. Lengths are exact millimetres; percentages are rounded to two places.
public enum CSVExporter {
    /// lesions.csv columns.
    public static let lesionColumns = ["STUDYID", "USUBJID", "VISIT", "DATE", "LESION", "ROLE", "ORGAN", "NODAL",
                                       "PARENTS", "RELATION", "READER", "STATE", "LONG_AXIS_MM", "SHORT_AXIS_MM",
                                       "VOLUME_MM3", "STATUS", "METHOD"]
    /// timepoints.csv columns.
    public static let timepointColumns = ["STUDYID", "USUBJID", "VISIT", "DATE", "STUDY_DAY", "READER", "SUM",
                                          "SUM_UNIT", "BASELINE_SUM", "NADIR_SUM", "CHANGE_FROM_BASELINE_PCT",
                                          "CHANGE_FROM_NADIR_PCT", "TARGET", "NON_TARGET", "NEW_LESIONS", "OVERALL"]
    /// best-overall-response.csv columns.
    public static let bestResponseColumns = ["STUDYID", "USUBJID", "SITE", "ARM", "CRITERIA", "CRITERIA_VERSION",
                                             "BOR", "CONFIRMED", "FIRST_RESPONSE_VISIT", "CONFIRMATION_VISIT",
                                             "BEST_CHANGE_FROM_BASELINE_PCT", "FIRST_PD_DATE"]

    /// One row per lesion, visit and reader, joining the measurement and the qualitative status.
    public static func lesions(_ trial: TrialReportData) -> String {
        var out = Escaping.csvRecord(lesionColumns)
        for data in trial.patients {
            for tp in data.sortedTimepoints {
                for record in data.lesions {
                    let l = record.lesion
                    var readers: [String] = []
                    for m in record.measurements where m.visit == tp.visit && !readers.contains(m.reader) { readers.append(m.reader) }
                    for s in record.statuses where s.visit == tp.visit && !readers.contains(s.reader) { readers.append(s.reader) }
                    for reader in readers {
                        let m = record.measurements.first { $0.visit == tp.visit && $0.reader == reader }
                        let s = record.statuses.first { $0.visit == tp.visit && $0.reader == reader }
                        out += Escaping.csvRecord([
                            trial.trial.id.rawValue, data.patient.subjectID.rawValue, tp.visit, tp.date.iso8601,
                            l.id.rawValue, l.role.rawValue, l.organ, l.isNodal ? "Y" : "N",
                            l.parents.map(\.rawValue).joined(separator: " "), l.relation?.rawValue ?? "", reader,
                            m?.state.rawValue ?? "", m?.longAxis?.formatted ?? "", m?.shortAxis?.formatted ?? "",
                            m?.volume?.formatted ?? "", s?.status.rawValue ?? "", m?.method.rawValue ?? "",
                        ])
                    }
                }
            }
        }
        return out
    }

    /// One row per patient and timepoint with a response.
    public static func timepoints(_ trial: TrialReportData) -> String {
        var out = Escaping.csvRecord(timepointColumns)
        for data in trial.patients {
            for tp in data.sortedTimepoints {
                guard let r = data.response(at: tp.visit) else { continue }
                out += Escaping.csvRecord([
                    trial.trial.id.rawValue, data.patient.subjectID.rawValue, tp.visit, tp.date.iso8601,
                    String(data.day(of: tp.date)), r.reader ?? "", r.sum?.formatted ?? "", r.sum?.unitSymbol ?? "",
                    r.baselineSum?.formatted ?? "", r.nadirSum?.formatted ?? "",
                    r.changeFromBaselinePercent.map { ReportFormat.fixed($0, digits: 2) } ?? "",
                    r.changeFromNadirPercent.map { ReportFormat.fixed($0, digits: 2) } ?? "",
                    r.target?.rawValue ?? "", r.nonTarget?.rawValue ?? "", ReportFormat.flag(r.newLesions),
                    r.overall?.rawValue ?? "",
                ])
            }
        }
        return out
    }

    /// One row per patient.
    public static func bestResponses(_ trial: TrialReportData) -> String {
        var out = Escaping.csvRecord(bestResponseColumns)
        for data in trial.patients {
            let bor = data.bestOverall
            out += Escaping.csvRecord([
                trial.trial.id.rawValue, data.patient.subjectID.rawValue, data.patient.site ?? "", data.patient.arm ?? "",
                data.criteria.id.rawValue, data.criteria.version, bor?.category.rawValue ?? "",
                ReportFormat.flag(bor?.confirmed), bor?.firstVisit ?? "", bor?.confirmationVisit ?? "",
                data.bestChangeFromBaselinePercent.map { ReportFormat.fixed($0, digits: 2) } ?? "",
                data.firstProgressionDate?.iso8601 ?? "",
            ])
        }
        return out
    }
}
