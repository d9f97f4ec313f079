internal import GRDB

/// Migration "v4-users-sessions": the accounts and sessions of `nadir serve`, and readers' sign-offs.
///
/// - `app_user`: a person who logs in, with a bcrypt hash (never the password), a role, and the count of
///   consecutive failed logins behind the lock-out. Audited (name, role, lock state; never the hash).
/// - `app_session`: a logged-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy
///   of the database does not log anyone in. Not audited: logging in changes no clinical value.
/// - `read_signoff`: a reader's signature on their read of a visit, with the values signed (JSON), audited.
///   A later change to a signed read needs a reason and is shown as an amendment.
enum MigrationV4UsersSessions {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE app_user (
              name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
              role TEXT NOT NULL CHECK (role IN ('technologist', 'reader', 'adjudicator', 'admin')),
              password_hash TEXT NOT NULL,
              failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
              locked_until TEXT,
              created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE app_session (
              token_hash TEXT PRIMARY KEY NOT NULL,
              user_name TEXT NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
              csrf_token TEXT NOT NULL,
              created_at TEXT NOT NULL,
              expires_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX app_session_user ON app_session(user_name);

            CREATE TABLE read_signoff (
              id INTEGER PRIMARY KEY,
              timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              reader TEXT NOT NULL,
              signed_by TEXT NOT NULL,
              signed_at TEXT NOT NULL,
              signed_values TEXT NOT NULL,
              UNIQUE (timepoint_id, reader)
            ) STRICT;
            """)
        try AuditTriggers.create([
            .init(name: "app_user", subject: "NULL", lesion: "NULL", visit: "NULL",
                  json: "'name', R.name, 'role', R.role, 'failed_logins', R.failed_logins, 'locked_until', R.locked_until"),
            .init(name: "read_signoff", subject: "(SELECT subject_id FROM timepoint WHERE id = R.timepoint_id)",
                  lesion: "NULL", visit: AuditTriggers.timepointVisit,
                  json: "'reader', R.reader, 'signed_by', R.signed_by, 'signed_at', R.signed_at, 'signed_values', R.signed_values"),
        ], in: db)
    }
}
