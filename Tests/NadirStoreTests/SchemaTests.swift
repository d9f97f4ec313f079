import Foundation
import GRDB
import Testing
@testable import NadirStore

@Suite struct SchemaTests {
    @Test func migratedSchemaEqualsDatabaseSchemaSQL() throws {
        // Given the committed schema and a freshly migrated database
        let committed = try String(contentsOf: RepositoryRoot.url.appendingPathComponent("Database/schema.sql"), encoding: .utf8)
        // When the migrated schema is dumped
        let dumped = try CaseDatabase.inMemory().schemaDump()
        // Then they are the same text (regenerate with `nadir schema > Database/schema.sql`)
        #expect(dumped == committed)
    }

    @Test func migrationsApplyInOrderAndTriggersComeLast() throws {
        let queue = try DatabaseQueue()
        let migrator = Migrations.migrator
        #expect(migrator.migrations == ["v1-create-case", "v1-audit-triggers", "v2-scans-registrations-segmentations",
                                        "v3-measurement-review", "v4-criteria-inputs",
                                        "v4-users-sessions"])
        try migrator.migrate(queue, upTo: "v1-create-case")
        let triggersBefore = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") }
        #expect(triggersBefore == 0)
        #expect(try queue.read { try $0.tableExists("measurement") })
        try migrator.migrate(queue, upTo: "v1-audit-triggers")
        let triggersV1 = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") }
        // 8 clinical tables x (insert, update, delete) + 2 append-only guards on the audit table.
        #expect(triggersV1 == 26)
        try migrator.migrate(queue, upTo: "v3-measurement-review")
        let triggersV2 = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") }
        // + scan, registration, segmentation x 3.
        #expect(triggersV2 == 35)
        try migrator.migrate(queue, upTo: "v4-criteria-inputs")
        let triggersV4a = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") }
        // + visit_reading x 3 (patient's are replaced, not added).
        #expect(triggersV4a == 38)
        try migrator.migrate(queue)
        let triggersV4b = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") }
        // + app_user, read_signoff x 3 (app_session is not clinical: not audited).
        #expect(triggersV4b == 44)
    }

    @Test func fileDatabaseUsesWALAndForeignKeys() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = try CaseDatabase.create(at: directory.appendingPathComponent("case.sqlite").path)
        let (journal, foreignKeys) = try db.read { reader in
            (try String.fetchOne(reader.db, sql: "PRAGMA journal_mode"), try Int.fetchOne(reader.db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
    }

    @Test func openingAMissingDatabaseSaysToRunInit() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        #expect {
            _ = try CaseDatabase.open(at: path)
        } throws: { error in
            (error as? StoreError)?.code == .databaseMissing && "\(error)".contains("nadir init")
        }
    }

    @Test func openingAForeignSQLiteFileIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE other (x)") }
        try queue.close()
        #expect(throws: StoreError.self) { _ = try CaseDatabase.open(at: path) }
    }
}
