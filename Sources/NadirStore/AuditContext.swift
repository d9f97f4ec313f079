public import Foundation

/// Who is acting, when, and why: written into every audit row of one user action.
public struct AuditContext: Sendable, Hashable {
    /// The user (from `--user`, default `$USER`).
    public var user: String
    /// Why the data changes: the command ("import csv lesions.csv") or, for a correction, the user's reason.
    public var reason: String
    /// When the action happened.
    public var at: Date

    public init(user: String, reason: String, at: Date = Date()) {
        self.user = user
        self.reason = reason
        self.at = at
    }

    /// The timestamp as stored: ISO 8601 in UTC with milliseconds.
    var timestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: at)
    }
}
