import Foundation
import NadirModel
import NadirStore

/// Foundation also has a `Measurement`; here the name means the lesion measurement.
typealias Measurement = NadirModel.Measurement

enum ImportFixture {
    static let header = "trial,subject,visit,date,lesion,role,organ,nodal,state,long_axis_mm,short_axis_mm,volume_mm3,reader"

    /// Two patients, three visits each, targets, a node, non-targets and a new lesion.
    static let goodRows = [
        "TR1,P1,BASELINE,2026-01-05,T01,target,LIVER,no,measured,14.0,,,R1",
        "TR1,P1,BASELINE,2026-01-05,T02,target,LYMPH NODE,yes,measured,25.0,16.0,,R1",
        "TR1,P1,BASELINE,2026-01-05,NT01,non-target,BONE,no,present,,,,R1",
        "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9.8,,,R1",
        "TR1,P1,WEEK 6,2026-02-16,T02,target,LYMPH NODE,yes,measured,,9.0,,R1",
        "TR1,P1,WEEK 6,2026-02-16,NT01,non-target,BONE,no,absent,,,,R1",
        "TR1,P1,WEEK 12,2026-03-30,T01,target,LIVER,no,too-small,,,,R1",
        "TR1,P1,WEEK 12,2026-03-30,T02,target,LYMPH NODE,yes,measured,,8.5,,R1",
        "TR1,P1,WEEK 12,2026-03-30,NT01,non-target,BONE,no,absent,,,,R1",
        "TR1,P1,WEEK 12,2026-03-30,NEW01,new,LUNG,no,equivocal,,,,R1",
        "TR1,P2,SCREENING,2026-01-12,T01,target,LUNG,no,measured,21.0,,4188.79,R1",
        "TR1,P2,WEEK 6,2026-02-23,T01,target,LUNG,no,measured,26.0,,,R1",
        "TR1,P2,WEEK 12,2026-04-06,T01,target,LUNG,no,not-evaluable,,,,R1",
    ]

    static func csv(_ rows: [String], header: String = header) -> Data {
        Data(([header] + rows).joined(separator: "\n").utf8)
    }

    static let context = AuditContext(user: "importer", reason: "import test.csv")

    static func importCSV(_ data: Data, into db: CaseDatabase, trial: TrialID? = nil) throws -> ImportSummary {
        try LesionCSVImport.run(data: data, fileName: "test.csv", database: db, trial: trial, reader: "DEFAULT",
                                context: context)
    }
}

import NadirInterchange
