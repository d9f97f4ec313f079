import ArgumentParser
import Foundation
import NadirStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The case database file (default: $NADIR_DB, else ./nadir.sqlite).")
    var db: String?

    @Option(name: .long, help: "Who is acting, for the audit trail (default: $USER).")
    var user: String?

    @Flag(name: .long, help: "Print machine-readable JSON.")
    var json = false

    /// The database path: --db, then NADIR_DB, then ./nadir.sqlite.
    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["NADIR_DB"], !env.isEmpty { return env }
        return CaseDatabase.defaultFileName
    }

    /// The acting user: --user, then $USER, then $LOGNAME.
    var actingUser: String { CurrentUser.name(override: user) }

    /// Opens the existing database.
    func openDatabase() throws -> CaseDatabase {
        try CaseDatabase.open(at: databasePath)
    }

    /// The audit context of one user action.
    func context(_ reason: String) -> AuditContext {
        AuditContext(user: actingUser, reason: reason)
    }
}

/// Who runs the command, for the audit trail.
enum CurrentUser {
    /// `override` if given, then $USER, then $LOGNAME, then the process's account name.
    static func name(override: String?) -> String {
        if let override, !override.isEmpty { return override }
        let env = ProcessInfo.processInfo.environment
        if let name = env["USER"] ?? env["LOGNAME"], !name.isEmpty { return name }
        // No login variables (cron, containers): the account name of the process.
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "unknown-user"
    }
}
