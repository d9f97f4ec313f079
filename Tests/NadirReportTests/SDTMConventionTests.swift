import Foundation
import NadirModel
@testable import NadirReport
import Testing

/// TR/TU/RS conventions of the CDISC RECIST 1.1 disease-response supplement (wiki.cdisc.org, "RECIST 1.1"
/// supplement draft 2022-09-13, TR example row captions) and the SDTMIG 3.3 variable order.
@Suite struct SDTMConventionTests {
    static let s = SubjectID("S-1")
    static let reader = "INVESTIGATOR"

    static func m(_ id: LesionID, _ visit: String, _ state: MeasurementState = .measured, la: String? = nil) -> NadirModel.Measurement {
        NadirModel.Measurement(subjectID: s, lesionID: id, visit: visit, state: state, longAxis: la.flatMap { Length(parsing: $0) },
                    reader: reader)
    }

    static func lesion(_ id: LesionID, role: LesionRole = .target, parents: [LesionID] = [],
                       relation: LesionRelation? = nil, _ ms: [NadirModel.Measurement]) -> LesionRecord {
        LesionRecord(lesion: Lesion(subjectID: s, id: id, trackingUID: id.rawValue, role: role, organ: "LIVER",
                                    isNodal: false, parents: parents, relation: relation), measurements: ms)
    }

    /// T01 throughout; T04 splits into T04.1 + T04.2 at WEEK 16; T02 and T03 merge into T02/T03 at WEEK 24;
    /// T05 too small to measure at WEEK 8; NEW01 measured 4 mm at WEEK 24.
    static func data() -> PatientReportData {
        let visits = [("SCREENING", "2024-01-02"), ("WEEK 8", "2024-02-27"), ("WEEK 16", "2024-04-23"),
                      ("WEEK 24", "2024-06-18")]
        let tps = visits.enumerated().compactMap { i, v in
            CalendarDate(iso8601: v.1).map { TimePoint(subjectID: s, visit: v.0, date: $0, isBaseline: i == 0, modality: "CT") }
        }
        let lesions = [
            lesion("T01", visits.map { m("T01", $0.0, la: "20") }),
            lesion("T02", [m("T02", "SCREENING", la: "15"), m("T02", "WEEK 8", la: "14"), m("T02", "WEEK 16", la: "14")]),
            lesion("T03", [m("T03", "SCREENING", la: "12"), m("T03", "WEEK 8", la: "12"), m("T03", "WEEK 16", la: "11")]),
            lesion("T04", [m("T04", "SCREENING", la: "25"), m("T04", "WEEK 8", la: "24")]),
            lesion("T04.1", parents: ["T04"], relation: .split, [m("T04.1", "WEEK 16", la: "13"), m("T04.1", "WEEK 24", la: "12")]),
            lesion("T04.2", parents: ["T04"], relation: .split, [m("T04.2", "WEEK 16", la: "9"), m("T04.2", "WEEK 24", la: "8")]),
            lesion("T02/T03", parents: ["T02", "T03"], relation: .merged, [m("T02/T03", "WEEK 24", la: "27")]),
            lesion("T05", [m("T05", "SCREENING", la: "11"), m("T05", "WEEK 8", .tooSmallToMeasure),
                           m("T05", "WEEK 16", .absent), m("T05", "WEEK 24", .notEvaluable)]),
            lesion("NEW01", role: .new, [m("NEW01", "WEEK 24", la: "4")]),
        ]
        let trial = Trial(id: "EX1", protocolName: "example")
        _ = trial
        return SamplePatients.assembled(patient: Patient(subjectID: s, trialID: SamplePatients.trial.id), timepoints: tps,
                                        lesions: lesions, treatmentStart: nil, lastOnStudy: nil)
    }

    static func tr() -> [[String: String]] {
        let d = data()
        return TestCSVReader.records(SDTMExporter.tr(TrialReportData(trial: d.trial, patients: [d])))
    }

    static func row(_ rows: [[String: String]], _ link: String, _ visit: String, _ code: String = "LDIAM") -> [String: String]? {
        rows.first { $0["TRLNKID"] == link && $0["VISIT"] == visit && $0["TRTESTCD"] == code }
    }

    @Test func tooSmallToMeasureKeepsTheTextAndStandardisesToFiveMillimetres() throws {
        // Supplement, TR row 30: TRORRES "TOO SMALL TO MEASURE", TRSTRESC/TRSTRESN "5", TRSTRESU "mm".
        let r = try #require(Self.row(Self.tr(), "T05", "WEEK 8"))
        #expect(r["TRORRES"] == "TOO SMALL TO MEASURE")
        #expect(r["TRSTRESC"] == "5")
        #expect(r["TRSTRESN"] == "5")
        #expect(r["TRSTRESU"] == "mm")
    }

