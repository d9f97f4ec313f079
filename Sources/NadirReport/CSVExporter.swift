import Foundation
import NadirCriteria
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
                                          "CHANGE_FROM_NADIR_PCT", "TARGET", "NON_TARGET", "NEW_LESIONS", "OVERALL",
                                          "ACCEPTED"]
    /// best-overall-response.csv columns.
    public static let bestResponseColumns = ["STUDYID", "USUBJID", "SITE", "ARM", "CRITERIA", "CRITERIA_VERSION",
                                             "READER", "ACCEPTED", "BOR", "CONFIRMED", "FIRST_RESPONSE_VISIT", "CONFIRMATION_VISIT",
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

    /// One row per patient, reader and timepoint: the baseline (its sum) and every follow-up the engine
    /// assessed, each reader's own read; ACCEPTED = Y on the accepted read (the only reader, or adjudicated).
    public static func timepoints(_ trial: TrialReportData) -> String {
        var out = Escaping.csvRecord(timepointColumns)
        for data in trial.patients {
            for read in data.reads {
                let accepted = read.reader == data.acceptedReader ? "Y" : "N"
                for tp in data.sortedTimepoints {
                    let start = [trial.trial.id.rawValue, data.patient.subjectID.rawValue, tp.visit, tp.date.iso8601,
                                 String(data.day(of: tp.date)), read.reader]
                    if tp.isBaseline, let sum = read.baselineSum {
                        out += Escaping.csvRecord(start + [sum.formatted, sum.unitSymbol, sum.formatted]
                            + Array(repeating: "", count: 7) + [accepted])
                        continue
                    }
                    guard let r = read.timepoint(tp.visit) else { continue }
                    out += Escaping.csvRecord(start + [
                        r.sum?.formatted ?? "", r.sum?.unitSymbol ?? "",
                        r.baselineSum?.formatted ?? "", r.nadirSum?.formatted ?? "",
                        r.changeFromBaseline?.exactPercent.map { ReportFormat.fixed($0, digits: 2) } ?? "",
                        r.changeFromNadir?.exactPercent.map { ReportFormat.fixed($0, digits: 2) } ?? "",
                        r.target?.rawValue ?? "", r.nonTarget?.rawValue ?? "", ReportFormat.flag(r.newLesions),
                        r.overall.rawValue, accepted,
                    ])
                }
            }
        }
        return out
    }

    /// One row per patient and reader: that reader's best overall response; ACCEPTED = Y on the accepted read.
    /// The best change from baseline and the first PD date are the accepted read's (empty before adjudication).
    public static func bestResponses(_ trial: TrialReportData) -> String {
        var out = Escaping.csvRecord(bestResponseColumns)
        for data in trial.patients {
            for read in data.reads {
                let bor = read.assessment.bestOverallResponse
                let isAccepted = read.reader == data.acceptedReader
                let outcome = data.criteria.categories.outcome(for: bor.unconfirmed)
                let confirmed: Bool? = outcome == .complete || outcome == .partial ? bor.isConfirmedResponse : nil
                out += Escaping.csvRecord([
                    trial.trial.id.rawValue, data.patient.subjectID.rawValue, data.patient.site ?? "",
                    data.patient.arm ?? "", data.criteria.id.rawValue, data.criteria.version, read.reader,
                    isAccepted ? "Y" : "N", bor.unconfirmed.rawValue, ReportFormat.flag(confirmed),
                    bor.unconfirmedVisit ?? "", bor.isConfirmedResponse ? bor.confirmedVisits.dropFirst().first ?? "" : "",
                    isAccepted ? data.bestChangeFromBaselinePercent.map { ReportFormat.fixed($0, digits: 2) } ?? "" : "",
                    isAccepted ? data.firstProgressionDate?.iso8601 ?? "" : "",
                ])
            }
        }
        return out
    }
}
