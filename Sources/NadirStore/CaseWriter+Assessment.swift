internal import Foundation
internal import GRDB
public import NadirModel

extension CaseWriter {
    /// Stores one reader's computed assessment of a visit, with the criteria id, version and policies used, so the
    /// result can be reproduced exactly later. Re-assessing replaces the stored row only when something changed;
    /// the audit trail keeps the previous categories. `detail` is the engine's JSON trace.
    @discardableResult
    public func save(_ assessment: ReaderAssessment, detail: String?) throws -> RecordOutcome {
        guard let timepoint = try reader.timepointRecord(assessment.subjectID, visit: assessment.visit),
              let timepointID = timepoint.id
        else {
            throw StoreError(.unknownTimePoint, subject: assessment.subjectID, visit: assessment.visit,
                             "no visit \(assessment.visit)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let policies = String(decoding: try encoder.encode(assessment.policies), as: UTF8.self)
        var record = AssessmentRecord(
            id: nil, timepointId: timepointID, reader: assessment.reader, criteria: assessment.criteria.rawValue,
            criteriaVersion: assessment.criteriaVersion, policies: policies, target: assessment.target?.rawValue,
            nonTarget: assessment.nonTarget?.rawValue, newLesions: assessment.newLesions,
            overall: assessment.overall.rawValue, isAccepted: assessment.isAccepted, detail: detail)
        let existing = try AssessmentRecord.filter(Column("timepoint_id") == timepointID
            && Column("reader") == assessment.reader && Column("criteria") == assessment.criteria.rawValue).fetchOne(db)
        guard let existing else {
            try record.insert(db)
            return .inserted
        }
        record.id = existing.id
        if record.sameValues(as: existing) { return .unchanged }
        try record.update(db)
        return .corrected
    }

    /// Marks one reader's assessment of a visit as the accepted (adjudicated) one, clearing the flag on the other
    /// readers' assessments of that visit under the same criteria (CDISC RSACPTFL).
    public func accept(reader acceptedReader: String, subject: SubjectID, visit: String, criteria: CriteriaID) throws {
        guard let timepoint = try reader.timepointRecord(subject, visit: visit), let timepointID = timepoint.id else {
            throw StoreError(.unknownTimePoint, subject: subject, visit: visit, "no visit \(visit)")
        }
        let rows = try AssessmentRecord.filter(Column("timepoint_id") == timepointID && Column("criteria") == criteria.rawValue)
            .fetchAll(db)
        guard rows.contains(where: { $0.reader == acceptedReader }) else {
            throw StoreError(.conflictingRecord, subject: subject, visit: visit,
                             "reader \(acceptedReader) has no \(criteria) assessment of \(visit); run `nadir assess` first")
        }
        for var row in rows where row.isAccepted != (row.reader == acceptedReader) {
            row.isAccepted = row.reader == acceptedReader
            try row.update(db)
        }
    }
}

extension AssessmentRecord {
    /// Whether two rows hold the same result (ignoring the row id).
    func sameValues(as other: AssessmentRecord) -> Bool {
        timepointId == other.timepointId && reader == other.reader && criteria == other.criteria
            && criteriaVersion == other.criteriaVersion && policies == other.policies && target == other.target
            && nonTarget == other.nonTarget && newLesions == other.newLesions && overall == other.overall
            && isAccepted == other.isAccepted && detail == other.detail
    }
}
