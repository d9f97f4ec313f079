internal import Foundation
internal import GRDB
internal import NadirModel

/// The case database: trials, patients, timepoints, lesions, measurements, assessments and their audit trail,
/// in SQLite through GRDB (WAL journal, foreign keys on).
///
/// Every user action is one transaction (`write(as:_:)`): it either happens whole, with its audit rows, or not
/// at all. The database never sees DICOM or pixels: only the values of NadirModel.
public struct CaseDatabase: Sendable {
    let writer: any DatabaseWriter

    /// The default file name, used when neither `--db` nor `NADIR_DB` is given.
    public static let defaultFileName = "nadir.sqlite"

    private init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Creates (or, if it exists, brings up to date) the database file at `path`.
    public static func create(at path: String) throws(StoreError) -> CaseDatabase {
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
            return CaseDatabase(writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.sqlite, "cannot create the database at \(path): \(error)", underlyingError: SendableDescription(error))
        }
    }

    /// Opens an existing database; it must have been created by `nadir init`.
    ///
    /// Older schemas are migrated forward; a schema from a newer Nadir is refused rather than misread.
    public static func open(at path: String) throws(StoreError) -> CaseDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.databaseMissing, "no case database at \(path); run `nadir init` first (or pass --db PATH / set NADIR_DB)")
        }
        do {
            // A queue, not a pool: GRDB's pool makes a dummy write on open when no WAL file exists (GRDB issue
            // #102), and an action that fails must leave the file byte-for-byte as it was. WAL mode is persistent
            // in the file header, so the queue still uses the WAL set by `create`.
            let pool = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Migrations.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(.schemaTooNew, "the database at \(path) was written by a newer Nadir; upgrade Nadir to open it")
            }
            let foreign = try pool.read { db in
                try !db.tableExists("grdb_migrations")
                    && Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0 > 0
            }
            if foreign {
                throw StoreError(.invalidRecord, "\(path) is an SQLite file but not a Nadir case database")
            }
            if try pool.read({ try !migrator.hasCompletedMigrations($0) }) {
                try migrator.migrate(pool)
            }
            return CaseDatabase(writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.sqlite, "cannot open the database at \(path): \(error)", underlyingError: SendableDescription(error))
        }
    }

    /// A fresh, migrated in-memory database (tests, benchmarks, dry runs).
    public static func inMemory() throws(StoreError) -> CaseDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration)
            try Migrations.migrator.migrate(queue)
            return CaseDatabase(writer: queue)
        } catch {
            throw StoreError(.sqlite, "cannot create an in-memory database: \(error)", underlyingError: SendableDescription(error))
        }
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// Performs one user action in one transaction, with `context` written into every audit row.
    ///
    /// If `body` throws, nothing is written: not the data, not the audit rows, and its error is rethrown as is
    /// (SQLite errors are wrapped in `StoreError`).
    public func write<T>(as context: AuditContext, _ body: (CaseWriter) throws -> T) throws -> T {
        guard !context.user.isEmpty, !context.reason.isEmpty else {
            throw StoreError(.invalidAuditContext, "every change needs a user and a reason")
        }
        do {
            return try writer.write { db in
                try db.execute(sql: "INSERT INTO audit_context (singleton, at, user, reason) VALUES (1, ?, ?, ?)",
                               arguments: [context.timestamp, context.user, context.reason])
                let result = try body(CaseWriter(db: db))
                try db.execute(sql: "DELETE FROM audit_context")
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError(.sqlite, "the database refused the change: \(error)", underlyingError: SendableDescription(error))
        }
    }

    /// Reads a consistent snapshot.
    public func read<T>(_ body: (CaseReader) throws -> T) throws -> T {
        do {
            return try writer.read { db in try body(CaseReader(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError(.sqlite, "cannot read the database: \(error)", underlyingError: SendableDescription(error))
        }
    }

    /// The schema as `sqlite_master` holds it, normalised: what `Database/schema.sql` must equal.
    public func schemaDump() throws -> String {
        try read { reader in try SchemaDump.dump(reader.db) }
    }

    /// Checkpoints the WAL into the main file and closes every connection; the value is unusable afterwards.
    public func close() throws {
        try checkpoint()
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }

    /// Checkpoints the WAL into the main file (so a file copy or byte comparison sees everything).
    public func checkpoint() throws(StoreError) {
        do {
            _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        } catch {
            throw StoreError(.sqlite, "checkpoint failed: \(error)", underlyingError: SendableDescription(error))
        }
    }
}

/// A non-Sendable error kept as its description, so `StoreError` stays `Sendable`.
struct SendableDescription: Error, Sendable, CustomStringConvertible {
    var description: String
    init(_ error: any Error) { description = String(describing: error) }
}
