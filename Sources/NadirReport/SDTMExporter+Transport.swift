public import Foundation

extension SDTMExporter {
    /// SDTMIG 3.3 variable labels of the TU, TR and RS variables Nadir writes (<= 40 characters, as in the
    /// SDTMIG domain tables; the shared identifiers and timing variables once).
    static let labels: [String: String] = [
        "STUDYID": "Study Identifier", "DOMAIN": "Domain Abbreviation", "USUBJID": "Unique Subject Identifier",
        "TUSEQ": "Sequence Number", "TRSEQ": "Sequence Number", "RSSEQ": "Sequence Number",
        "TUGRPID": "Group ID", "TRGRPID": "Group ID", "TULNKID": "Link ID", "TRLNKID": "Link ID",
        "TUTESTCD": "Tumor/Lesion ID Short Name", "TUTEST": "Tumor/Lesion ID Test Name",
        "TUORRES": "Tumor/Lesion ID Result", "TUSTRESC": "Tumor/Lesion ID Result Std. Format",
        "TULOC": "Location of the Tumor/Lesion", "TUMETHOD": "Method of Identification",
        "TUEVAL": "Evaluator", "TUEVALID": "Evaluator Identifier", "TUACPTFL": "Accepted Record Flag",
        "TUDTC": "Date/Time of Tumor/Lesion Identification",
        "TRTESTCD": "Tumor/Lesion Assessment Short Name", "TRTEST": "Tumor/Lesion Assessment Test Name",
        "TRORRES": "Result or Finding in Original Units", "TRORRESU": "Original Units",
        "TRSTRESC": "Character Result/Finding in Std Format", "TRSTRESN": "Numeric Result/Finding in Standard Units",
        "TRSTRESU": "Standard Units", "TRSTAT": "Completion Status", "TRREASND": "Reason Not Done",
        "TRMETHOD": "Method Used to Identify the Tumor/Lesion", "TREVAL": "Evaluator",
        "TREVALID": "Evaluator Identifier", "TRACPTFL": "Accepted Record Flag",
        "TRDTC": "Date/Time of Tumor/Lesion Measurement",
        "RSTESTCD": "Assessment Short Name", "RSTEST": "Assessment Name", "RSCAT": "Category for Assessment",
        "RSORRES": "Result or Finding in Original Units", "RSSTRESC": "Character Result/Finding in Std Format",
        "RSEVAL": "Evaluator", "RSEVALID": "Evaluator Identifier", "RSACPTFL": "Accepted Record Flag",
        "RSDTC": "Date/Time of Assessment", "VISITNUM": "Visit Number", "VISIT": "Visit Name",
    ]

    /// Variables stored as numbers (SDTMIG type Num): the sequence numbers, VISITNUM and TRSTRESN.
    static let numericVariables: Set<String> = ["TUSEQ", "TRSEQ", "RSSEQ", "VISITNUM", "TRSTRESN"]

    /// The three domains as (name, label, columns, rows): the same rows the CSV files carry.
    static func domains(_ trial: TrialReportData) -> [(name: String, label: String, columns: [String], rows: [[String]])] {
        [("TU", "Tumor/Lesion Identification", tuColumns, trial.patients.flatMap(tuRows)),
         ("TR", "Tumor/Lesion Results", trColumns, trial.patients.flatMap(trRows)),
         ("RS", "Disease Response and Clin Classification", rsColumns, trial.patients.flatMap(rsRows))]
    }

    /// `tu.xpt`, `tr.xpt`, `rs.xpt`: SAS transport v5 files of the same rows as the CSV files.
    public static func transportFiles(_ trial: TrialReportData, created: Date = Date(timeIntervalSince1970: 0))
        throws(ReportError) -> [(name: String, data: Data)]
    {
        var files: [(name: String, data: Data)] = []
        for domain in domains(trial) {
            let variables = domain.columns.map {
                SASTransportWriter.Variable(name: $0, label: labels[$0] ?? $0, isNumeric: numericVariables.contains($0))
            }
            let data = try SASTransportWriter.file(dataset: domain.name, label: domain.label, variables: variables,
                                                   rows: domain.rows, created: created)
            files.append((domain.name.lowercased() + ".xpt", data))
        }
        return files
    }
}
