import Foundation
import NadirModel
@testable import NadirReport

/// Hand-built report inputs with values worked out by hand (RECIST 1.1 arithmetic in the comments).
enum SamplePatients {
    static let trial = Trial(id: "NADIR-TEST-01", protocolName: "Nadir test protocol")

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
        let base = SumValue.diameters(mm("70"))
        func pct(_ new: Decimal, _ ref: Decimal) -> Decimal { (new - ref) / ref * 100 }
        let responses = [
            TimepointResponse(visit: "BASELINE", reader: reader, sum: base, baselineSum: base,
                              trace: [TraceLine(aspect: "target", text: "baseline sum 70.0 mm")]),
            TimepointResponse(visit: "WEEK 6", reader: reader, sum: .diameters(mm("49")), baselineSum: base,
                              nadirSum: base, changeFromBaselinePercent: pct(49, 70), changeFromNadirPercent: pct(49, 70),
                              target: .partialResponse, nonTarget: .nonCRNonPD, newLesions: false,
                              overall: .partialResponse,
                              trace: [TraceLine(aspect: "target", text: "PR: -30.0 % <= -30 % from baseline 70.0 mm"),
                                      TraceLine(aspect: "overall", text: "PR + NON-CR/NON-PD + no new -> PR (Table 1)")]),
            TimepointResponse(visit: "WEEK 12", reader: reader, sum: .diameters(mm("32.5")), baselineSum: base,
                              nadirSum: .diameters(mm("49")), changeFromBaselinePercent: pct(32.5, 70),
                              changeFromNadirPercent: pct(32.5, 49), target: .partialResponse, nonTarget: .nonCRNonPD,
                              newLesions: false, overall: .partialResponse,
                              trace: [TraceLine(aspect: "target", text: "PR: -53.6 % from baseline")]),
            TimepointResponse(visit: "WEEK 18", reader: reader, sum: .diameters(mm("44")), baselineSum: base,
                              nadirSum: .diameters(mm("32.5")), changeFromBaselinePercent: pct(44, 70),
                              changeFromNadirPercent: pct(44, 32.5), target: .progressiveDisease,
                              nonTarget: .nonCRNonPD, newLesions: true, overall: .progressiveDisease,
                              trace: [TraceLine(aspect: "target", text: "PD: +35.4 % and +11.5 mm from nadir 32.5 mm"),
                                      TraceLine(aspect: "new", text: "NEW01 unequivocal")]),
        ]
        let assessments = visits.dropFirst().map { v in
            ReaderAssessment(subjectID: s, visit: v.0, reader: reader, criteria: .recist11, criteriaVersion: "1",
                             target: nil, nonTarget: nil, newLesions: nil,
                             overall: responses.first { $0.visit == v.0 }?.overall ?? .notEvaluable, isAccepted: true)
        }
        return PatientReportData(
            patient: Patient(subjectID: s, trialID: trial.id, site: "SITE 01", arm: "A"), trial: trial,
            criteria: .recist11(policies: ["confirmation": "required-28d", "continuedPR": "eortc"]),
            timepoints: tps, lesions: [t01, t02, t03, nt01, new01], responses: responses,
            bestOverall: BestOverallResponse(category: .partialResponse, confirmed: true, firstVisit: "WEEK 6",
                                             confirmationVisit: "WEEK 12",
                                             trace: [TraceLine(aspect: "confirmation", text: "PR at WEEK 6 confirmed 42 days later")]),
            readers: [ReportReader(id: reader, evaluator: "INDEPENDENT ASSESSOR", evaluatorID: reader)],
            readerAssessments: assessments, treatmentStart: date("2025-01-08"), lastOnStudy: date("2025-05-20"))
    }
}
