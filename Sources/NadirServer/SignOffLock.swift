internal import Foundation
internal import NadirModel
internal import NadirStore

/// Signed reads are locked: a later change to a signed read needs a reason, and is audited as an amendment.
enum SignOffLock {
    static let amendmentPrefix = "amendment after sign-off: "

    /// The audit reason of a change to `reader`'s read of `visit`.
    static func reason(_ services: Services, subject: SubjectID, visit: String, reader: String?, given: String?,
                       action: String) throws -> String {
        let given = given?.trimmingCharacters(in: .whitespacesAndNewlines)
        let signed = try services.database.read { try $0.signOffs(subject) }
            .contains { $0.visit == visit && (reader == nil || $0.reader == reader) }
        if signed {
            guard let given, !given.isEmpty else {
                throw ServerError(.conflict, "\(visit) is signed\(reader.map { " by \($0)" } ?? ""); its values are locked. Give a reason to amend them")
            }
            return amendmentPrefix + given
        }
        if let given, !given.isEmpty { return "\(action): \(given)" }
        return action
    }
}
