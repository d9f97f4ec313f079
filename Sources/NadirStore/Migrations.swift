internal import GRDB

/// The case database schema, as an ordered list of migrations.
///
/// Rules (see `Database/README.md`): a migration that has shipped is never edited; each uses SQL literals
/// only (never app types); the schema after the last migration is dumped to `Database/schema.sql`, which a
/// test compares with a freshly migrated database.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-create-case", migrate: createCase)
        migrator.registerMigration("v1-audit-triggers", migrate: AuditTriggers.createV1)
        migrator.registerMigration("v2-scans-registrations-segmentations", migrate: MigrationV2.migrate)
        migrator.registerMigration("v3-measurement-review", migrate: MigrationV3.migrate)
        migrator.registerMigration("v4-criteria-inputs", migrate: MigrationV4CriteriaInputs.migrate)
        migrator.registerMigration("v4-users-sessions", migrate: MigrationV4UsersSessions.migrate)
        return migrator
    }

    /// Trial, patient, timepoint, lesion, measurement, lesion status, reader assessment, audit.
    ///
    /// Millimetres are integer hundredths (`*_hmm`), volumes hundredths of mm³ (`*_hmm3`), densities
    /// hundredths of HU (`*_chu`), SUL thousandths (`*_msul`): exact, as the rule engine needs.
    static func createCase(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE trial (
              id TEXT PRIMARY KEY NOT NULL,
              protocol_name TEXT NOT NULL,
              default_criteria TEXT NOT NULL
            ) STRICT;

            CREATE TABLE patient (
              subject_id TEXT PRIMARY KEY NOT NULL,
              trial_id TEXT NOT NULL REFERENCES trial(id) ON DELETE RESTRICT,
              cancer_type TEXT,
              criteria TEXT,
              site TEXT,
              arm TEXT
            ) STRICT;
            CREATE INDEX patient_trial ON patient(trial_id);

            CREATE TABLE timepoint (
              id INTEGER PRIMARY KEY,
              subject_id TEXT NOT NULL REFERENCES patient(subject_id) ON DELETE CASCADE,
              visit TEXT NOT NULL,
              date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
              is_baseline INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1)),
              study_uid TEXT,
              series_uid TEXT,
              modality TEXT,
              slice_thickness_hmm INTEGER CHECK (slice_thickness_hmm > 0),
              UNIQUE (subject_id, visit)
            ) STRICT;
            CREATE UNIQUE INDEX timepoint_one_baseline ON timepoint(subject_id) WHERE is_baseline = 1;

            CREATE TABLE lesion (
              id INTEGER PRIMARY KEY,
              subject_id TEXT NOT NULL REFERENCES patient(subject_id) ON DELETE CASCADE,
              label TEXT NOT NULL,
              tracking_uid TEXT NOT NULL UNIQUE,
              role TEXT NOT NULL CHECK (role IN ('target', 'non-target', 'new')),
              organ TEXT NOT NULL,
              is_nodal INTEGER NOT NULL CHECK (is_nodal IN (0, 1)),
              relation TEXT CHECK (relation IN ('split', 'merged')),
              first_visit TEXT,
              UNIQUE (subject_id, label)
            ) STRICT;

            CREATE TABLE lesion_parent (
              lesion_id INTEGER NOT NULL REFERENCES lesion(id) ON DELETE CASCADE,
              parent_id INTEGER NOT NULL REFERENCES lesion(id) ON DELETE CASCADE,
              PRIMARY KEY (lesion_id, parent_id),
              CHECK (lesion_id <> parent_id)
            ) STRICT;

            CREATE TABLE measurement (
              id INTEGER PRIMARY KEY,
              lesion_id INTEGER NOT NULL REFERENCES lesion(id) ON DELETE CASCADE,
              timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              reader TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN ('measured', 'too-small', 'absent', 'not-evaluable')),
              long_axis_hmm INTEGER CHECK (long_axis_hmm >= 0),
              short_axis_hmm INTEGER CHECK (short_axis_hmm >= 0),
              volume_hmm3 INTEGER CHECK (volume_hmm3 >= 0),
              mean_density_chu INTEGER,
              sul_peak_msul INTEGER,
              method TEXT NOT NULL CHECK (method IN ('manual', 'mask', 'seed')),
              algorithm TEXT,
              image_hash TEXT,
              mask_hash TEXT,
              source TEXT,
              UNIQUE (lesion_id, timepoint_id, reader)
            ) STRICT;
            CREATE INDEX measurement_timepoint ON measurement(timepoint_id);

            CREATE TABLE lesion_status (
              id INTEGER PRIMARY KEY,
              lesion_id INTEGER NOT NULL REFERENCES lesion(id) ON DELETE CASCADE,
              timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              reader TEXT NOT NULL,
              status TEXT NOT NULL
                CHECK (status IN ('present', 'absent', 'unequivocal-progression', 'not-evaluable', 'equivocal')),
              source TEXT,
              UNIQUE (lesion_id, timepoint_id, reader)
            ) STRICT;
            CREATE INDEX lesion_status_timepoint ON lesion_status(timepoint_id);

            CREATE TABLE assessment (
              id INTEGER PRIMARY KEY,
              timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              reader TEXT NOT NULL,
              criteria TEXT NOT NULL,
              criteria_version TEXT NOT NULL,
              policies TEXT NOT NULL,
              target TEXT,
              non_target TEXT,
              new_lesions INTEGER CHECK (new_lesions IN (0, 1)),
              overall TEXT NOT NULL,
              is_accepted INTEGER NOT NULL DEFAULT 0 CHECK (is_accepted IN (0, 1)),
              detail TEXT,
              UNIQUE (timepoint_id, reader, criteria)
            ) STRICT;

            CREATE TABLE audit (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,
              user TEXT NOT NULL,
              action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
              entity TEXT NOT NULL,
              subject_id TEXT,
              lesion TEXT,
              visit TEXT,
              old_value TEXT,
              new_value TEXT,
              reason TEXT NOT NULL
            ) STRICT;
            CREATE INDEX audit_subject ON audit(subject_id, lesion, visit);

            CREATE TABLE audit_context (
              singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
              at TEXT NOT NULL,
              user TEXT NOT NULL CHECK (length(user) > 0),
              reason TEXT NOT NULL CHECK (length(reason) > 0)
            ) STRICT;
            """)
    }
}
