internal import Foundation
internal import GRDB
public import NadirModel

/// One row of the audit trail: who changed what, when, from which value to which, and why.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var id: Int64
    /// ISO 8601 UTC timestamp.
    public var at: String
    public var user: String
    /// "insert", "update" or "delete".
    public var action: String
    /// The table: "measurement", "lesion", ...
    public var entity: String
    public var subject: SubjectID?
    public var lesion: LesionID?
    public var visit: String?
    /// The row before the change (nil for an insert), column to value.
    public var oldValue: [String: AuditValue]?
    /// The row after the change (nil for a delete).
    public var newValue: [String: AuditValue]?
    public var reason: String

    /// The columns whose value changed (all columns for an insert or delete).
    public var changedColumns: [String] {
        let keys = Set((oldValue ?? [:]).keys).union((newValue ?? [:]).keys)
        return keys.filter { oldValue?[$0] != newValue?[$0] }.sorted()
    }
}

/// A column value in an audit row image.
public enum AuditValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var description: String {
        switch self {
        case .null: "null"
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): v
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let v): try container.encode(v)
        case .real(let v): try container.encode(v)
        case .text(let v): try container.encode(v)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let v = try? container.decode(Int64.self) { self = .integer(v) }
        else if let v = try? container.decode(Double.self) { self = .real(v) }
        else { self = .text(try container.decode(String.self)) }
    }

    static func parseObject(_ json: String?) -> [String: AuditValue]? {
        guard let json, let data = json.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode([String: AuditValue].self, from: data)
    }
}

struct AuditEntryRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "audit"
    var id: Int64
    var at: String
    var user: String
    var action: String
    var entity: String
    var subjectId: String?
    var lesion: String?
    var visit: String?
    var oldValue: String?
    var newValue: String?
    var reason: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var model: AuditEntry {
        AuditEntry(id: id, at: at, user: user, action: action, entity: entity, subject: subjectId.map { SubjectID($0) },
                   lesion: lesion.map { LesionID($0) }, visit: visit, oldValue: AuditValue.parseObject(oldValue),
                   newValue: AuditValue.parseObject(newValue), reason: reason)
    }
}

struct AssessmentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "assessment"
    var id: Int64?
    var timepointId: Int64
    var reader: String
    var criteria: String
    var criteriaVersion: String
    var policies: String
    var target: String?
    var nonTarget: String?
    var newLesions: Bool?
    var overall: String
    var isAccepted: Bool
    var detail: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func model(subject: SubjectID, visit: String) throws -> ReaderAssessment {
        let policyMap = (try? JSONDecoder().decode([String: String].self, from: Data(policies.utf8))) ?? [:]
        return ReaderAssessment(subjectID: subject, visit: visit, reader: reader, criteria: CriteriaID(criteria),
                                criteriaVersion: criteriaVersion, policies: policyMap,
                                target: target.map(ResponseCategory.init(rawValue:)),
                                nonTarget: nonTarget.map(ResponseCategory.init(rawValue:)), newLesions: newLesions,
                                overall: ResponseCategory(rawValue: overall), isAccepted: isAccepted)
    }
}
