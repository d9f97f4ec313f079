public import Foundation
internal import Crypto
internal import HummingbirdBcrypt
public import NadirStore

/// Users and sessions of `nadir serve`: bcrypt password hashes (hummingbird-auth's Bcrypt, cost 12), random
/// session and CSRF tokens, and the lock-out after repeated failures (OWASP Authentication Cheat Sheet:
/// "Account Lockout").
public struct Accounts: Sendable {
    public var database: CaseDatabase
    /// Consecutive failures that lock an account (>= this many locks it).
    public var lockAfterFailures = 5
    /// How long a locked account stays locked.
    public var lockDuration: TimeInterval = 15 * 60
    /// How long a session lives.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// bcrypt cost (2^cost rounds).
    public var bcryptCost: UInt8 = 12

    public init(database: CaseDatabase) {
        self.database = database
    }

    /// Adds a user (`nadir user add`), audited under `context`. Passwords shorter than 8 characters are refused.
    public func addUser(name: String, role: UserRole, password: String, context: AuditContext) throws {
        guard password.count >= 8 else {
            throw ServerError(.badRequest, "the password needs at least 8 characters")
        }
        guard password.utf8.count <= 72 else {
            // bcrypt reads only the first 72 bytes: a longer password would be silently truncated.
            throw ServerError(.badRequest, "the password may have at most 72 bytes (bcrypt's limit)")
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        try database.write(as: context) { try $0.addUser(name: name, role: role, passwordHash: hash) }
    }

    /// What a login attempt gave.
    public enum LoginResult: Sendable {
        case success(token: String, session: UserSession)
        case refused(String)
    }

    /// Checks a password; on success opens a session (the token goes into the cookie; only its hash is stored).
    public func logIn(name: String, password: String, now: Date = Date()) throws -> LoginResult {
        let refusal = "wrong user name or password"
        guard let (account, hash) = try database.read({ try $0.user(named: name) }) else {
            // Same work as a real check, so timing does not tell which names exist.
            _ = Bcrypt.verify(password, hash: Self.dummyHash)
            return .refused(refusal)
        }
        if let until = account.lockedUntil, until > now {
            return .refused("the account \(name) is locked after \(lockAfterFailures) failed logins until \(Self.clock(until)); ask an admin or wait")
        }
        let context = AuditContext(user: name, reason: "login")
        guard Bcrypt.verify(password, hash: hash) else {
            let locked = try database.write(as: AuditContext(user: name, reason: "failed login")) {
                try $0.recordFailedLogin(name: name, limit: lockAfterFailures, lockFor: lockDuration, now: now)
            }
            return .refused(locked ? "too many failed logins: the account \(name) is locked for \(Int(lockDuration / 60)) minutes" : refusal)
        }
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let expires = now.addingTimeInterval(sessionLifetime)
        try database.write(as: context) { writer in
            try writer.recordSuccessfulLogin(name: name)
            try writer.openSession(tokenHash: Self.tokenHash(token), user: name, csrfToken: csrf, now: now, expiresAt: expires)
        }
        var fresh = account
        fresh.failedLogins = 0
        fresh.lockedUntil = nil
        return .success(token: token, session: UserSession(user: fresh, csrfToken: csrf, expiresAt: expires))
    }

    /// The live session of a cookie token, or nil.
    public func session(token: String, now: Date = Date()) throws -> UserSession? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        return try database.read { try $0.session(tokenHash: Self.tokenHash(token), now: now) }
    }

    /// Ends a session.
    public func logOut(token: String, user: String) throws {
        try database.write(as: AuditContext(user: user, reason: "logout")) { try $0.closeSession(tokenHash: Self.tokenHash(token)) }
    }

    /// 32 random bytes from the system's CSPRNG, as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func clock(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }

    /// A bcrypt hash of a random string, verified against when the user does not exist.
    static let dummyHash = Bcrypt.hash(randomToken(), cost: 12)
}
