import Foundation
import NadirCriteria
import NadirModel
@testable import NadirReport

/// Hand-built measurements, assessed by the shipped RECIST 1.1 file through the rule engine (as `nadir report`
/// does); the expected sums and categories are worked out by hand in the comments.
enum SamplePatients {
    static let trial = Trial(id: "NADIR-TEST-01", protocolName: "Nadir test protocol")

    /// The shipped RECIST 1.1 definition (Criteria/recist-1.1.yaml), found from this file's location.
    static let recist: CriteriaDefinition = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        do {
            return try CriteriaCatalog(directories: [root.appendingPathComponent("Criteria")]).definition(id: .recist11)
        } catch {
            preconditionFailure("cannot load the shipped criteria: \(error)")
        }
    }()

    /// The patient's report data with one read per reader, each assessed by the engine on that reader's own
    /// measurements and statuses.
    static func assembled(patient: Patient, timepoints: [TimePoint], lesions: [LesionRecord],
                          treatmentStart: CalendarDate?, lastOnStudy: CalendarDate?,
                          adjudications: [Adjudication] = []) -> PatientReportData {
        let evaluator = ResponseEvaluator(definition: recist)
        var readers: [String] = []
        for r in lesions.flatMap({ $0.measurements.map(\.reader) + $0.statuses.map(\.reader) }) where !readers.contains(r) {
            readers.append(r)
        }
        let reads = readers.map { reader in
            ReaderRead(reader: reader, assessment: evaluator.assess(PatientHistory(
                patient: patient, timepoints: timepoints, lesions: lesions.map(\.lesion),
                measurements: lesions.flatMap(\.measurements).filter { $0.reader == reader },
                statuses: lesions.flatMap(\.statuses).filter { $0.reader == reader }, treatmentStart: treatmentStart)))
        }
        var data = PatientReportData(
            patient: patient, trial: trial,
            criteria: CriteriaSummary(recist, policies: ResponsePolicies(for: recist).recorded),
            timepoints: timepoints, lesions: lesions, reads: reads,
            readers: readers.map { ReportReader.inferred(from: $0) },
            readerAssessments: reads.flatMap { read in
                read.assessment.readerAssessments(reader: read.reader, isAccepted: readers.count == 1
                    || adjudications.contains { $0.acceptedReader == read.reader })
            },
            adjudications: adjudications, treatmentStart: treatmentStart, lastOnStudy: lastOnStudy)
        data.isOngoing = data.firstProgressionDate == nil
        return data
    }

    /// A patient whose three targets follow `percents` of their baseline (30, 20 node SA, 20 mm) at WEEK 6, 12
    /// and 18; NT01 present throughout; no new lesion. Sum = 70 x percent / 100.
    static func scaled(subject: String, percents: [Int64]) -> PatientReportData {
        let s = SubjectID(subject)
        let visits = [("BASELINE", "2025-01-06"), ("WEEK 6", "2025-02-17"), ("WEEK 12", "2025-03-31"),
                      ("WEEK 18", "2025-05-12")]
        let tps = visits.enumerated().map { i, v in
            TimePoint(subjectID: s, visit: v.0, date: date(v.1), isBaseline: i == 0, modality: "CT")
        }
        let factors: [Int64] = [100] + percents
        func record(_ id: LesionID, _ organ: String, nodal: Bool, base: Int64) -> LesionRecord {
            LesionRecord(lesion: Lesion(subjectID: s, id: id, trackingUID: "2.25.9\(id.rawValue.count)\(base)",
                                        role: .target, organ: organ, isNodal: nodal),
                         measurements: zip(visits, factors).map { v, f in
                             let value = Length(units: base * f / 100)
                             return NadirModel.Measurement(subjectID: s, lesionID: id, visit: v.0, state: .measured,
                                                           longAxis: nodal ? Length(units: base * f / 100 + 500) : value,
                                                           shortAxis: nodal ? value : nil, reader: "RADIOLOGIST 1")
                         })
        }
        let nt = LesionRecord(lesion: Lesion(subjectID: s, id: "NT01", trackingUID: "2.25.94", role: .nonTarget,
                                             organ: "BONE", isNodal: false),
                              statuses: visits.map { LesionStatus(subjectID: s, lesionID: "NT01", visit: $0.0,
                                                                  status: .present, reader: "RADIOLOGIST 1") })
        return assembled(patient: Patient(subjectID: s, trialID: trial.id, site: "SITE 01", arm: "A"), timepoints: tps,
                         lesions: [record("T01", "LIVER", nodal: false, base: 3000),
                                   record("T02", "LYMPH NODE", nodal: true, base: 2000),
                                   record("T03", "LUNG", nodal: false, base: 2000), nt],
                         treatmentStart: date("2025-01-08"), lastOnStudy: date("2025-05-20"))
    }

    static func date(_ text: String) -> CalendarDate {
        guard let d = CalendarDate(iso8601: text) else { preconditionFailure("bad test date \(text)") }
        return d
    }

    static func mm(_ text: String) -> Length {
        guard let l = Length(parsing: text) else { preconditionFailure("bad test length \(text)") }
        return l
    }

    /// Sums (mm): baseline 70.0 (30 + 20 (node SA) + 20); WEEK 6 49.0 (20 + 14 + 15) = -30 % exactly -> PR;
    /// WEEK 12 32.5 (18 + 9.5 + 5 too small) = -53.57 % -> PR, confirmed 42 days later; WEEK 18 44.0 (24 + 12 + 8)
    /// = +35.38 % and +11.5 mm from the nadir 32.5 -> PD, with a new lesion.
    static func responder(subject: String = "SUBJ-001", organ: String = "LIVER") -> PatientReportData {
        let s = SubjectID(subject)
        let visits = [("BASELINE", "2025-01-06"), ("WEEK 6", "2025-02-17"), ("WEEK 12", "2025-03-31"),
                      ("WEEK 18", "2025-05-12")]
        let tps = visits.enumerated().map { i, v in
            TimePoint(subjectID: s, visit: v.0, date: date(v.1), isBaseline: i == 0, modality: "CT")
        }
        let reader = "RADIOLOGIST 1"
        func m(_ id: LesionID, _ visit: String, _ state: MeasurementState = .measured, la: String? = nil,
               sa: String? = nil, vol: Int64? = nil) -> NadirModel.Measurement {
            NadirModel.Measurement(subjectID: s, lesionID: id, visit: visit, state: state, longAxis: la.map(mm),
                        shortAxis: sa.map(mm), volume: vol.map { VolumeMeasure(units: $0 * 100) }, reader: reader)
        }
        let t01 = LesionRecord(lesion: Lesion(subjectID: s, id: "T01", trackingUID: "2.25.1", role: .target,
                                              organ: organ, isNodal: false),
                               measurements: [m("T01", "BASELINE", la: "30", sa: "21", vol: 9000),
                                              m("T01", "WEEK 6", la: "20", vol: 4000),
                                              m("T01", "WEEK 12", la: "18", vol: 2900),
                                              m("T01", "WEEK 18", la: "24", vol: 6100)])
        let t02 = LesionRecord(lesion: Lesion(subjectID: s, id: "T02", trackingUID: "2.25.2", role: .target,
                                              organ: "LYMPH NODE", isNodal: true),
                               measurements: [m("T02", "BASELINE", la: "28", sa: "20"), m("T02", "WEEK 6", sa: "14"),
                                              m("T02", "WEEK 12", sa: "9.5"), m("T02", "WEEK 18", sa: "12")])
        let t03 = LesionRecord(lesion: Lesion(subjectID: s, id: "T03", trackingUID: "2.25.3", role: .target,
                                              organ: "LUNG", isNodal: false),
                               measurements: [m("T03", "BASELINE", la: "20"), m("T03", "WEEK 6", la: "15"),
                                              m("T03", "WEEK 12", .tooSmallToMeasure), m("T03", "WEEK 18", la: "8")])
        let nt01 = LesionRecord(lesion: Lesion(subjectID: s, id: "NT01", trackingUID: "2.25.4", role: .nonTarget,
                                               organ: "BONE", isNodal: false),
                                statuses: visits.map { LesionStatus(subjectID: s, lesionID: "NT01", visit: $0.0,
                                                                    status: .present, reader: reader) })
        let new01 = LesionRecord(lesion: Lesion(subjectID: s, id: "NEW01", trackingUID: "2.25.5", role: .new,
                                                organ: "LIVER", isNodal: false, firstVisit: "WEEK 18"),
                                 measurements: [m("NEW01", "WEEK 18", la: "4")],
                                 statuses: [LesionStatus(subjectID: s, lesionID: "NEW01", visit: "WEEK 18",
                                                         status: .present, reader: reader)])
        return assembled(patient: Patient(subjectID: s, trialID: trial.id, site: "SITE 01", arm: "A"), timepoints: tps,
                         lesions: [t01, t02, t03, nt01, new01], treatmentStart: date("2025-01-08"),
                         lastOnStudy: date("2025-05-20"))
    }
}
