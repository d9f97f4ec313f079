internal import GRDB

/// Migration "v4-criteria-inputs": rule inputs a user could not enter before. Per patient: the treatment start
/// (RECIST 1.1 §4.4: the reference of the SD minimum duration; admiralonco TRTSDT) and the end of
/// radiotherapy (RANO 2.0, Wen 2023: progression within 12 weeks of it is preliminary until confirmed). Dates
/// are ISO 8601 text, checked by SQLite's own `date()`. Per visit and reader (`visit_reading`): the Deauville
/// score and uptake change of a PET scan (Lugano 2014 Table 3) and the count of new bone-scan lesions (PCWG3).
enum MigrationV4CriteriaInputs {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE patient ADD COLUMN treatment_start TEXT
              CHECK (treatment_start IS NULL OR date(treatment_start) IS treatment_start);
            ALTER TABLE patient ADD COLUMN radiotherapy_end TEXT
              CHECK (radiotherapy_end IS NULL OR date(radiotherapy_end) IS radiotherapy_end);
            DROP TRIGGER patient_audit_insert;
            DROP TRIGGER patient_audit_update;
            DROP TRIGGER patient_audit_delete;

            CREATE TABLE visit_reading (
              id INTEGER PRIMARY KEY,
              timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              reader TEXT NOT NULL,
              deauville TEXT CHECK (deauville IN ('1', '2', '3', '4', '5', 'X')),
              uptake_change TEXT CHECK (uptake_change IN ('reduced', 'unchanged', 'increased')),
              bone_new_lesions INTEGER CHECK (bone_new_lesions BETWEEN 0 AND 1000),
              source TEXT,
              UNIQUE (timepoint_id, reader)
            ) STRICT;
            """)
        try AuditTriggers.create([
            .init(name: "patient", subject: "R.subject_id", lesion: "NULL", visit: "NULL",
                  json: "'subject_id', R.subject_id, 'trial_id', R.trial_id, 'cancer_type', R.cancer_type, 'criteria', R.criteria, 'site', R.site, 'arm', R.arm, 'treatment_start', R.treatment_start, 'radiotherapy_end', R.radiotherapy_end"),
            .init(name: "visit_reading", subject: "(SELECT subject_id FROM timepoint WHERE id = R.timepoint_id)", lesion: "NULL",
                  visit: AuditTriggers.timepointVisit,
                  json: "'reader', R.reader, 'deauville', R.deauville, 'uptake_change', R.uptake_change, 'bone_new_lesions', R.bone_new_lesions, 'source', R.source"),
        ], in: db)
    }
}
