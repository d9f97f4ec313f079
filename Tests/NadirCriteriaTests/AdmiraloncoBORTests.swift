import Foundation
import NadirCriteria
import NadirInterchange
import NadirModel
import Testing

/// admiralonco's `derive_param_bor`, `derive_param_confirmed_bor` and `derive_param_confirmed_resp` test cases
/// (Fixtures/pharmaverse/bor_cases.csv, crsp_cases.csv), run through `BestResponseDeriver` with the parameters
/// each case names mapped onto `ResponsePolicies`:
/// `ref_start_window` -> stableDiseaseMinimumDays, `ref_confirm` -> confirmationMinimumDays,
/// `max_nr_ne` -> maximumNotEvaluableBetweenConfirmations, `accept_sd` -> acceptStableDiseaseBetweenConfirmations,
/// `missing_as_ne` -> missingAsNotEvaluable, `source_pd` (NULL or not) -> stopAtFirstProgression.
@Suite struct AdmiraloncoBORTests {
    /// admiralonco tests/testthat/test-derive_param_bor.R, Test 2: the separate PD dataset (PARAMCD == "PD")
    /// gives subject 2 a PD on 2020-03-01 (day 80 from TRTSDT 2019-12-12) and subject 6 on 2020-02-05 (day 3 from
    /// TRTSDT 2020-02-02); subject 9 is not in ADSL. The CSV does not carry these dates.
    static let externalProgressionDays: [String: [String: Int]] = ["bor_t2_pd": ["2": 80, "6": 3]]

    static let reference = CalendarDate(daysSinceEpoch: 18_262)  // 2020-01-01; days are relative to it

    static func policies(from params: String) throws -> ResponsePolicies {
        var values: [String: String] = [:]
        for part in params.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { values[pair[0]] = pair[1] }
        }
        func int(_ key: String, _ fallback: Int) -> Int {
            values[key].flatMap { Int($0.prefix { $0.isNumber }) } ?? fallback
        }
        func bool(_ key: String) -> Bool { values[key]?.hasPrefix("TRUE") ?? false }
        return ResponsePolicies(
            confirmationMinimumDays: int("ref_confirm", 28),
            maximumNotEvaluableBetweenConfirmations: int("max_nr_ne", 1),
            acceptStableDiseaseBetweenConfirmations: bool("accept_sd"),
            stableDiseaseMinimumDays: int("ref_start_window", 28),
            stopAtFirstProgression: values["source_pd"] != "NULL",
            missingAsNotEvaluable: bool("missing_as_ne"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var name: String
        var subject: String
        var params: String
        var responses: [TimedResponse]
        var expected: String
        var column: String
        var testDescription: String { "\(name) subject \(subject) (\(column))" }
    }

    static func cases() -> [Case] {
        var result: [Case] = []
        for (file, columns) in [("bor_cases.csv", ["expected_bor", "expected_cbor"]), ("crsp_cases.csv", ["expected_crsp"])] {
            guard let table = try? CSVDocument(contentsOf: TestPaths.pharmaverse.appendingPathComponent(file)) else { continue }
            var order: [String] = []
            var grouped: [String: [[String: String]]] = [:]
            for row in table.rows {
                let key = "\(row["case", default: ""])|\(row["subject", default: ""])"
                if grouped[key] == nil { order.append(key) }
                grouped[key, default: []].append(row)
            }
            for key in order {
                guard let rows = grouped[key], let first = rows.first else { continue }
                let responses = rows.compactMap { row -> TimedResponse? in
                    guard let day = Int(row["day", default: ""]), let text = row["response"], !text.isEmpty else { return nil }
                    let outcome = CategoryVocabulary.recist.outcome(for: ResponseCategory(rawValue: text)) ?? .notEvaluable
                    return TimedResponse(visit: "D\(day)", date: reference.adding(days: day), outcome: outcome)
                }
                for column in columns where !(first[column] ?? "").isEmpty {
                    result.append(Case(file: file, name: first["case", default: ""], subject: first["subject", default: ""],
                                       params: first["params", default: ""], responses: responses,
                                       expected: first[column, default: ""], column: column))
                }
            }
        }
        return result
    }

    @Test func fixtureHasTheExpectedNumberOfCases() {
        let all = Self.cases()
        #expect(Set(all.filter { $0.file == "bor_cases.csv" }.map { "\($0.name)|\($0.subject)" }).count == 59)
        #expect(all.contains { $0.name == "crsp_t4_nopd" })
    }

    @Test(arguments: cases())
    func admiraloncoCase(_ c: Case) throws {
        let policies = try Self.policies(from: c.params)
        let pdDay = Self.externalProgressionDays[c.name]?[c.subject]
        let bor = BestResponseDeriver.derive(c.responses, reference: Self.reference, policies: policies,
                                             vocabulary: .recist, progressionDate: pdDay.map { Self.reference.adding(days: $0) })
        switch c.column {
        case "expected_bor": #expect(bor.unconfirmed.rawValue == c.expected, "\(bor.trace)")
        case "expected_cbor": #expect(bor.confirmed.rawValue == c.expected, "\(bor.trace)")
        default: #expect((bor.isConfirmedResponse ? "Y" : "N") == c.expected, "\(bor.trace)")
        }
    }
}
