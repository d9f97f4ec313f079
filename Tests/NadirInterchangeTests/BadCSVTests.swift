import Foundation
import NadirInterchange
import NadirModel
import NadirStore
import Testing

/// One bad row (or header) in the middle of a good file: the import is refused, naming row and column.
@Suite struct BadCSVTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var row: String
        var code: ImportError.Code
        var column: String?
        var testDescription: String { name }
    }

    /// Inserted as spreadsheet row 6 (header = 1, four good rows before it).
    static let cases: [Case] = [
        Case(name: "negative diameter", row: "TR1,P1,WEEK 6,2026-02-16,T09,target,LIVER,no,measured,-4,,,R1", code: .invalidValue, column: "long_axis_mm"),
        Case(name: "non-numeric diameter", row: "TR1,P1,WEEK 6,2026-02-16,T09,target,LIVER,no,measured,twelve,,,R1", code: .invalidValue, column: "long_axis_mm"),
        Case(name: "decimal comma", row: "TR1,P1,WEEK 6,2026-02-16,T09,target,LIVER,no,measured,\"12,5\",,,R1", code: .invalidValue, column: "long_axis_mm"),
        Case(name: "more precision than kept", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9.805,,,R1", code: .invalidValue, column: "long_axis_mm"),
        Case(name: "nodal target without short axis", row: "TR1,P1,WEEK 6,2026-02-16,T02,target,LYMPH NODE,yes,measured,25,,,R1", code: .missingValue, column: "short_axis_mm"),
        Case(name: "non-nodal without long axis", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,,8,,R1", code: .missingValue, column: "long_axis_mm"),
        Case(name: "bad date", row: "TR1,P1,WEEK 9,16/02/2026,T01,target,LIVER,no,measured,9,,,R1", code: .invalidValue, column: "date"),
        Case(name: "impossible date", row: "TR1,P1,WEEK 9,2026-02-30,T01,target,LIVER,no,measured,9,,,R1", code: .invalidValue, column: "date"),
        Case(name: "unknown state", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,shrunk,9,,,R1", code: .invalidValue, column: "state"),
        Case(name: "unknown role", row: "TR1,P1,WEEK 6,2026-02-16,T01,index,LIVER,no,measured,9,,,R1", code: .invalidValue, column: "role"),
        Case(name: "nodal not yes/no", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,maybe,measured,9,,,R1", code: .invalidValue, column: "nodal"),
        Case(name: "lesion typed twice at a visit", row: "TR1,P1,BASELINE,2026-01-05,T01,target,LIVER,no,measured,14.0,,,R1", code: .duplicateRow, column: "lesion"),
        Case(name: "one visit, two dates", row: "TR1,P1,WEEK 6,2026-02-17,T03,target,LIVER,no,measured,9,,,R1", code: .inconsistentRows, column: "date"),
        Case(name: "role changes", row: "TR1,P1,WEEK 6,2026-02-16,NT01,target,BONE,no,measured,9,,,R1", code: .inconsistentRows, column: "role"),
        Case(name: "organ changes", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LUNG,no,measured,9,,,R1", code: .inconsistentRows, column: "organ"),
        Case(name: "target status for a target", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,present,,,,R1", code: .invalidValue, column: "state"),
        Case(name: "diameters on a non-target", row: "TR1,P1,WEEK 6,2026-02-16,NT01,non-target,BONE,no,measured,12,,,R1", code: .invalidValue, column: "state"),
        Case(name: "absent with a non-zero value", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,absent,0.5,,,R1", code: .invalidValue, column: "state"),
        Case(name: "absent non-target with a value", row: "TR1,P1,WEEK 6,2026-02-16,NT01,non-target,BONE,no,absent,12,,,R1", code: .invalidValue, column: "state"),
        Case(name: "too-small with a value", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,too-small,3,,,R1", code: .invalidValue, column: "state"),
        Case(name: "short axis longer than long axis", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9,12,,R1", code: .invalidValue, column: "short_axis_mm"),
        Case(name: "equivocal non-target", row: "TR1,P1,WEEK 6,2026-02-16,NT01,non-target,BONE,no,equivocal,,,,R1", code: .invalidValue, column: "state"),
        Case(name: "new lesion at baseline", row: "TR1,P1,BASELINE,2026-01-05,NEW02,new,LIVER,no,present,,,,R1", code: .invalidValue, column: "role"),
        Case(name: "target first seen after baseline", row: "TR1,P1,WEEK 6,2026-02-16,T07,target,LIVER,no,measured,11,,,R1", code: .invalidValue, column: "role"),
        Case(name: "missing subject", row: "TR1,,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9,,,R1", code: .missingValue, column: "subject"),
        Case(name: "too few fields", row: "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9", code: .wrongFieldCount, column: nil),
        Case(name: "unclosed quote", row: "TR1,P1,WEEK 6,2026-02-16,\"T01,target,LIVER,no,measured,9,,,R1", code: .malformedCSV, column: nil),
    ]

    static let goodBefore = [
        "TR1,P1,BASELINE,2026-01-05,T01,target,LIVER,no,measured,14.0,,,R1",
        "TR1,P1,BASELINE,2026-01-05,T02,target,LYMPH NODE,yes,measured,25.0,16.0,,R1",
        "TR1,P1,BASELINE,2026-01-05,NT01,non-target,BONE,no,present,,,,R1",
        "TR1,P1,WEEK 6,2026-02-16,T01,target,LIVER,no,measured,9.8,,,R1",
    ]

    static let goodAfter = [
        "TR1,P1,WEEK 6,2026-02-16,T02,target,LYMPH NODE,yes,measured,,9.0,,R1",
        "TR1,P1,WEEK 6,2026-02-16,NT01,non-target,BONE,no,absent,,,,R1",
    ]

    @Test(arguments: cases)
    func oneBadRowRejectsTheWholeFile(_ bad: Case) throws {
        let db = try CaseDatabase.inMemory()
        let data = ImportFixture.csv(Self.goodBefore + [bad.row] + Self.goodAfter)
        #expect {
            try ImportFixture.importCSV(data, into: db)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            let rowOK = bad.code == .malformedCSV || error.row == 6
            return error.code == bad.code && rowOK && error.column == bad.column && error.description.hasPrefix("test.csv row")
        }
        #expect(try db.read { try $0.patients() }.isEmpty)
        #expect(try db.read { try $0.auditEntries() }.isEmpty)
    }

    @Test func unknownColumnIsNamed() throws {
        let db = try CaseDatabase.inMemory()
        let data = ImportFixture.csv(Self.goodBefore.map { $0 + ",x" }, header: ImportFixture.header + ",long_axis")
        #expect {
            try ImportFixture.importCSV(data, into: db)
        } throws: { ($0 as? ImportError)?.code == .unknownColumn && ($0 as? ImportError)?.column == "long_axis" }
    }

    @Test func missingRequiredColumnIsNamed() throws {
        let db = try CaseDatabase.inMemory()
        let header = ImportFixture.header.replacingOccurrences(of: ",volume_mm3", with: "")
        let rows = Self.goodBefore.map { $0.replacingOccurrences(of: ",,,R1", with: ",,R1").replacingOccurrences(of: ",16.0,,R1", with: ",16.0,R1") }
        #expect {
            try ImportFixture.importCSV(ImportFixture.csv(rows, header: header), into: db)
        } throws: { ($0 as? ImportError)?.code == .missingColumn && ($0 as? ImportError)?.column == "volume_mm3" }
    }

    @Test func emptyAndNonUTF8FilesAreRefused() throws {
        let db = try CaseDatabase.inMemory()
        #expect(throws: ImportError.self) { try ImportFixture.importCSV(Data(), into: db) }
        #expect(throws: ImportError.self) { try ImportFixture.importCSV(ImportFixture.csv([]), into: db) }
        #expect(throws: ImportError.self) { try ImportFixture.importCSV(Data([0xFF, 0xFE, 0x00, 0x41]), into: db) }
    }
}
