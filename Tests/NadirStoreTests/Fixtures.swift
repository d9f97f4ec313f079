import Foundation
import NadirModel
@testable import NadirStore

/// A small case built in a fresh in-memory database, shared by the store tests.
enum StoreFixture {
    static let context = AuditContext(user: "tester", reason: "test setup",
                                      at: Date(timeIntervalSince1970: 1_790_000_000))

    static func length(_ text: String) -> Length {
        guard let value = Length(parsing: text) else { preconditionFailure("bad test literal \(text)") }
        return value
    }

    static func date(_ text: String) -> CalendarDate {
        guard let value = CalendarDate(iso8601: text) else { preconditionFailure("bad test literal \(text)") }
        return value
    }

    /// Trial T, patient S01 with a baseline and a follow-up, a target T01 (liver), a nodal target T02, a non-target NT01.
    static func makeDatabase() throws -> CaseDatabase {
        let db = try CaseDatabase.inMemory()
        try db.write(as: context) { w in
            try w.addTrial(Trial(id: "T", protocolName: "Test protocol"))
            try w.addPatient(Patient(subjectID: "S01", trialID: "T", cancerType: "nsclc"))
            try w.addTimePoint(TimePoint(subjectID: "S01", visit: "BASELINE", date: date("2026-01-05")))
            try w.addTimePoint(TimePoint(subjectID: "S01", visit: "WEEK 6", date: date("2026-02-16")))
            try w.addLesion(Lesion(subjectID: "S01", id: "T01", trackingUID: GeneratedUID.make(), role: .target,
                                   organ: "LIVER", isNodal: false))
            try w.addLesion(Lesion(subjectID: "S01", id: "T02", trackingUID: GeneratedUID.make(), role: .target,
                                   organ: "LYMPH NODE", isNodal: true))
            try w.addLesion(Lesion(subjectID: "S01", id: "NT01", trackingUID: GeneratedUID.make(), role: .nonTarget,
                                   organ: "LUNG", isNodal: false))
        }
        return db
    }

    static func measurement(_ lesion: LesionID, _ visit: String, long: String? = nil, short: String? = nil,
                            state: MeasurementState = .measured, reader: String = "R1") -> Measurement {
        Measurement(subjectID: "S01", lesionID: lesion, visit: visit, state: state, longAxis: long.map(length),
                    shortAxis: short.map(length), reader: reader)
    }
}

/// The repository root, found from this file's path.
enum RepositoryRoot {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// Foundation also has a `Measurement`; in this module the name means the lesion measurement.
typealias Measurement = NadirModel.Measurement
