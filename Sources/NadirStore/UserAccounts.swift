public import Foundation
internal import GRDB
public import NadirModel

/// What a person may do in `nadir serve`.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    /// Imports scans, places lesions, runs tracking; cannot sign or adjudicate.
    case technologist
    /// Reviews proposals and signs their own reads; sees only their own reads until signed.
    case reader
    /// Sees every reader's reads and chooses the accepted one.
    case adjudicator
    /// Manages users; may do everything a technologist does.
    case admin
}

/// A person who logs in to `nadir serve` (never the password hash outside the store).
public struct UserAccount: Sendable, Hashable, Codable {
    public var name: String
    public var role: UserRole
    /// Consecutive failed logins since the last success.
    public var failedLogins: Int
    /// Until when logins are refused after too many failures (nil: not locked).
    public var lockedUntil: Date?
}

/// A logged-in browser's session: whose it is and the token every write must echo (CSRF).
public struct UserSession: Sendable, Hashable {
    public var user: UserAccount
    public var csrfToken: String
    public var expiresAt: Date

    public init(user: UserAccount, csrfToken: String, expiresAt: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// A reader's signature on their read of one visit.
public struct ReadSignOff: Sendable, Hashable, Codable {
    public var subjectID: SubjectID
    public var visit: String
    public var reader: String
    public var signedBy: String
    public var signedAt: Date
    /// The values signed (JSON: the reader's measurements and responses at the visit).
    public var signedValues: String
}

enum StoredDate {
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

extension CaseReader {
    /// The account and its bcrypt hash, or nil.
    public func user(named name: String) throws -> (account: UserAccount, passwordHash: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE name = ?", arguments: [name]) else { return nil }
        return (try Self.account(row), row["password_hash"])
    }

    /// Every account, by name.
    public func users() throws -> [UserAccount] {
        try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY name").map(Self.account)
    }

    /// The live session whose token hashes to `tokenHash`, or nil (unknown or expired at `now`).
    public func session(tokenHash: String, now: Date) throws -> UserSession? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT app_session.csrf_token, app_session.expires_at, app_user.* FROM app_session
            JOIN app_user ON app_user.name = app_session.user_name WHERE token_hash = ?
            """, arguments: [tokenHash]),
            let expires = StoredDate.date(row["expires_at"]), expires > now
        else { return nil }
        return UserSession(user: try Self.account(row), csrfToken: row["csrf_token"], expiresAt: expires)
    }

    /// The sign-offs of a patient's reads, by visit date.
    public func signOffs(_ subject: SubjectID) throws -> [ReadSignOff] {
        try Row.fetchAll(db, sql: """
            SELECT read_signoff.*, timepoint.visit AS visit_label FROM read_signoff
            JOIN timepoint ON timepoint.id = read_signoff.timepoint_id
            WHERE timepoint.subject_id = ? ORDER BY timepoint.date, read_signoff.reader
            """, arguments: [subject.rawValue]).map { row in
            ReadSignOff(subjectID: subject, visit: row["visit_label"], reader: row["reader"], signedBy: row["signed_by"],
                        signedAt: StoredDate.date(row["signed_at"]) ?? Date(timeIntervalSince1970: 0),
                        signedValues: row["signed_values"])
        }
    }

    static func account(_ row: Row) throws -> UserAccount {
        let roleName: String = row["role"]
        guard let role = UserRole(rawValue: roleName) else {
            throw StoreError(.invalidRecord, "user \(row["name"] as String? ?? "?") has an unknown role '\(roleName)'")
        }
        return UserAccount(name: row["name"], role: role, failedLogins: row["failed_logins"],
                           lockedUntil: StoredDate.date(row["locked_until"]))
    }
}

extension CaseWriter {
    /// Adds an account; the name must be new and a plain identifier (letters, digits, `.`, `_`, `-`).
    public func addUser(name: String, role: UserRole, passwordHash: String, at now: Date = Date()) throws {
        if let problem = IdentifierRules.problem(with: name) {
            throw StoreError(.invalidRecord, "user name '\(name)' \(problem)")
        }
        guard try reader.user(named: name) == nil else {
            throw StoreError(.conflictingRecord, "user \(name) already exists")
        }
        try db.execute(sql: "INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [name, role.rawValue, passwordHash, StoredDate.text(now)])
    }

    /// Counts a failed login; after `limit` consecutive failures the account is locked until `now + lockFor`.
    ///
    /// - Returns: whether the account is now locked.
    @discardableResult
    public func recordFailedLogin(name: String, limit: Int, lockFor: TimeInterval, now: Date) throws -> Bool {
        guard let (account, _) = try reader.user(named: name) else { return false }
        let failures = account.failedLogins + 1
        let locked = failures >= limit
        try db.execute(sql: "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE name = ?",
                       arguments: [locked ? 0 : failures, locked ? StoredDate.text(now.addingTimeInterval(lockFor)) : nil, name])
        return locked
    }

    /// Clears the failure count after a successful login (no write when there is nothing to clear).
    public func recordSuccessfulLogin(name: String) throws {
        try db.execute(sql: "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE name = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)",
                       arguments: [name])
    }

    /// Opens a session; expired sessions are removed at the same time.
    public func openSession(tokenHash: String, user: String, csrfToken: String, now: Date, expiresAt: Date) throws {
        try db.execute(sql: "DELETE FROM app_session WHERE expires_at <= ?", arguments: [StoredDate.text(now)])
        try db.execute(sql: "INSERT INTO app_session (token_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [tokenHash, user, csrfToken, StoredDate.text(now), StoredDate.text(expiresAt)])
    }

    /// Ends a session (logout).
    public func closeSession(tokenHash: String) throws {
        try db.execute(sql: "DELETE FROM app_session WHERE token_hash = ?", arguments: [tokenHash])
    }

    /// Signs a reader's read of a visit with the values as they are now; a visit is signed once per reader.
    public func signRead(subject: SubjectID, visit: String, reader: String, signedBy: String, values: String, at now: Date) throws {
        let timepoint = try requireTimepoint(subject, visit)
        guard let timepointID = timepoint.id else { return }
        let signed = try Int.fetchOne(db, sql: "SELECT count(*) FROM read_signoff WHERE timepoint_id = ? AND reader = ?",
                                      arguments: [timepointID, reader]) ?? 0
        guard signed == 0 else {
            throw StoreError(.conflictingRecord, subject: subject, visit: visit, "\(reader)'s read of \(visit) is already signed")
        }
        try db.execute(sql: "INSERT INTO read_signoff (timepoint_id, reader, signed_by, signed_at, signed_values) VALUES (?, ?, ?, ?, ?)",
                       arguments: [timepointID, reader, signedBy, StoredDate.text(now), values])
    }
}
