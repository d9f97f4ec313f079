internal import GRDB
internal import NadirModel

// One internal record per table; the public API speaks NadirModel types. Column names are snake_case.

struct TrialRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trial"
    var id: String
    var protocolName: String
    var defaultCriteria: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ trial: Trial) {
        id = trial.id.rawValue
        protocolName = trial.protocolName
        defaultCriteria = trial.defaultCriteria.rawValue
    }

    var model: Trial { Trial(id: TrialID(id), protocolName: protocolName, defaultCriteria: CriteriaID(defaultCriteria)) }
}

struct PatientRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "patient"
    var subjectId: String
    var trialId: String
    var cancerType: String?
    var criteria: String?
    var site: String?
    var arm: String?
    var treatmentStart: String?
    var radiotherapyEnd: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ patient: Patient) {
        subjectId = patient.subjectID.rawValue
        trialId = patient.trialID.rawValue
        cancerType = patient.cancerType
        criteria = patient.criteria?.rawValue
        site = patient.site
        arm = patient.arm
        treatmentStart = patient.treatmentStart?.iso8601
        radiotherapyEnd = patient.radiotherapyEnd?.iso8601
    }

    var model: Patient {
        Patient(subjectID: SubjectID(subjectId), trialID: TrialID(trialId), cancerType: cancerType,
                criteria: criteria.map { CriteriaID($0) }, site: site, arm: arm,
                treatmentStart: treatmentStart.flatMap(CalendarDate.init(iso8601:)),
                radiotherapyEnd: radiotherapyEnd.flatMap(CalendarDate.init(iso8601:)))
    }
}

struct TimePointRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "timepoint"
    var id: Int64?
    var subjectId: String
    var visit: String
    var date: String
    var isBaseline: Bool
    var studyUid: String?
    var seriesUid: String?
    var modality: String?
    var sliceThicknessHmm: Int64?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ t: TimePoint) {
        subjectId = t.subjectID.rawValue
        visit = t.visit
        date = t.date.iso8601
        isBaseline = t.isBaseline
        studyUid = t.studyUID
        seriesUid = t.seriesUID
        modality = t.modality
        sliceThicknessHmm = t.sliceThickness?.units
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func model() throws -> TimePoint {
        guard let day = CalendarDate(iso8601: date) else {
            throw StoreError(.invalidRecord, subject: SubjectID(subjectId), visit: visit, "stored date '\(date)' is not ISO 8601")
        }
        return TimePoint(subjectID: SubjectID(subjectId), visit: visit, date: day, isBaseline: isBaseline,
                         studyUID: studyUid, seriesUID: seriesUid, modality: modality,
                         sliceThickness: sliceThicknessHmm.map(Length.init(units:)))
    }
}

struct LesionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "lesion"
    var id: Int64?
    var subjectId: String
    var label: String
    var trackingUid: String
    var role: String
    var organ: String
    var isNodal: Bool
    var relation: String?
    var firstVisit: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ l: Lesion) {
        subjectId = l.subjectID.rawValue
        label = l.id.rawValue
        trackingUid = l.trackingUID
        role = l.role.rawValue
        organ = l.organ
        isNodal = l.isNodal
        relation = l.relation?.rawValue
        firstVisit = l.firstVisit
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func model(parents: [LesionID]) throws -> Lesion {
        guard let role = LesionRole(rawValue: role) else {
            throw StoreError(.invalidRecord, subject: SubjectID(subjectId), lesion: LesionID(label), "stored role '\(self.role)' is unknown")
        }
        return Lesion(subjectID: SubjectID(subjectId), id: LesionID(label), trackingUID: trackingUid, role: role,
                      organ: organ, isNodal: isNodal, parents: parents, relation: relation.flatMap(LesionRelation.init),
                      firstVisit: firstVisit)
    }
}

struct MeasurementRecord: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "measurement"
    var id: Int64?
    var lesionId: Int64
    var timepointId: Int64
    var reader: String
    var state: String
    var longAxisHmm: Int64?
    var shortAxisHmm: Int64?
    var volumeHmm3: Int64?
    var meanDensityChu: Int64?
    var sulPeakMsul: Int64?
    var method: String
    var algorithm: String?
    var imageHash: String?
    var maskHash: String?
    var source: String?
    var review: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ m: Measurement, lesionId: Int64, timepointId: Int64) {
        self.lesionId = lesionId
        self.timepointId = timepointId
        reader = m.reader
        state = m.state.rawValue
        longAxisHmm = m.longAxis?.units
        shortAxisHmm = m.shortAxis?.units
        volumeHmm3 = m.volume?.units
        meanDensityChu = m.meanDensity?.units
        sulPeakMsul = m.sulPeak?.units
        method = m.method.rawValue
        algorithm = m.provenance.algorithm
        imageHash = m.provenance.imageHash
        maskHash = m.provenance.maskHash
        source = m.provenance.source
        review = m.isProposed ? "proposed" : "confirmed"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Whether two records hold the same clinical values (ignoring row ids and the free-text source).
    func sameValues(as other: MeasurementRecord) -> Bool {
        var a = self, b = other
        a.id = nil; b.id = nil
        a.source = nil; b.source = nil
        return a == b
    }

    func model(subject: SubjectID, lesion: LesionID, visit: String) throws -> Measurement {
        guard let state = MeasurementState(rawValue: state), let method = MeasurementMethod(rawValue: method) else {
            throw StoreError(.invalidRecord, subject: subject, lesion: lesion, visit: visit, "stored state or method is unknown")
        }
        return Measurement(subjectID: subject, lesionID: lesion, visit: visit, state: state,
                           longAxis: longAxisHmm.map(Length.init(units:)), shortAxis: shortAxisHmm.map(Length.init(units:)),
                           volume: volumeHmm3.map(VolumeMeasure.init(units:)),
                           meanDensity: meanDensityChu.map(Density.init(units:)),
                           sulPeak: sulPeakMsul.map(StandardizedUptake.init(units:)), method: method, reader: reader,
                           provenance: Provenance(algorithm: algorithm, imageHash: imageHash, maskHash: maskHash, source: source),
                           isProposed: review == "proposed")
    }
}

struct LesionStatusRecord: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "lesion_status"
    var id: Int64?
    var lesionId: Int64
    var timepointId: Int64
    var reader: String
    var status: String
    var source: String?

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ s: LesionStatus, lesionId: Int64, timepointId: Int64) {
        self.lesionId = lesionId
        self.timepointId = timepointId
        reader = s.reader
        status = s.status.rawValue
        source = s.provenance.source
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func model(subject: SubjectID, lesion: LesionID, visit: String) throws -> LesionStatus {
        guard let value = LesionStatusValue(rawValue: status) else {
            throw StoreError(.invalidRecord, subject: subject, lesion: lesion, visit: visit, "stored status '\(status)' is unknown")
        }
        return LesionStatus(subjectID: subject, lesionID: lesion, visit: visit, status: value, reader: reader,
                            provenance: Provenance(source: source))
    }
}
