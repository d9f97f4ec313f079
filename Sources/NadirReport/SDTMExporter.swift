import NadirCriteria
import NadirModel

/// CDISC SDTM tumour domains as CSV: TU (identification), TR (results) and RS (response), following the SDTMIG
/// variable order and the CDISC RECIST 1.1 disease-response supplement's conventions (LDIAM for non-nodal and
/// LPERP for nodal targets, SUMDIAM, TUMSTATE, "TOO SMALL TO MEASURE" = 5 mm, split T04 -> T04.1/T04.2, merged
/// T02/T03 with the originals NOT DONE / TUMOR MERGED, reader fields --EVAL/--EVALID/--ACPTFL).
public enum SDTMExporter {
    /// TU columns in SDTMIG order.
    public static let tuColumns = ["STUDYID", "DOMAIN", "USUBJID", "TUSEQ", "TUGRPID", "TULNKID", "TUTESTCD", "TUTEST", "TUORRES",
                                   "TUSTRESC", "TULOC", "TUMETHOD", "TUEVAL", "TUEVALID", "TUACPTFL", "VISITNUM",
                                   "VISIT", "TUDTC"]
    /// TR columns in SDTMIG order.
    public static let trColumns = ["STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRGRPID", "TRLNKID", "TRTESTCD", "TRTEST",
                                   "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRSTAT", "TRREASND",
                                   "TRMETHOD", "TREVAL", "TREVALID", "TRACPTFL", "VISITNUM", "VISIT", "TRDTC"]
    /// RS columns in SDTMIG order.
    public static let rsColumns = ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSTESTCD", "RSTEST", "RSCAT", "RSORRES",
                                   "RSSTRESC", "RSEVAL", "RSEVALID", "RSACPTFL", "VISITNUM", "VISIT", "RSDTC"]

    /// The TU domain of every patient as CSV (header row first).
    public static func tu(_ trial: TrialReportData) -> String {
        csv(tuColumns, trial.patients.flatMap(tuRows))
    }

    /// The TR domain of every patient as CSV.
    public static func tr(_ trial: TrialReportData) -> String {
        csv(trColumns, trial.patients.flatMap(trRows))
    }

    /// The RS domain of every patient as CSV.
    public static func rs(_ trial: TrialReportData) -> String {
        csv(rsColumns, trial.patients.flatMap(rsRows))
    }

    static func csv(_ columns: [String], _ rows: [[String]]) -> String {
        var out = Escaping.csvRecord(columns)
        out.reserveCapacity(rows.count * 160)
        for row in rows { out += Escaping.csvRecord(row) }
        return out
    }

    /// CDISC METHOD terms for DICOM modalities (SDTM CT codelist METHOD).
    static func method(_ modality: String?) -> String {
        switch modality?.uppercased() {
        case "CT": "CT SCAN"
        case "MR": "MRI"
        case "PT": "PET SCAN"
        case "CR", "DX": "X-RAY"
        case "US": "ULTRASOUND"
        default: ""
        }
    }

    /// Visit numbers: the 1-based position of each visit in date order.
    static func visitNumbers(_ data: PatientReportData) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for (i, tp) in data.sortedTimepoints.enumerated() where numbers[tp.visit] == nil { numbers[tp.visit] = i + 1 }
        return numbers
    }

    /// "Y" when the reader's record of the visit is the accepted one: the only reader's, or the one a stored
    /// accepted flag or an adjudication names at that visit (CDISC accepts per visit, as pharmaversesdtm shows);
    /// else empty (non-accepted records carry no flag; none is accepted before adjudication).
    static func accepted(_ data: PatientReportData, visit: String, reader: String) -> String {
        data.isAccepted(reader: reader, visit: visit) ? "Y" : ""
    }

    /// TU: one TUMIDENT row per lesion and reader, at the visit the lesion was first recorded.
    static func tuRows(_ data: PatientReportData) -> [[String]] {
        let numbers = visitNumbers(data)
        let tps = data.sortedTimepoints
        var rows: [[String]] = []
        for record in data.lesions {
            let lesion = record.lesion
            let seenVisits = Set(record.measurements.map { $0.visit } + record.statuses.map { $0.visit })
            guard let tp = tps.first(where: { $0.visit == lesion.firstVisit })
                ?? tps.first(where: { seenVisits.contains($0.visit) }) else { continue }
            let readers = data.allReaderIDs.filter { reader in
                record.measurements.contains { $0.visit == tp.visit && $0.reader == reader }
                    || record.statuses.contains { $0.visit == tp.visit && $0.reader == reader }
            }
            // Split fragments and merged lesions are identified like any lesion (TUMIDENT); TUGRPID groups them
            // (SDTMIG TU: "can be used to group split or merged tumors"): the parent for fragments, the merged
            // lesion's own ID for a merge.
            let group: String = switch lesion.relation {
            case .split: lesion.parents.map(\.rawValue).joined(separator: "/")
            case .merged: lesion.id.rawValue
            case .none: ""
            }
            for readerID in readers {
                let reader = data.reader(named: readerID)
                rows.append([data.trial.id.rawValue, "TU", data.patient.subjectID.rawValue, "", group,
                             lesion.id.rawValue, "TUMIDENT", "Tumor Identification", lesion.role.cdiscTerm, lesion.role.cdiscTerm, lesion.organ,
                             method(tp.modality), reader.evaluator, reader.evaluatorID ?? "",
                             accepted(data, visit: tp.visit, reader: readerID), String(numbers[tp.visit] ?? 0),
                             tp.visit, tp.date.iso8601])
            }
        }
        return numbered(rows, column: 3)
    }

    /// RS: TRGRESP, NTRGRESP, NEWLIND and OVRLRESP per visit and reader, as the engine assessed each reader's
    /// own read; a reader with stored responses but no read here (responses without measurements) from the
    /// stored rows.
    static func rsRows(_ data: PatientReportData) -> [[String]] {
        let numbers = visitNumbers(data)
        var rows: [[String]] = []
        for tp in data.sortedTimepoints {
            for readerID in data.allReaderIDs {
                var tests: [(String, String, String)] = []
                if let a = data.read(of: readerID)?.timepoint(tp.visit) {
                    if let t = a.target { tests.append(("TRGRESP", "Target Response", t.rawValue)) }
                    if let n = a.nonTarget { tests.append(("NTRGRESP", "Non-target Response", n.rawValue)) }
                    tests.append(("NEWLIND", "New Lesion Indicator", a.newLesions ? "Y" : "N"))
                    tests.append(("OVRLRESP", "Overall Response", a.overall.rawValue))
                } else if let a = data.readerAssessments.first(where: { $0.visit == tp.visit && $0.reader == readerID }) {
                    if let t = a.target { tests.append(("TRGRESP", "Target Response", t.rawValue)) }
                    if let n = a.nonTarget { tests.append(("NTRGRESP", "Non-target Response", n.rawValue)) }
                    if let new = a.newLesions { tests.append(("NEWLIND", "New Lesion Indicator", new ? "Y" : "N")) }
                    tests.append(("OVRLRESP", "Overall Response", a.overall.rawValue))
                }
                let reader = data.reader(named: readerID)
                for (code, test, value) in tests {
                    rows.append([data.trial.id.rawValue, "RS", data.patient.subjectID.rawValue, "", code, test,
                                 data.criteria.name, value, value, reader.evaluator, reader.evaluatorID ?? "",
                                 accepted(data, visit: tp.visit, reader: readerID), String(numbers[tp.visit] ?? 0),
                                 tp.visit, tp.date.iso8601])
                }
            }
        }
        // BESTRESP per reader (SDTMIG RS example: the best overall response, dated to the visit that gave it;
        // no VISIT of its own).
        for read in data.reads {
            let bor = read.assessment.bestOverallResponse
            guard data.criteria.categories.outcome(for: bor.unconfirmed) != .notDone else { continue }
            let reader = data.reader(named: read.reader)
            let date = bor.unconfirmedVisit.flatMap { v in data.sortedTimepoints.first { $0.visit == v }?.date.iso8601 } ?? ""
            rows.append([data.trial.id.rawValue, "RS", data.patient.subjectID.rawValue, "", "BESTRESP",
                         "Best Overall Response", data.criteria.name, bor.unconfirmed.rawValue, bor.unconfirmed.rawValue,
                         reader.evaluator, reader.evaluatorID ?? "", read.reader == data.acceptedReader ? "Y" : "", "", "",
                         date])
        }
        return numbered(rows, column: 3)
    }

    /// Fills the --SEQ column 1, 2, 3 ... within the subject.
    static func numbered(_ rows: [[String]], column: Int) -> [[String]] {
        var out = rows
        for i in out.indices { out[i][column] = String(i + 1) }
        return out
    }
}
