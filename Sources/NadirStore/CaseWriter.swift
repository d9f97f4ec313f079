internal import GRDB
public import NadirModel

/// What recording a value did.
public enum RecordOutcome: String, Sendable, Codable {
    /// A new value was stored.
    case inserted
    /// The same value was already stored: nothing changed (re-imports are idempotent).
    case unchanged
    /// A different value was stored before; it was replaced and the old one kept in the audit trail.
    case corrected
}

/// Write access inside one user action's transaction. Every change it makes is audited by the database.
public struct CaseWriter {
    let db: Database

    /// Reads within the same transaction.
    public var reader: CaseReader { CaseReader(db: db) }

    /// Adds a trial; its identifier must be new.
    public func addTrial(_ trial: Trial) throws {
        if let problem = IdentifierRules.problem(with: trial.id.rawValue) {
            throw StoreError(.invalidRecord, "trial ID '\(trial.id)' \(problem)")
        }
        guard try reader.trial(trial.id) == nil else {
            throw StoreError(.duplicateTrial, "trial \(trial.id) already exists")
        }
        try TrialRecord(trial).insert(db)
    }

    /// Adds a patient to an existing trial; the subject ID must be new.
    public func addPatient(_ patient: Patient) throws {
        if let problem = IdentifierRules.problem(with: patient.subjectID.rawValue) {
            throw StoreError(.invalidRecord, subject: patient.subjectID, "subject ID '\(patient.subjectID)' \(problem)")
        }
        guard try reader.trial(patient.trialID) != nil else {
            throw StoreError(.unknownTrial, subject: patient.subjectID,
                             "no trial \(patient.trialID); add it first with `nadir trial add \(patient.trialID)`")
        }
        guard try reader.patient(patient.subjectID) == nil else {
            throw StoreError(.duplicatePatient, subject: patient.subjectID, "subject \(patient.subjectID) already exists")
        }
        try PatientRecord(patient).insert(db)
    }

    /// Sets a patient's treatment start and/or radiotherapy end (only the dates given). A different date
    /// already stored is replaced only when `isCorrection` is true (the user gave a reason); the audit trail
    /// keeps the old value.
    public func setDates(subject: SubjectID, treatmentStart: CalendarDate?, radiotherapyEnd: CalendarDate?,
                         isCorrection: Bool = false) throws -> RecordOutcome {
        guard var record = try PatientRecord.fetchOne(db, key: subject.rawValue) else {
            throw StoreError(.unknownPatient, subject: subject, "no patient \(subject)")
        }
        let before = record.model
        var changed = before
        if let treatmentStart { changed.treatmentStart = treatmentStart }
        if let radiotherapyEnd { changed.radiotherapyEnd = radiotherapyEnd }
        if changed == before { return .unchanged }
        let overwrites = (before.treatmentStart != nil && before.treatmentStart != changed.treatmentStart)
            || (before.radiotherapyEnd != nil && before.radiotherapyEnd != changed.radiotherapyEnd)
        if overwrites, !isCorrection {
            throw StoreError(.correctionNeedsReason, subject: subject,
                             "a different treatment start or radiotherapy end is already recorded; to correct it, say why with --reason")
        }
        record = PatientRecord(changed)
        try record.update(db)
        return overwrites ? .corrected : .inserted
    }

