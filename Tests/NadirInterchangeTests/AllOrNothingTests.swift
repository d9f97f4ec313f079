import Foundation
import NadirInterchange
import NadirModel
import NadirStore
import Testing

/// A file-backed database is byte-for-byte unchanged after a rejected import.
@Suite struct AllOrNothingTests {
    func withDatabaseFile(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory.appendingPathComponent("case.sqlite").path)
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func aBadRowInTheMiddleLeavesTheFileUnchanged() throws {
        try withDatabaseFile { path in
            let first = try CaseDatabase.create(at: path)
            _ = try ImportFixture.importCSV(ImportFixture.csv(Array(ImportFixture.goodRows.prefix(3))), into: first)
            try first.close()
            let before = try bytes(path)
            // Rows 2-13 are good, row 8 has a negative diameter.
            var rows = ImportFixture.goodRows
            rows.insert("TR1,P1,WEEK 6,2026-02-16,T05,target,LIVER,no,measured,-1,,,R1", at: 6)
            let db = try CaseDatabase.open(at: path)
            #expect(throws: ImportError.self) { try ImportFixture.importCSV(ImportFixture.csv(rows), into: db) }
            try db.close()
            #expect(try bytes(path) == before)
        }
    }

    @Test func aConflictFoundInsideTheTransactionRollsBackEverything() throws {
        try withDatabaseFile { path in
            let first = try CaseDatabase.create(at: path)
            _ = try ImportFixture.importCSV(ImportFixture.csv(Array(ImportFixture.goodRows.prefix(3))), into: first)
            try first.close()
            let before = try bytes(path)
            let db = try CaseDatabase.open(at: path)
            // Every row parses, but row 4 gives T01 at BASELINE another value than the database holds, after
            // other rows of the same file were already written inside the transaction.
            var rows = ImportFixture.goodRows
            rows[0] = "TR1,P1,BASELINE,2026-01-05,T01,target,LIVER,no,measured,15.0,,,R1"
            rows.swapAt(0, 3)
            #expect {
                try ImportFixture.importCSV(ImportFixture.csv(rows), into: db)
            } throws: { ($0 as? ImportError)?.code == .conflictsWithDatabase && ($0 as? ImportError)?.row == 5 }
            #expect(try db.read { try $0.patientCase("P1") }.measurements.count == 2)
            try db.close()
            #expect(try bytes(path) == before)
        }
    }
}