    @Test func absentIsZeroAndNotEvaluableIsNotDone() throws {
        let rows = Self.tr()
        let absent = try #require(Self.row(rows, "T05", "WEEK 16"))
        #expect(absent["TRSTRESN"] == "0")
        // Supplement, TR row 14/15: a missing assessment is TRSTAT "NOT DONE" with the reason in TRREASND.
        let ne = try #require(Self.row(rows, "T05", "WEEK 24"))
        #expect(ne["TRSTAT"] == "NOT DONE")
        #expect(ne["TRREASND"] == "NOT EVALUABLE")
        #expect(ne["TRORRES"] == "")
    }

    @Test func smallMeasuredValueIsKeptNotReplacedByFive() throws {
        // Supplement, TR row 58: NEW01 measured 4 mm is reported as 4, not "TOO SMALL TO MEASURE".
        let r = try #require(Self.row(Self.tr(), "NEW01", "WEEK 24"))
        #expect(r["TRORRES"] == "4")
        #expect(r["TRSTRESN"] == "4")
        #expect(r["TRGRPID"] == "NEW")
    }

    @Test func splitLesionIsReportedAsItsFragments() throws {
        // Supplement, TR rows 11 and 18-19: T04 before the split, then T04.1 and T04.2 at WEEK 16.
        let rows = Self.tr()
        #expect(Self.row(rows, "T04", "WEEK 8")?["TRSTRESN"] == "24")
        #expect(Self.row(rows, "T04.1", "WEEK 16")?["TRSTRESN"] == "13")
        #expect(Self.row(rows, "T04.2", "WEEK 16")?["TRSTRESN"] == "9")
        #expect(rows.filter { $0["TRLNKID"] == "T04" && $0["VISIT"] == "WEEK 16" }.isEmpty)
        let tu = TestCSVReader.records(SDTMExporter.tu(TrialReportData(trial: Self.data().trial, patients: [Self.data()])))
        let fragment = try #require(tu.first { $0["TULNKID"] == "T04.1" })
        #expect(fragment["VISIT"] == "WEEK 16")
        #expect(fragment["TUGRPID"] == "T04")
        #expect(fragment["TUORRES"] == "TARGET")
    }

    @Test func mergedLesionsAreNotDoneTumorMergedBesideTheMergedRecord() throws {
        // Supplement, TR rows 24-26: T02 and T03 TRSTAT "NOT DONE", TRREASND "TUMOR MERGED"; T02/T03 measured.
        let rows = Self.tr()
        for link in ["T02", "T03"] {
            let r = try #require(Self.row(rows, link, "WEEK 24"))
            #expect(r["TRSTAT"] == "NOT DONE")
            #expect(r["TRREASND"] == "TUMOR MERGED")
            #expect(r["TRORRES"] == "")
        }
        #expect(Self.row(rows, "T02/T03", "WEEK 24")?["TRSTRESN"] == "27")
        #expect(Self.row(rows, "T02", "WEEK 16")?["TRSTAT"] == "")
    }