    /// Adds a timepoint. The patient's first timepoint is its baseline; later ones may not be dated before it.
    ///
    /// - Returns: the timepoint as stored (with `isBaseline` resolved).
    @discardableResult
    public func addTimePoint(_ timepoint: TimePoint) throws -> TimePoint {
        let subject = timepoint.subjectID
        if let problem = IdentifierRules.problem(with: timepoint.visit) {
            throw StoreError(.invalidRecord, subject: subject, "visit label '\(timepoint.visit)' \(problem)")
        }
        guard try reader.patient(subject) != nil else {
            throw StoreError(.unknownPatient, subject: subject, "no patient \(subject); add it with `nadir patient add \(subject)`")
        }
        guard try reader.timepointRecord(subject, visit: timepoint.visit) == nil else {
            throw StoreError(.duplicateTimePoint, subject: subject, visit: timepoint.visit, "visit \(timepoint.visit) already exists")
        }
        let existing = try reader.timepoints(subject)
        var stored = timepoint
        if let baseline = existing.first(where: \.isBaseline) {
            if timepoint.isBaseline {
                throw StoreError(.duplicateBaseline, subject: subject, visit: timepoint.visit,
                                 "the patient already has a baseline (\(baseline.visit), \(baseline.date))")
            }
            if timepoint.date < baseline.date {
                throw StoreError(.dateBeforeBaseline, subject: subject, visit: timepoint.visit,
                                 "date \(timepoint.date) is before the baseline \(baseline.visit) on \(baseline.date)")
            }
        } else {
            stored.isBaseline = true
        }
        var record = TimePointRecord(stored)
        try record.insert(db)
        return stored
    }

    /// Records scan details (UIDs, modality, slice thickness) on an existing timepoint.
    public func updateScanDetails(of timepoint: TimePoint) throws {
        guard var record = try reader.timepointRecord(timepoint.subjectID, visit: timepoint.visit) else {
            throw StoreError(.unknownTimePoint, subject: timepoint.subjectID, visit: timepoint.visit,
                             "no visit \(timepoint.visit); add it with `nadir timepoint add`")
        }
        let before = record
        record.studyUid = timepoint.studyUID
        record.seriesUid = timepoint.seriesUID
        record.modality = timepoint.modality
        record.sliceThicknessHmm = timepoint.sliceThickness?.units
        guard record.studyUid != before.studyUid || record.seriesUid != before.seriesUid
            || record.modality != before.modality || record.sliceThicknessHmm != before.sliceThicknessHmm
        else { return }
        try record.update(db)
    }

    /// Adds a lesion; its tracking identifier must be new for the patient and its parents must exist.
    public func addLesion(_ lesion: Lesion) throws {
        let subject = lesion.subjectID
        if let problem = IdentifierRules.problem(with: lesion.id.rawValue, allowSlash: lesion.relation == .merged) {
            throw StoreError(.invalidRecord, subject: subject, lesion: lesion.id, "lesion ID '\(lesion.id)' \(problem)")
        }
        guard try reader.patient(subject) != nil else {
            throw StoreError(.unknownPatient, subject: subject, lesion: lesion.id, "no patient \(subject)")
        }
        guard try reader.lesionRecord(subject, label: lesion.id) == nil else {
            throw StoreError(.duplicateLesion, subject: subject, lesion: lesion.id,
                             "lesion \(lesion.id) already exists for this patient; use another tracking ID")
        }
        if let visit = lesion.firstVisit, try reader.timepointRecord(subject, visit: visit) == nil {
            throw StoreError(.unknownTimePoint, subject: subject, lesion: lesion.id, visit: visit, "no visit \(visit)")
        }
        var parentIDs: [Int64] = []
        for parent in lesion.parents {
            guard let id = try reader.lesionRecord(subject, label: parent)?.id else {
                throw StoreError(.unknownLesion, subject: subject, lesion: lesion.id,
                                 "parent lesion \(parent) does not exist")
            }
            parentIDs.append(id)
        }
        if !lesion.parents.isEmpty, lesion.relation == nil {
            throw StoreError(.invalidRecord, subject: subject, lesion: lesion.id, "a lesion with parents needs a relation (split or merged)")
        }
        var record = LesionRecord(lesion)
        try record.insert(db)
        guard let id = record.id else { return }
        for parentID in parentIDs {
            try db.execute(sql: "INSERT INTO lesion_parent (lesion_id, parent_id) VALUES (?, ?)", arguments: [id, parentID])
        }
    }

