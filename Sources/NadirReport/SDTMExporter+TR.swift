import Foundation
import NadirCriteria
import NadirModel

extension SDTMExporter {
    /// One TR result before numbering.
    struct TRResult {
        var group = "", link = "", code = "", test = "", orres = "", orresu = "", stresc = "", stresn = ""
        var stresu = "", stat = "", reasnd = ""
    }

    /// TR: per visit, reader and lesion the diameters (LDIAM / LPERP), states (TUMSTATE), merged originals
    /// (NOT DONE / TUMOR MERGED), then each reader's own SUMDIAM.
    static func trRows(_ data: PatientReportData) -> [[String]] {
        let numbers = visitNumbers(data)
        var rows: [[String]] = []
        let readers = data.allReaderIDs
        let mergedChildren = data.lesions.filter { $0.lesion.relation == .merged }
        for tp in data.sortedTimepoints {
            for readerID in readers {
                let reader = data.reader(named: readerID)
                var results: [TRResult] = []
                for record in data.lesions {
                    let lesion = record.lesion
                    if let m = record.measurements.first(where: { $0.visit == tp.visit && $0.reader == readerID }) {
                        results += measurementResults(m, lesion: lesion)
                    } else if mergedChildren.contains(where: { child in
                        child.lesion.parents.contains(lesion.id)
                            && child.measurements.contains { $0.visit == tp.visit && $0.reader == readerID }
                    }) {
                        let (code, test) = primaryTest(lesion)
                        results.append(TRResult(group: lesion.role.cdiscTerm, link: lesion.id.rawValue, code: code,
                                                test: test, stat: "NOT DONE", reasnd: "TUMOR MERGED"))
                    }
                    if let s = record.statuses.first(where: { $0.visit == tp.visit && $0.reader == readerID }) {
                        var r = TRResult(group: lesion.role.cdiscTerm, link: lesion.id.rawValue, code: "TUMSTATE",
                                         test: "Tumor State")
                        if s.status == .notEvaluable {
                            r.stat = "NOT DONE"
                            r.reasnd = "NOT EVALUABLE"
                        } else {
                            r.orres = s.status.cdiscTerm
                            r.stresc = s.status.cdiscTerm
                        }
                        results.append(r)
                    }
                }
                // Each reader's own sum, as the engine computed it from that reader's diameters.
                // The baseline sum too (CDISC RECIST 1.1 supplement TR example: SUMDIAM at screening).
                let read = data.read(of: readerID)
                if let sum = tp.isBaseline ? read?.baselineSum : read?.timepoint(tp.visit)?.sum,
                   sum.kind == .sumOfDiameters {
                    let value = ReportFormat.plain(sum.decimalValue)
                    results.append(TRResult(group: "TARGET", code: "SUMDIAM", test: "Sum of Diameter", orres: value,
                                            orresu: "mm", stresc: value, stresn: value, stresu: "mm"))
                }
                for r in results {
                    // Summary values carry no method or date (CDISC RECIST 1.1 supplement, section 2).
                    let isSummary = r.code == "SUMDIAM"
                    rows.append([data.trial.id.rawValue, "TR", data.patient.subjectID.rawValue, "", r.group, r.link,
                                 r.code, r.test, r.orres, r.orresu, r.stresc, r.stresn, r.stresu, r.stat, r.reasnd,
                                 isSummary ? "" : method(tp.modality), reader.evaluator, reader.evaluatorID ?? "",
                                 accepted(data, visit: tp.visit, reader: readerID), String(numbers[tp.visit] ?? 0),
                                 tp.visit, isSummary ? "" : tp.date.iso8601])
                }
            }
        }
        return numbered(rows, column: 3)
    }

    /// The test that enters the sum: LPERP (short axis) for nodes, LDIAM (longest diameter) otherwise.
    static func primaryTest(_ lesion: Lesion) -> (String, String) {
        lesion.isNodal ? ("LPERP", "Longest Perpendicular") : ("LDIAM", "Longest Diameter")
    }

    /// The exact millimetres as SDTM writes numbers: "16", "15.36", "20.9".
    static func plain(_ length: Length) -> String { ReportFormat.plain(length.decimalValue) }

    /// The TR results of one measurement: the primary axis (with the too-small, absent and not-evaluable
    /// conventions), then the other axis when it was measured too.
    static func measurementResults(_ m: NadirModel.Measurement, lesion: Lesion) -> [TRResult] {
        let (code, test) = primaryTest(lesion)
        var primary = TRResult(group: lesion.role.cdiscTerm, link: lesion.id.rawValue, code: code, test: test)
        switch m.state {
        case .measured:
            // A measured lesion without the axis that enters the sum (a node with only a long axis) has no
            // primary result; only the axis that was measured is reported below.
            guard let value = lesion.isNodal ? m.shortAxis : m.longAxis else {
                return otherAxis(m, lesion: lesion)
            }
            let text = plain(value)
            primary.orres = text
            primary.orresu = "mm"
            primary.stresc = text
            primary.stresn = text
            primary.stresu = "mm"
        case .tooSmallToMeasure:
            // RECIST 1.1 / CDISC: the collected text stays in TRORRES; 5 mm is the standardised value.
            primary.orres = "TOO SMALL TO MEASURE"
            primary.stresc = "5"
            primary.stresn = "5"
            primary.stresu = "mm"
        case .absent:
            primary.orres = "0"
            primary.orresu = "mm"
            primary.stresc = "0"
            primary.stresn = "0"
            primary.stresu = "mm"
        case .notEvaluable:
            primary.stat = "NOT DONE"
            primary.reasnd = "NOT EVALUABLE"
        }
        return [primary] + otherAxis(m, lesion: lesion)
    }

    /// The axis that does not enter the sum (a node's long axis, a non-nodal lesion's short axis), when measured.
    static func otherAxis(_ m: NadirModel.Measurement, lesion: Lesion) -> [TRResult] {
        let other: (Length?, String, String) = lesion.isNodal
            ? (m.longAxis, "LDIAM", "Longest Diameter") : (m.shortAxis, "LPERP", "Longest Perpendicular")
        guard m.state == .measured, let value = other.0 else { return [] }
        let text = plain(value)
        return [TRResult(group: lesion.role.cdiscTerm, link: lesion.id.rawValue, code: other.1, test: other.2,
                         orres: text, orresu: "mm", stresc: text, stresn: text, stresu: "mm")]
    }
}
