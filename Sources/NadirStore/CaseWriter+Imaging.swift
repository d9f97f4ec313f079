internal import GRDB
public import NadirModel

extension CaseWriter {
    /// Records the scan of a visit and copies its modality, UIDs and slice thickness onto the timepoint.
    /// Replacing a different stored scan is a correction and needs a reason (`isCorrection`).
    @discardableResult
    public func record(_ scan: ScanReference, isCorrection: Bool = false) throws -> RecordOutcome {
        let timepoint = try requireTimepoint(scan.subjectID, scan.visit)
        guard let timepointID = timepoint.id else { return .unchanged }
        var record = try ScanRecord(scan, timepointId: timepointID)
        let existing = try ScanRecord.filter(Column("timepoint_id") == timepointID).fetchOne(db)
        var updated = try timepoint.model()
        updated.modality = scan.modality ?? updated.modality
        updated.studyUID = scan.studyUID ?? updated.studyUID
        updated.seriesUID = scan.seriesUID ?? updated.seriesUID
        updated.sliceThickness = scan.sliceThickness ?? updated.sliceThickness
        if let existing {
            record.id = existing.id
            if record == existing { return .unchanged }
            guard isCorrection else {
                throw StoreError(.correctionNeedsReason, subject: scan.subjectID, visit: scan.visit,
                                 "visit \(scan.visit) already has a different scan (\(existing.sourcePath)); to replace it, say why with --reason")
            }
            try record.update(db)
            try updateScanDetails(of: updated)
            return .corrected
        }
        try record.insert(db)
        try updateScanDetails(of: updated)
        return .inserted
    }

    /// Records how a visit's scan was aligned to the reference visit. A new registration replaces the old one
    /// (the audit trail keeps it).
    @discardableResult
    public func record(_ registration: RegistrationSummary) throws -> RecordOutcome {
        let moving = try requireTimepoint(registration.subjectID, registration.visit)
        let reference = try requireTimepoint(registration.subjectID, registration.referenceVisit)
        guard let movingID = moving.id, let referenceID = reference.id else { return .unchanged }
        var record = RegistrationRecord(id: nil, timepointId: movingID, referenceTimepointId: referenceID,
                                        transform: registration.transformJSON, metric: registration.metric,
                                        finalMetric: registration.finalMetric, iterations: registration.iterations,
                                        stopReason: registration.stopReason)
        if let existing = try RegistrationRecord.filter(Column("timepoint_id") == movingID).fetchOne(db) {
            record.id = existing.id
            if record == existing { return .unchanged }
            try record.update(db)
            return .corrected
        }
        try record.insert(db)
        return .inserted
    }

    /// Records how a lesion was segmented at a visit. Changing a confirmed segmentation needs a reason;
    /// confirming or rejecting a proposed one does not (it is the person's decision the proposal asked for).
    @discardableResult
    public func record(_ segmentation: LesionSegmentation, isCorrection: Bool = false) throws -> RecordOutcome {
        let timepoint = try requireTimepoint(segmentation.subjectID, segmentation.visit)
        guard let lesion = try reader.lesionRecord(segmentation.subjectID, label: segmentation.lesionID),
              let lesionID = lesion.id, let timepointID = timepoint.id
        else {
            throw StoreError(.unknownLesion, subject: segmentation.subjectID, lesion: segmentation.lesionID,
                             visit: segmentation.visit, "no lesion \(segmentation.lesionID)")
        }
        var record = SegmentationRecord(segmentation, lesionId: lesionID, timepointId: timepointID)
        guard let existing = try SegmentationRecord.filter(Column("lesion_id") == lesionID
            && Column("timepoint_id") == timepointID).fetchOne(db)
        else {
            try record.insert(db)
            return .inserted
        }
        record.id = existing.id
        if record == existing { return .unchanged }
        if existing.status == LesionSegmentation.Status.confirmed.rawValue, !isCorrection {
            throw StoreError(.correctionNeedsReason, subject: segmentation.subjectID, lesion: segmentation.lesionID,
                             visit: segmentation.visit,
                             "the lesion already has a confirmed segmentation at this visit; to change it, say why with --reason")
        }
        try record.update(db)
        return .corrected
    }

    func requireTimepoint(_ subject: SubjectID, _ visit: String) throws -> TimePointRecord {
        guard try reader.patient(subject) != nil else {
            throw StoreError(.unknownPatient, subject: subject, visit: visit, "no patient \(subject)")
        }
        guard let timepoint = try reader.timepointRecord(subject, visit: visit) else {
            throw StoreError(.unknownTimePoint, subject: subject, visit: visit,
                             "no visit \(visit); add it with `nadir timepoint add \(subject) \(visit) --date YYYY-MM-DD`")
        }
        return timepoint
    }
}

extension CaseReader {
    /// The scan of a visit, if one was imported.
    public func scan(_ subject: SubjectID, visit: String) throws -> ScanReference? {
        guard let timepoint = try timepointRecord(subject, visit: visit), let id = timepoint.id,
              let record = try ScanRecord.filter(Column("timepoint_id") == id).fetchOne(db)
        else { return nil }
        return try record.model(subject: subject, visit: visit)
    }

    /// How a visit's scan was aligned to its reference, if it was.
    public func registration(_ subject: SubjectID, visit: String) throws -> RegistrationSummary? {
        guard let timepoint = try timepointRecord(subject, visit: visit), let id = timepoint.id,
              let record = try RegistrationRecord.filter(Column("timepoint_id") == id).fetchOne(db),
              let reference = try TimePointRecord.fetchOne(db, key: record.referenceTimepointId)
        else { return nil }
        return RegistrationSummary(subjectID: subject, visit: visit, referenceVisit: reference.visit,
                                   transformJSON: record.transform, metric: record.metric,
                                   finalMetric: record.finalMetric, iterations: record.iterations,
                                   stopReason: record.stopReason)
    }

    /// Every lesion segmentation of the patient.
    public func segmentations(_ subject: SubjectID) throws -> [LesionSegmentation] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT segmentation.*, lesion.label AS lesion_label, timepoint.visit AS visit_label FROM segmentation
            JOIN lesion ON lesion.id = segmentation.lesion_id
            JOIN timepoint ON timepoint.id = segmentation.timepoint_id
            WHERE lesion.subject_id = ? ORDER BY timepoint.date, lesion.label
            """, arguments: [subject.rawValue])
        return try rows.map { row in
            try SegmentationRecord(row: row).model(subject: subject, lesion: LesionID(row["lesion_label"] as String),
                                                   visit: row["visit_label"])
        }
    }
}