    /// Records one reader's measurement of a lesion at a visit.
    ///
    /// A different value already stored for the same lesion, visit and reader is replaced only when
    /// `isCorrection` is true (the user gave a reason); the audit trail keeps the old value.
    @discardableResult
    public func record(_ typed: Measurement, isCorrection: Bool = false) throws -> RecordOutcome {
        let (lesionRecord, lesion, timepoint) = try resolve(typed.subjectID, typed.lesionID, typed.visit)
        do { try typed.validate(for: lesion) } catch { throw StoreError(error) }
        let measurement = typed.normalizingAbsence
        guard let lesionID = lesionRecord.id, let timepointID = timepoint.id else { return .unchanged }
        var record = MeasurementRecord(measurement, lesionId: lesionID, timepointId: timepointID)
        let existing = try MeasurementRecord.filter(Column("lesion_id") == lesionID && Column("timepoint_id") == timepointID
            && Column("reader") == measurement.reader).fetchOne(db)
        // A proposed (tracked) value is replaced without a reason: replacing it is the review it waits for.
        return try upsert(&record, existing: existing, same: { $0.sameValues(as: $1) },
                          isCorrection: isCorrection || existing?.review == "proposed",
                          subject: measurement.subjectID, lesion: measurement.lesionID, visit: measurement.visit)
    }

    /// Records one reader's status of a non-target or new lesion at a visit (same correction rule as measurements).
    @discardableResult
    public func record(_ status: LesionStatus, isCorrection: Bool = false) throws -> RecordOutcome {
        let (lesionRecord, lesion, timepoint) = try resolve(status.subjectID, status.lesionID, status.visit)
        do { try status.validate(for: lesion) } catch { throw StoreError(error) }
        guard let lesionID = lesionRecord.id, let timepointID = timepoint.id else { return .unchanged }
        var record = LesionStatusRecord(status, lesionId: lesionID, timepointId: timepointID)
        let existing = try LesionStatusRecord.filter(Column("lesion_id") == lesionID && Column("timepoint_id") == timepointID
            && Column("reader") == status.reader).fetchOne(db)
        return try upsert(&record, existing: existing, same: { $0.status == $1.status }, isCorrection: isCorrection,
                          subject: status.subjectID, lesion: status.lesionID, visit: status.visit)
    }

    func upsert<R: MutablePersistableRecord & IdentifiedRecord>(
        _ record: inout R, existing: R?, same: (R, R) -> Bool, isCorrection: Bool,
        subject: SubjectID, lesion: LesionID?, visit: String
    ) throws -> RecordOutcome {
        guard let existing else {
            try record.insert(db)
            return .inserted
        }
        if same(record, existing) { return .unchanged }
        guard isCorrection else {
            throw StoreError(.correctionNeedsReason, subject: subject, lesion: lesion, visit: visit,
                             "a different value is already recorded for this reader; to correct it, say why with --reason")
        }
        record.rowID = existing.rowID
        try record.update(db)
        return .corrected
    }

    func resolve(_ subject: SubjectID, _ label: LesionID, _ visit: String) throws
        -> (LesionRecord, Lesion, TimePointRecord)
    {
        guard try reader.patient(subject) != nil else {
            throw StoreError(.unknownPatient, subject: subject, lesion: label, visit: visit, "no patient \(subject)")
        }
        guard let lesionRecord = try reader.lesionRecord(subject, label: label) else {
            throw StoreError(.unknownLesion, subject: subject, lesion: label, visit: visit,
                             "no lesion \(label); add it with `nadir lesion add \(subject) --lesion \(label) ...`")
        }
        guard let timepoint = try reader.timepointRecord(subject, visit: visit) else {
            throw StoreError(.unknownTimePoint, subject: subject, lesion: label, visit: visit,
                             "no visit \(visit); add it with `nadir timepoint add \(subject) \(visit) --date YYYY-MM-DD`")
        }
        return (lesionRecord, try lesionRecord.model(parents: []), timepoint)
    }
}

/// A record with an integer row id.
protocol IdentifiedRecord {
    var rowID: Int64? { get set }
}

extension MeasurementRecord: IdentifiedRecord {
    var rowID: Int64? { get { id } set { id = newValue } }
}

extension LesionStatusRecord: IdentifiedRecord {
    var rowID: Int64? { get { id } set { id = newValue } }
}