    @Test func nodalTargetsReportTheShortAxisAsLongestPerpendicular() throws {
        // Supplement section 2: lymph-node targets are measured by LPERP (short axis), others by LDIAM; a node's
        // long axis, when also recorded, is an extra LDIAM row (as pharmaversesdtm records both).
        let d = SamplePatients.responder()
        let rows = TestCSVReader.records(SDTMExporter.tr(TrialReportData(trial: d.trial, patients: [d])))
        #expect(Self.row(rows, "T02", "BASELINE", "LPERP")?["TRSTRESN"] == "20")
        #expect(Self.row(rows, "T02", "BASELINE", "LDIAM")?["TRSTRESN"] == "28")
        #expect(Self.row(rows, "T02", "WEEK 12", "LPERP")?["TRSTRESN"] == "9.5")
        #expect(Self.row(rows, "T02", "WEEK 12", "LDIAM") == nil)
        #expect(Self.row(rows, "T03", "WEEK 12", "LDIAM")?["TRORRES"] == "TOO SMALL TO MEASURE")
        #expect(Self.row(rows, "", "WEEK 12", "SUMDIAM")?["TRSTRESN"] == "32.5")
        // The engine's own components of the read.
        let rs = TestCSVReader.records(SDTMExporter.rs(TrialReportData(trial: d.trial, patients: [d])))
        #expect(rs.filter { $0["VISIT"] == "WEEK 18" }.map { "\($0["RSTESTCD"] ?? "")=\($0["RSORRES"] ?? "")" }
            == ["TRGRESP=PD", "NTRGRESP=NON-CR/NON-PD", "NEWLIND=Y", "OVRLRESP=PD"])
        #expect(rs.allSatisfy { $0["RSACPTFL"] == "Y" && $0["RSEVALID"] == "RADIOLOGIST 1" })
    }

    @Test func sumOfDiametersCarriesNoMethodOrDate() throws {
        // Supplement section 2: summary values (sum of diameters) have no TRMETHOD and no TRDTC.
        let r = try #require(Self.row(Self.tr(), "", "WEEK 8", "SUMDIAM"))
        #expect(r["TRTEST"] == "Sum of Diameter")
        #expect(r["TRSTRESN"] == "75")
        #expect(r["TRMETHOD"] == "")
        #expect(r["TRDTC"] == "")
        #expect(Self.row(Self.tr(), "T01", "WEEK 8")?["TRMETHOD"] == "CT SCAN")
    }

    /// SDTMIG 3.3 variable order of TU, TR and RS (Findings class), as published in the SDTMIG domain tables.
    static let sdtmigOrder: [String: [String]] = [
        "TU": ["STUDYID", "DOMAIN", "USUBJID", "TUSEQ", "TUGRPID", "TUREFID", "TUSPID", "TULNKID", "TULNKGRP",
               "TUTESTCD", "TUTEST", "TUORRES", "TUSTRESC", "TUNAM", "TULOC", "TULAT", "TUDIR", "TUPORTOT", "TUMETHOD",
               "TULOBXFL", "TUBLFL", "TUEVAL", "TUEVALID", "TUACPTFL", "VISITNUM", "VISIT", "VISITDY", "TAETORD",
               "EPOCH", "TUDTC", "TUDY"],
        "TR": ["STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRGRPID", "TRREFID", "TRSPID", "TRLNKID", "TRLNKGRP",
               "TRTESTCD", "TRTEST", "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRSTAT", "TRREASND",
               "TRNAM", "TRMETHOD", "TRLOBXFL", "TRBLFL", "TREVAL", "TREVALID", "TRACPTFL", "VISITNUM", "VISIT",
               "VISITDY", "TAETORD", "EPOCH", "TRDTC", "TRDY"],
        "RS": ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSGRPID", "RSREFID", "RSSPID", "RSLNKID", "RSLNKGRP",
               "RSTESTCD", "RSTEST", "RSCAT", "RSSCAT", "RSORRES", "RSORRESU", "RSSTRESC", "RSSTRESN", "RSSTRESU",
               "RSSTAT", "RSREASND", "RSNAM", "RSEVAL", "RSEVALID", "RSACPTFL", "VISITNUM", "VISIT", "VISITDY",
               "TAETORD", "EPOCH", "RSDTC", "RSDY"],
    ]

    @Test(arguments: [("TU", SDTMExporter.tuColumns), ("TR", SDTMExporter.trColumns), ("RS", SDTMExporter.rsColumns)])
    func columnsFollowTheSDTMIGOrder(domain: String, columns: [String]) throws {
        let order = try #require(Self.sdtmigOrder[domain])
        let positions = columns.map { order.firstIndex(of: $0) }
        #expect(!positions.contains(nil), "unknown variables in \(domain): \(columns)")
        let known = positions.compactMap { $0 }
        #expect(known == known.sorted())
    }

    @Test func rsWritesTheFourRecistTestsWithControlledTerms() throws {
        // WEEK 8: baseline 20 + 15 + 12 + 25 + 11 = 83 mm; WEEK 8 20 + 14 + 12 + 24 + 5 (too small) = 75 mm,
        // -9.6 %: SD; no non-targets (no NTRGRESP), no new lesion.
        let d = Self.data()
        let rs = TestCSVReader.records(SDTMExporter.rs(TrialReportData(trial: d.trial, patients: [d])))
            .filter { $0["VISIT"] == "WEEK 8" }
        #expect(rs.map { $0["RSTESTCD"] ?? "" } == ["TRGRESP", "NEWLIND", "OVRLRESP"])
        #expect(rs.map { $0["RSORRES"] ?? "" } == ["SD", "N", "SD"])
        #expect(rs.allSatisfy { $0["RSCAT"] == "RECIST 1.1" && $0["VISITNUM"] == "2" && $0["RSDTC"] == "2024-02-27" })
    }
}
