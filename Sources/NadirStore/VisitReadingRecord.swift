internal import GRDB
public import NadirModel

/// A row of `visit_reading` (migration v4-criteria-inputs).
struct VisitReadingRecord: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "visit_reading"
    var id: Int64?
    var timepointId: Int64
    var reader: String
    var deauville: String?
    var uptakeChange: String?
    var boneNewLesions: Int64?
    var source: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ r: VisitReading, timepointId: Int64) {
        self.timepointId = timepointId
        reader = r.reader
        deauville = r.deauville
        uptakeChange = r.uptakeChange
        boneNewLesions = r.boneNewLesions.map(Int64.init)
        source = r.provenance.source
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func model(subject: SubjectID, visit: String) -> VisitReading {
        VisitReading(subjectID: subject, visit: visit, reader: reader, deauville: deauville, uptakeChange: uptakeChange,
                     boneNewLesions: boneNewLesions.map { Int($0) }, provenance: Provenance(source: source))
    }

    func sameValues(as other: VisitReadingRecord) -> Bool {
        deauville == other.deauville && uptakeChange == other.uptakeChange && boneNewLesions == other.boneNewLesions
    }
}

extension VisitReadingRecord: IdentifiedRecord {
    var rowID: Int64? {
        get { id }
        set { id = newValue }
    }
}

extension CaseWriter {
    /// Records one reader's whole-scan reading at a visit (same correction rule as measurements: a different
    /// stored reading is replaced only with a reason; the audit trail keeps the old one).
    @discardableResult
    public func record(_ reading: VisitReading, isCorrection: Bool = false) throws -> RecordOutcome {
        do { try reading.validate() } catch { throw StoreError(error) }
        guard try reader.patient(reading.subjectID) != nil else {
            throw StoreError(.unknownPatient, subject: reading.subjectID, visit: reading.visit, "no patient \(reading.subjectID)")
        }
        guard let timepoint = try reader.timepointRecord(reading.subjectID, visit: reading.visit), let timepointID = timepoint.id else {
            throw StoreError(.unknownTimePoint, subject: reading.subjectID, visit: reading.visit,
                             "no visit \(reading.visit); add it with `nadir timepoint add \(reading.subjectID) \(reading.visit) --date YYYY-MM-DD`")
        }
        var record = VisitReadingRecord(reading, timepointId: timepointID)
        let existing = try VisitReadingRecord.filter(Column("timepoint_id") == timepointID && Column("reader") == reading.reader)
            .fetchOne(db)
        return try upsert(&record, existing: existing, same: { $0.sameValues(as: $1) }, isCorrection: isCorrection,
                          subject: reading.subjectID, lesion: nil, visit: reading.visit)
    }
}

extension CaseReader {
    /// The patient's whole-scan readings, by visit date and reader.
    public func visitReadings(_ subject: SubjectID) throws -> [VisitReading] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT visit_reading.*, timepoint.visit AS visit_label FROM visit_reading
            JOIN timepoint ON timepoint.id = visit_reading.timepoint_id
            WHERE timepoint.subject_id = ? ORDER BY timepoint.date, visit_reading.reader
            """, arguments: [subject.rawValue])
        return try rows.map { row in try VisitReadingRecord(row: row).model(subject: subject, visit: row["visit_label"]) }
    }
}
