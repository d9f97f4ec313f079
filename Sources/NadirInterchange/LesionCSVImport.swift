public import Foundation
public import NadirModel
public import NadirStore

/// The whole `nadir import csv` action: read, parse, check, and apply in one audited transaction.
public enum LesionCSVImport {
    /// Imports a file; on any error nothing is written.
    public static func run(file: String, database: CaseDatabase, trial: TrialID?, reader: String,
                           context: AuditContext) throws -> ImportSummary {
        let url = URL(fileURLWithPath: file)
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError(.unreadableFile, file: file, "cannot be read: \(error.localizedDescription)")
        }
        return try run(data: data, fileName: name, database: database, trial: trial, reader: reader, context: context)
    }

    /// Imports CSV content already in memory (the demo's bundled file, tests).
    public static func run(data: Data, fileName: String, database: CaseDatabase, trial: TrialID?, reader: String,
                           context: AuditContext) throws -> ImportSummary {
        let rows = try LesionCSVParser(fileName: fileName).parse(data)
        let importer = LesionImporter(fileName: fileName, defaultTrial: trial, defaultReader: reader)
        let plan = try importer.plan(rows)
        return try database.write(as: context) { writer in try importer.apply(plan, to: writer) }
    }
}
