internal import GRDB
internal import Foundation

/// Triggers that make the audit trail a property of the database rather than of the code that writes it.
///
/// Every INSERT, UPDATE and DELETE on a clinical table writes an `audit` row (who, when, entity, old value,
/// new value, why) in the same statement, hence the same transaction. The who/when/why come from the
/// one-row `audit_context` table, which `CaseDatabase.write` fills at the start of each user action and
/// empties before commit: a write without a context (another tool, a forgotten code path) aborts.
/// The audit table itself is append-only.
///
/// Frozen with its migration ("v1-audit-triggers"): the table descriptions below are literals, not app types.
enum AuditTriggers {
    struct Table {
        var name: String
        /// SQL expressions over the row alias `R` (replaced by NEW or OLD).
        var subject: String
        var lesion: String
        var visit: String
        /// `json_object` arguments over `R`.
        var json: String
    }

    static let lesionSubject = "(SELECT subject_id FROM lesion WHERE id = R.lesion_id)"
    static let lesionLabel = "(SELECT label FROM lesion WHERE id = R.lesion_id)"
    static let timepointVisit = "(SELECT visit FROM timepoint WHERE id = R.timepoint_id)"

    /// The clinical tables of migration v1 (frozen).
    static let v1Tables: [Table] = [
        Table(name: "trial", subject: "NULL", lesion: "NULL", visit: "NULL",
              json: "'id', R.id, 'protocol_name', R.protocol_name, 'default_criteria', R.default_criteria"),
        Table(name: "patient", subject: "R.subject_id", lesion: "NULL", visit: "NULL",
              json: "'subject_id', R.subject_id, 'trial_id', R.trial_id, 'cancer_type', R.cancer_type, 'criteria', R.criteria, 'site', R.site, 'arm', R.arm"),
        Table(name: "timepoint", subject: "R.subject_id", lesion: "NULL", visit: "R.visit",
              json: "'visit', R.visit, 'date', R.date, 'is_baseline', R.is_baseline, 'study_uid', R.study_uid, 'series_uid', R.series_uid, 'modality', R.modality, 'slice_thickness_hmm', R.slice_thickness_hmm"),
        Table(name: "lesion", subject: "R.subject_id", lesion: "R.label", visit: "NULL",
              json: "'label', R.label, 'tracking_uid', R.tracking_uid, 'role', R.role, 'organ', R.organ, 'is_nodal', R.is_nodal, 'relation', R.relation, 'first_visit', R.first_visit"),
        Table(name: "lesion_parent", subject: lesionSubject, lesion: lesionLabel, visit: "NULL",
              json: "'lesion', \(lesionLabel), 'parent', (SELECT label FROM lesion WHERE id = R.parent_id)"),
        Table(name: "measurement", subject: lesionSubject, lesion: lesionLabel, visit: timepointVisit,
              json: "'reader', R.reader, 'state', R.state, 'long_axis_hmm', R.long_axis_hmm, 'short_axis_hmm', R.short_axis_hmm, 'volume_hmm3', R.volume_hmm3, 'mean_density_chu', R.mean_density_chu, 'sul_peak_msul', R.sul_peak_msul, 'method', R.method, 'algorithm', R.algorithm, 'image_hash', R.image_hash, 'mask_hash', R.mask_hash, 'source', R.source"),
        Table(name: "lesion_status", subject: lesionSubject, lesion: lesionLabel, visit: timepointVisit,
              json: "'reader', R.reader, 'status', R.status, 'source', R.source"),
        Table(name: "assessment", subject: "(SELECT subject_id FROM timepoint WHERE id = R.timepoint_id)",
              lesion: "NULL", visit: timepointVisit,
              json: "'reader', R.reader, 'criteria', R.criteria, 'criteria_version', R.criteria_version, 'policies', R.policies, 'target', R.target, 'non_target', R.non_target, 'new_lesions', R.new_lesions, 'overall', R.overall, 'is_accepted', R.is_accepted"),
    ]

    /// Creates the v1 triggers and the append-only guards of the audit table.
    static func createV1(_ db: Database) throws {
        try create(v1Tables, in: db)
        try db.execute(sql: """
            CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN
              SELECT RAISE(ABORT, 'nadir: the audit trail is append-only');
            END;
            CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN
              SELECT RAISE(ABORT, 'nadir: the audit trail is append-only');
            END;
            """)
    }

    /// Creates insert, update and delete audit triggers for each table.
    static func create(_ tables: [Table], in db: Database) throws {
        for table in tables {
            for (action, timing, old, new) in [("insert", "AFTER INSERT", nil, "NEW"), ("update", "AFTER UPDATE", "OLD", "NEW"),
                                               ("delete", "BEFORE DELETE", "OLD", nil)] as [(String, String, String?, String?)] {
                let row = new ?? old ?? "NEW"
                func over(_ expression: String, _ alias: String) -> String {
                    expression.replacingOccurrences(of: "R.", with: "\(alias).")
                }
                let oldValue = old.map { "json_object(\(over(table.json, $0)))" } ?? "NULL"
                let newValue = new.map { "json_object(\(over(table.json, $0)))" } ?? "NULL"
                try db.execute(sql: """
                    CREATE TRIGGER \(table.name)_audit_\(action) \(timing) ON \(table.name) BEGIN
                      SELECT RAISE(ABORT, 'nadir: clinical data changed without an audit context (who, when, why)')
                        WHERE NOT EXISTS (SELECT 1 FROM audit_context);
                      INSERT INTO audit (at, user, action, entity, subject_id, lesion, visit, old_value, new_value, reason)
                        SELECT at, user, '\(action)', '\(table.name)', \(over(table.subject, row)), \(over(table.lesion, row)),
                               \(over(table.visit, row)), \(oldValue), \(newValue), reason
                        FROM audit_context;
                    END;
                    """)
            }
        }
    }
}
