internal import GRDB
public import NadirModel

/// Read access to the case database inside one snapshot or transaction.
public struct CaseReader {
    let db: Database

    /// The trial, or `nil`.
    public func trial(_ id: TrialID) throws -> Trial? {
        try TrialRecord.fetchOne(db, key: id.rawValue)?.model
    }

    /// All trials, sorted by identifier.
    public func trials() throws -> [Trial] {
        try TrialRecord.order(Column("id")).fetchAll(db).map(\.model)
    }

    /// The patient, or `nil`.
    public func patient(_ subject: SubjectID) throws -> Patient? {
        try PatientRecord.fetchOne(db, key: subject.rawValue)?.model
    }

    /// The patients of a trial (all patients when `trial` is nil), sorted by subject ID.
    public func patients(trial: TrialID? = nil) throws -> [Patient] {
        var request = PatientRecord.order(Column("subject_id"))
        if let trial { request = request.filter(Column("trial_id") == trial.rawValue) }
        return try request.fetchAll(db).map(\.model)
    }

    /// The patient's timepoints, baseline first, then by date.
    public func timepoints(_ subject: SubjectID) throws -> [TimePoint] {
        try timepointRecords(subject).map { try $0.model() }
    }

    func timepointRecords(_ subject: SubjectID) throws -> [TimePointRecord] {
        try TimePointRecord.filter(Column("subject_id") == subject.rawValue)
            .order(Column("is_baseline").desc, Column("date"), Column("visit")).fetchAll(db)
    }

    func timepointRecord(_ subject: SubjectID, visit: String) throws -> TimePointRecord? {
        try TimePointRecord.filter(Column("subject_id") == subject.rawValue && Column("visit") == visit).fetchOne(db)
    }

    func lesionRecord(_ subject: SubjectID, label: LesionID) throws -> LesionRecord? {
        try LesionRecord.filter(Column("subject_id") == subject.rawValue && Column("label") == label.rawValue).fetchOne(db)
    }

    /// The patient's lesions, sorted by tracking identifier, with their parents.
    public func lesions(_ subject: SubjectID) throws -> [Lesion] {
        let records = try LesionRecord.filter(Column("subject_id") == subject.rawValue).order(Column("label")).fetchAll(db)
        let parentRows = try Row.fetchAll(db, sql: """
            SELECT child.label AS child, parent.label AS parent FROM lesion_parent
            JOIN lesion child ON child.id = lesion_parent.lesion_id
            JOIN lesion parent ON parent.id = lesion_parent.parent_id
            WHERE child.subject_id = ? ORDER BY parent.label
            """, arguments: [subject.rawValue])
        var parents: [String: [LesionID]] = [:]
        for row in parentRows {
            let child: String = row["child"]
            let parent: String = row["parent"]
            parents[child, default: []].append(LesionID(parent))
        }
        return try records.map { try $0.model(parents: parents[$0.label] ?? []) }
    }

    /// All measurements of the patient (every reader), by visit date then lesion.
    public func measurements(_ subject: SubjectID) throws -> [Measurement] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT measurement.*, lesion.label AS lesion_label, timepoint.visit AS visit_label FROM measurement
            JOIN lesion ON lesion.id = measurement.lesion_id
            JOIN timepoint ON timepoint.id = measurement.timepoint_id
            WHERE lesion.subject_id = ? ORDER BY timepoint.date, lesion.label, measurement.reader
            """, arguments: [subject.rawValue])
        return try rows.map { row in
            let record = try MeasurementRecord(row: row)
            return try record.model(subject: subject, lesion: LesionID(row["lesion_label"] as String),
                                    visit: row["visit_label"])
        }
    }

    /// All non-target and new-lesion statuses of the patient (every reader).
    public func statuses(_ subject: SubjectID) throws -> [LesionStatus] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT lesion_status.*, lesion.label AS lesion_label, timepoint.visit AS visit_label FROM lesion_status
            JOIN lesion ON lesion.id = lesion_status.lesion_id
            JOIN timepoint ON timepoint.id = lesion_status.timepoint_id
            WHERE lesion.subject_id = ? ORDER BY timepoint.date, lesion.label, lesion_status.reader
            """, arguments: [subject.rawValue])
        return try rows.map { row in
            let record = try LesionStatusRecord(row: row)
            return try record.model(subject: subject, lesion: LesionID(row["lesion_label"] as String),
                                    visit: row["visit_label"])
        }
    }

    /// The whole case of one patient.
    public func patientCase(_ subject: SubjectID) throws -> PatientCase {
        guard let patient = try patient(subject) else {
            throw StoreError(.unknownPatient, subject: subject, "no patient \(subject); add it with `nadir patient add` or `nadir import csv`")
        }
        guard let trial = try trial(patient.trialID) else {
            throw StoreError(.unknownTrial, subject: subject, "the patient's trial \(patient.trialID) is missing")
        }
        return PatientCase(trial: trial, patient: patient, timepoints: try timepoints(subject),
                           lesions: try lesions(subject), measurements: try measurements(subject),
                           statuses: try statuses(subject), assessments: try assessments(subject),
                           visitReadings: try visitReadings(subject))
    }

    /// The stored reader assessments of the patient.
    public func assessments(_ subject: SubjectID) throws -> [ReaderAssessment] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT assessment.*, timepoint.visit AS visit_label FROM assessment
            JOIN timepoint ON timepoint.id = assessment.timepoint_id
            WHERE timepoint.subject_id = ? ORDER BY timepoint.date, assessment.reader, assessment.criteria
            """, arguments: [subject.rawValue])
        return try rows.map { row in try AssessmentRecord(row: row).model(subject: subject, visit: row["visit_label"]) }
    }

    /// The audit trail, oldest first, filtered by subject, lesion and visit when given.
    public func auditEntries(subject: SubjectID? = nil, lesion: LesionID? = nil, visit: String? = nil) throws -> [AuditEntry] {
        var request = AuditEntryRecord.order(Column("id"))
        if let subject { request = request.filter(Column("subject_id") == subject.rawValue) }
        if let lesion { request = request.filter(Column("lesion") == lesion.rawValue) }
        if let visit { request = request.filter(Column("visit") == visit) }
        return try request.fetchAll(db).map(\.model)
    }
}
