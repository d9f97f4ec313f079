internal import GRDB

/// Migration "v3-measurement-review": measurements proposed by tracking wait for a person to confirm them
/// (`nadir measure confirm`); only confirmed measurements are assessed.
enum MigrationV3 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE measurement ADD COLUMN review TEXT NOT NULL DEFAULT 'confirmed'
              CHECK (review IN ('proposed', 'confirmed'));
            DROP TRIGGER measurement_audit_insert;
            DROP TRIGGER measurement_audit_update;
            DROP TRIGGER measurement_audit_delete;
            """)
        try AuditTriggers.create([
            .init(name: "measurement", subject: AuditTriggers.lesionSubject, lesion: AuditTriggers.lesionLabel,
                  visit: AuditTriggers.timepointVisit,
                  json: "'reader', R.reader, 'state', R.state, 'long_axis_hmm', R.long_axis_hmm, 'short_axis_hmm', R.short_axis_hmm, 'volume_hmm3', R.volume_hmm3, 'mean_density_chu', R.mean_density_chu, 'sul_peak_msul', R.sul_peak_msul, 'method', R.method, 'algorithm', R.algorithm, 'image_hash', R.image_hash, 'mask_hash', R.mask_hash, 'source', R.source, 'review', R.review"),
        ], in: db)
    }
}
