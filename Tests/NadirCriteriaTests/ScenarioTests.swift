import Foundation
import NadirCriteria
import NadirModel
import Testing

/// Every scenario file under `Scenarios/<criterion-id>/`, each written from the criterion's published tables
/// (the file's `source`), run through the engine: expected categories per timepoint and BOR.
@Suite struct ScenarioTests {
    @Test(arguments: Scenario.allFiles())
    func scenarioMatchesPublishedTables(file: String) throws {
        let scenario = try Scenario.load(TestPaths.scenarios.appendingPathComponent(file))
        let catalog = try TestPaths.catalog.get()
        let definition = try catalog.definition(id: CriteriaID(scenario.criterion))
        #expect(file.hasPrefix(scenario.criterion + "/"), "scenario \(file) must live in its criterion's folder")
        let evaluator = ResponseEvaluator(definition: definition, policies: try scenario.policies(for: definition))
        let assessment = evaluator.assess(try scenario.history())
        let expected = scenario.timepoints.filter { !($0.baseline ?? false) }
        try #require(assessment.timepoints.count == expected.count, "\(file): timepoint count")
        for (spec, result) in zip(expected, assessment.timepoints) {
            let trace = result.trace.map(\.description).joined(separator: "\n  ")
            guard let want = spec.expect else { continue }
            #expect(result.overall.rawValue == want.overall, "\(file) \(spec.visit): overall\n  \(trace)")
            if let target = want.target {
                #expect(result.target?.rawValue == target, "\(file) \(spec.visit): target\n  \(trace)")
            }
            if let nonTarget = want.nonTarget {
                #expect(result.nonTarget?.rawValue == nonTarget, "\(file) \(spec.visit): non-target\n  \(trace)")
            }
            if let newLesions = want.newLesions {
                #expect(result.newLesions == newLesions, "\(file) \(spec.visit): new lesions\n  \(trace)")
            }
        }
        if let bor = scenario.expect?.bor {
            #expect(assessment.bestOverallResponse.unconfirmed.rawValue == bor, "\(file): BOR \(assessment.bestOverallResponse.trace)")
        }
        if let confirmed = scenario.expect?.confirmedBOR {
            #expect(assessment.bestOverallResponse.confirmed.rawValue == confirmed, "\(file): confirmed BOR \(assessment.bestOverallResponse.trace)")
        }
        if let findings = scenario.expect?.findings {
            #expect(assessment.baselineConformance.map(\.code.rawValue).sorted() == findings.sorted(),
                    "\(file): findings \(assessment.baselineConformance)")
        }
        #expect(assessment.criteria.rawValue == scenario.criterion)
        #expect(assessment.criteriaVersion == definition.version)
    }

    @Test func everyCriterionHasScenarios() throws {
        let catalog = try TestPaths.catalog.get()
        let folders = Set(Scenario.allFiles().compactMap { $0.split(separator: "/").first.map(String.init) })
        for id in catalog.definitions.keys {
            #expect(folders.contains(id.rawValue), "no scenarios for \(id)")
        }
    }
}
