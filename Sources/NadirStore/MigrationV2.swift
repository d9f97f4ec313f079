internal import GRDB

/// Migration "v2-scans-registrations-segmentations": where each timepoint's pixels live, how the follow-up was
/// aligned to baseline, and how each lesion was segmented (seed or mask) so it can be re-measured.
enum MigrationV2 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE scan (
              id INTEGER PRIMARY KEY,
              timepoint_id INTEGER NOT NULL UNIQUE REFERENCES timepoint(id) ON DELETE CASCADE,
              format TEXT NOT NULL CHECK (format IN ('dicom', 'nifti', 'nrrd')),
              source_path TEXT NOT NULL,
              source_hash TEXT NOT NULL,
              content_hash TEXT NOT NULL,
              stored_path TEXT NOT NULL,
              voxel_type TEXT NOT NULL,
              geometry TEXT NOT NULL,
              modality TEXT,
              study_uid TEXT,
              series_uid TEXT,
              slice_thickness_hmm INTEGER CHECK (slice_thickness_hmm > 0),
              diagnostics TEXT NOT NULL DEFAULT '[]'
            ) STRICT;

            CREATE TABLE registration (
              id INTEGER PRIMARY KEY,
              timepoint_id INTEGER NOT NULL UNIQUE REFERENCES timepoint(id) ON DELETE CASCADE,
              reference_timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              transform TEXT NOT NULL,
              metric TEXT NOT NULL,
              final_metric REAL NOT NULL,
              iterations INTEGER NOT NULL CHECK (iterations >= 0),
              stop_reason TEXT NOT NULL,
              CHECK (timepoint_id <> reference_timepoint_id)
            ) STRICT;

            CREATE TABLE segmentation (
              id INTEGER PRIMARY KEY,
              lesion_id INTEGER NOT NULL REFERENCES lesion(id) ON DELETE CASCADE,
              timepoint_id INTEGER NOT NULL REFERENCES timepoint(id) ON DELETE CASCADE,
              method TEXT NOT NULL CHECK (method IN ('seed', 'mask')),
              seed_x REAL,
              seed_y REAL,
              seed_z REAL,
              preset TEXT,
              mask_path TEXT,
              mask_label INTEGER CHECK (mask_label > 0),
              mask_hash TEXT,
              status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
              UNIQUE (lesion_id, timepoint_id),
              CHECK (method <> 'seed' OR (seed_x IS NOT NULL AND seed_y IS NOT NULL AND seed_z IS NOT NULL)),
              CHECK (method <> 'mask' OR (mask_path IS NOT NULL AND mask_label IS NOT NULL))
            ) STRICT;
            """)
        let visitOf = "(SELECT visit FROM timepoint WHERE id = R.timepoint_id)"
        let subjectOf = "(SELECT subject_id FROM timepoint WHERE id = R.timepoint_id)"
        try AuditTriggers.create([
            .init(name: "scan", subject: subjectOf, lesion: "NULL", visit: visitOf,
                  json: "'format', R.format, 'source_path', R.source_path, 'source_hash', R.source_hash, 'content_hash', R.content_hash, 'stored_path', R.stored_path, 'voxel_type', R.voxel_type, 'geometry', R.geometry, 'modality', R.modality, 'study_uid', R.study_uid, 'series_uid', R.series_uid, 'slice_thickness_hmm', R.slice_thickness_hmm"),
            .init(name: "registration", subject: subjectOf, lesion: "NULL", visit: visitOf,
                  json: "'reference_visit', (SELECT visit FROM timepoint WHERE id = R.reference_timepoint_id), 'transform', R.transform, 'metric', R.metric, 'final_metric', R.final_metric, 'iterations', R.iterations, 'stop_reason', R.stop_reason"),
            .init(name: "segmentation", subject: subjectOf, lesion: "(SELECT label FROM lesion WHERE id = R.lesion_id)",
                  visit: visitOf,
                  json: "'method', R.method, 'seed_x', R.seed_x, 'seed_y', R.seed_y, 'seed_z', R.seed_z, 'preset', R.preset, 'mask_path', R.mask_path, 'mask_label', R.mask_label, 'mask_hash', R.mask_hash, 'status', R.status"),
        ], in: db)
    }
}
