internal import Foundation
internal import GRDB
internal import NadirModel

struct ScanRecord: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "scan"
    var id: Int64?
    var timepointId: Int64
    var format: String
    var sourcePath: String
    var sourceHash: String
    var contentHash: String
    var storedPath: String
    var voxelType: String
    var geometry: String
    var modality: String?
    var studyUid: String?
    var seriesUid: String?
    var sliceThicknessHmm: Int64?
    var diagnostics: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ s: ScanReference, timepointId: Int64) throws {
        self.timepointId = timepointId
        format = s.format.rawValue
        sourcePath = s.sourcePath
        sourceHash = s.sourceHash
        contentHash = s.contentHash
        storedPath = s.storedPath
        voxelType = s.voxelType
        geometry = try JSONText.encode(s.geometry)
        modality = s.modality
        studyUid = s.studyUID
        seriesUid = s.seriesUID
        sliceThicknessHmm = s.sliceThickness?.units
        diagnostics = try JSONText.encode(s.diagnostics)
    }

    func model(subject: SubjectID, visit: String) throws -> ScanReference {
        guard let format = ScanFormat(rawValue: format) else {
            throw StoreError(.invalidRecord, subject: subject, visit: visit, "stored scan format '\(self.format)' is unknown")
        }
        return ScanReference(subjectID: subject, visit: visit, format: format, sourcePath: sourcePath,
                             sourceHash: sourceHash, contentHash: contentHash, storedPath: storedPath,
                             voxelType: voxelType, geometry: try JSONText.decode(GeometryDescription.self, geometry),
                             modality: modality, studyUID: studyUid, seriesUID: seriesUid,
                             sliceThickness: sliceThicknessHmm.map(Length.init(units:)),
                             diagnostics: try JSONText.decode([String].self, diagnostics))
    }
}

struct RegistrationRecord: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "registration"
    var id: Int64?
    var timepointId: Int64
    var referenceTimepointId: Int64
    var transform: String
    var metric: String
    var finalMetric: Double
    var iterations: Int
    var stopReason: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct SegmentationRecord: Codable, FetchableRecord, MutablePersistableRecord, Equatable {
    static let databaseTableName = "segmentation"
    var id: Int64?
    var lesionId: Int64
    var timepointId: Int64
    var method: String
    var seedX: Double?
    var seedY: Double?
    var seedZ: Double?
    var preset: String?
    var maskPath: String?
    var maskLabel: Int?
    var maskHash: String?
    var status: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ s: LesionSegmentation, lesionId: Int64, timepointId: Int64) {
        self.lesionId = lesionId
        self.timepointId = timepointId
        method = s.method.rawValue
        seedX = s.seed?[0]
        seedY = s.seed.flatMap { $0.count > 1 ? $0[1] : nil }
        seedZ = s.seed.flatMap { $0.count > 2 ? $0[2] : nil }
        preset = s.preset
        maskPath = s.maskPath
        maskLabel = s.maskLabel
        maskHash = s.maskHash
        status = s.status.rawValue
    }

    func model(subject: SubjectID, lesion: LesionID, visit: String) throws -> LesionSegmentation {
        guard let method = MeasurementMethod(rawValue: method), let status = LesionSegmentation.Status(rawValue: status) else {
            throw StoreError(.invalidRecord, subject: subject, lesion: lesion, visit: visit, "stored segmentation is unknown")
        }
        let seed: [Double]? = if let seedX, let seedY, let seedZ { [seedX, seedY, seedZ] } else { nil }
        return LesionSegmentation(subjectID: subject, lesionID: lesion, visit: visit, method: method, seed: seed,
                                  preset: preset, maskPath: maskPath, maskLabel: maskLabel, maskHash: maskHash,
                                  status: status)
    }
}

/// JSON in TEXT columns: sorted keys, so equal values give equal text.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
