internal import Foundation
internal import GRDB
public import NadirModel

extension CaseWriter {
    /// Confirms the proposed (tracked) measurements and segmentations of a visit, or of one lesion at it.
    ///
    /// - Returns: the lesions whose proposal was confirmed.
    @discardableResult
    public func confirmProposals(subject: SubjectID, visit: String, lesion: LesionID? = nil) throws -> [LesionID] {
        let timepoint = try requireTimepoint(subject, visit)
        guard let timepointID = timepoint.id else { return [] }
        var confirmed: [LesionID] = []
        for var record in try MeasurementRecord.filter(Column("timepoint_id") == timepointID && Column("review") == "proposed")
            .fetchAll(db)
        {
            guard let label = try LesionRecord.fetchOne(db, key: record.lesionId)?.label,
                  lesion == nil || lesion?.rawValue == label
            else { continue }
            record.review = "confirmed"
            try record.update(db)
            confirmed.append(LesionID(label))
        }
        for var record in try SegmentationRecord.filter(Column("timepoint_id") == timepointID && Column("status") == "proposed")
            .fetchAll(db)
        {
            guard let label = try LesionRecord.fetchOne(db, key: record.lesionId)?.label,
                  lesion == nil || lesion?.rawValue == label
            else { continue }
            record.status = LesionSegmentation.Status.confirmed.rawValue
            try record.update(db)
        }
        if let lesion, confirmed.isEmpty {
            throw StoreError(.conflictingRecord, subject: subject, lesion: lesion, visit: visit,
                             "lesion \(lesion) has no proposed measurement at \(visit)")
        }
        return confirmed.sorted()
    }

    /// Rejects a candidate new lesion proposed by tracking: the lesion and its proposals are deleted (audited).
    /// Only a new lesion none of whose measurements was confirmed can be rejected.
    public func rejectCandidate(subject: SubjectID, lesion: LesionID) throws {
        guard let record = try reader.lesionRecord(subject, label: lesion), let id = record.id else {
            throw StoreError(.unknownLesion, subject: subject, lesion: lesion, "no lesion \(lesion)")
        }
        let confirmed = try MeasurementRecord.filter(Column("lesion_id") == id && Column("review") == "confirmed").fetchCount(db)
        guard record.role == LesionRole.new.rawValue, confirmed == 0 else {
            throw StoreError(.conflictingRecord, subject: subject, lesion: lesion,
                             "only an unconfirmed candidate new lesion can be rejected; correct a confirmed lesion's measurements instead")
        }
        try db.execute(sql: "DELETE FROM segmentation WHERE lesion_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM measurement WHERE lesion_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM lesion_status WHERE lesion_id = ?", arguments: [id])
        _ = try LesionRecord.deleteOne(db, key: id)
    }
}

extension CaseWriter {
    /// Names the organ of a lesion, e.g. a candidate new lesion tracking recorded as "UNSPECIFIED" (audited: the
    /// old value stays in the trail).
    public func setOrgan(subject: SubjectID, lesion: LesionID, organ: String) throws {
        guard var record = try reader.lesionRecord(subject, label: lesion) else {
            throw StoreError(.unknownLesion, subject: subject, lesion: lesion, "no lesion \(lesion)")
        }
        guard !organ.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError(.invalidRecord, subject: subject, lesion: lesion, "the organ is empty")
        }
        guard record.organ != organ else { return }
        record.organ = organ
        try record.update(db)
    }
}
