import Foundation
import NadirModel
import Testing

/// Foundation also has a `Measurement`; here the name means the lesion measurement.
typealias Measurement = NadirModel.Measurement

@Suite struct ModelValidationTests {
    static let target = Lesion(subjectID: "S01", id: "T01", trackingUID: "2.25.1", role: .target, organ: "LIVER", isNodal: false)
    static let node = Lesion(subjectID: "S01", id: "T02", trackingUID: "2.25.2", role: .target, organ: "LYMPH NODE", isNodal: true)
    static let nonTarget = Lesion(subjectID: "S01", id: "NT01", trackingUID: "2.25.3", role: .nonTarget, organ: "BONE", isNodal: false)
    static let newLesion = Lesion(subjectID: "S01", id: "NEW01", trackingUID: "2.25.4", role: .new, organ: "LIVER", isNodal: false)

    func measurement(_ lesion: Lesion, _ state: MeasurementState, long: Int64? = nil, short: Int64? = nil) -> Measurement {
        Measurement(subjectID: "S01", lesionID: lesion.id, visit: "WEEK 6", state: state,
                    longAxis: long.map(Length.init(units:)), shortAxis: short.map(Length.init(units:)), reader: "R1")
    }

    func code(_ body: () throws -> Void) -> ValidationError.Code? {
        do {
            try body()
            return nil
        } catch {
            return (error as? ValidationError)?.code ?? ValidationError.Code("unexpected \(error)")
        }
    }

    @Test func measuredLesionsNeedTheAxisRECISTSums() {
        #expect(code { try measurement(Self.target, .measured, long: 1400).validate(for: Self.target) } == nil)
        #expect(code { try measurement(Self.target, .measured, short: 900).validate(for: Self.target) } == .missingLongAxis)
        #expect(code { try measurement(Self.node, .measured, short: 1600).validate(for: Self.node) } == nil)
        #expect(code { try measurement(Self.node, .measured, long: 2200).validate(for: Self.node) } == .missingShortAxis)
    }

    @Test func statesOtherThanMeasuredCarryNoValues() {
        for state in [MeasurementState.tooSmallToMeasure, .absent, .notEvaluable] {
            #expect(code { try measurement(Self.target, state).validate(for: Self.target) } == nil)
            #expect(code { try measurement(Self.target, state, long: 300).validate(for: Self.target) } == .valueWithoutMeasuredState)
        }
    }

    @Test func impossibleValuesAreRefused() {
        #expect(code { try measurement(Self.target, .measured, long: -100).validate(for: Self.target) } == .negativeValue)
        #expect(code { try measurement(Self.target, .measured, long: 900, short: 1200).validate(for: Self.target) }
            == .shortAxisExceedsLongAxis)
    }

    @Test func rolesTakeTheirOwnKindOfRecord() {
        #expect(code { try measurement(Self.nonTarget, .measured, long: 1000).validate(for: Self.nonTarget) } == .wrongRecordForRole)
        let targetStatus = LesionStatus(subjectID: "S01", lesionID: "T01", visit: "WEEK 6", status: .present, reader: "R1")
        #expect(code { try targetStatus.validate(for: Self.target) } == .wrongRecordForRole)
        let equivocal = LesionStatus(subjectID: "S01", lesionID: "NT01", visit: "WEEK 6", status: .equivocal, reader: "R1")
        #expect(code { try equivocal.validate(for: Self.nonTarget) } == .equivocalOnlyForNewLesions)
        #expect(code { try equivocal.validate(for: Self.newLesion) } == nil)
    }

    @Test func identifierRules() {
        #expect(IdentifierRules.problem(with: "S01") == nil)
        #expect(IdentifierRules.problem(with: "") != nil)
        #expect(IdentifierRules.problem(with: " S01") != nil)
        #expect(IdentifierRules.problem(with: "T02/T03") != nil)
        #expect(IdentifierRules.problem(with: "T02/T03", allowSlash: true) == nil)
        #expect(IdentifierRules.problem(with: String(repeating: "x", count: 65)) != nil)
        #expect(IdentifierRules.problem(with: "a\tb") != nil)
    }

    @Test func generatedUIDIsTheUUIDsDecimalValueUnder2_25() throws {
        // Truth from Python: uuid.UUID('f81d4fae-7dec-11d0-a765-00a0c91e6bf6').int (the example of DICOM PS3.5 B.2).
        let uuid = try #require(UUID(uuidString: "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"))
        #expect(GeneratedUID.make(from: uuid) == "2.25.329800735698586629295641978511506172918")
        let fresh = GeneratedUID.make()
        #expect(fresh.hasPrefix("2.25.") && fresh.count <= 64)
    }
}
