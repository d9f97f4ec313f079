import Foundation
import NadirCriteria
import NadirModel
import Testing

/// Loading `Criteria/`: every file parses, the catalog has the criteria the issue lists, resolution order,
/// and load errors name the file and key.
@Suite struct CriteriaCatalogTests {
    static let required = [
        "recist-1.1", "irecist", "mrecist-hcc", "rano-2.0", "rano-2.0-volumetric", "rano-bm", "lugano-2014",
        "percist-1.0", "choi", "modified-choi", "who", "irrc", "pcwg3", "volumetric-recist",
    ]

    @Test func shippedCatalogLoadsEveryRequiredCriterion() throws {
        let catalog = try TestPaths.catalog.get()
        for id in Self.required {
            let definition = try catalog.definition(id: CriteriaID(id))
            #expect(!definition.citation.isEmpty)
            #expect(definition.file?.hasSuffix(".yaml") == true)
        }
    }

    @Test func recistThresholdsAreExactAndCarryTheirComparison() throws {
        let recist = try TestPaths.catalog.get().definition(id: .recist11)
        #expect(recist.response.partial.decreaseFromBaselinePercent.value == ExactDecimal(30))
        #expect(recist.response.partial.decreaseFromBaselinePercent.comparison == .atLeast)
        #expect(recist.response.progression.increasePercent.value == ExactDecimal(20))
        #expect(recist.response.progression.absoluteIncrease?.value == ExactDecimal(5))
        #expect(recist.baseline.maximumTargets == 5)
        #expect(recist.baseline.maximumTargetsPerOrgan == 2)
        let percist = try TestPaths.catalog.get().definition(id: "percist-1.0")
        #expect(percist.response.partial.absoluteDecrease?.value == ExactDecimal(units: 8_000))
        #expect(percist.response.progression.increasePercent.comparison == .greaterThan)
    }

    @Test func resolutionOrderIsPatientThenCancerTypeThenTrial() throws {
        let catalog = try TestPaths.catalog.get()
        let trial = Trial(id: "T", protocolName: "P", defaultCriteria: "who")
        let plain = Patient(subjectID: "1", trialID: "T")
        #expect(try catalog.resolve(patient: plain, trial: trial).id == "who")
        let hcc = Patient(subjectID: "2", trialID: "T", cancerType: "HCC")
        #expect(catalog.resolveID(patient: hcc, trial: trial).id == "mrecist-hcc")
        #expect(catalog.resolveID(patient: hcc, trial: trial).source == .cancerType)
        let overridden = Patient(subjectID: "3", trialID: "T", cancerType: "hcc", criteria: "irecist")
        #expect(catalog.resolveID(patient: overridden, trial: trial).id == "irecist")
        #expect(catalog.resolveID(patient: overridden, trial: trial).source == .patientOverride)
        let expectations = ["nsclc": "recist-1.1", "glioblastoma": "rano-2.0", "brain-metastases": "rano-bm",
                            "dlbcl": "lugano-2014", "hodgkin": "lugano-2014", "gist": "choi", "mcrpc": "pcwg3"]
        for (type, id) in expectations {
            #expect(catalog.resolveID(patient: Patient(subjectID: "4", trialID: "T", cancerType: type), trial: trial).id.rawValue == id)
        }
        #expect(catalog.defaultCriteria(forProtocolClass: "immunotherapy") == "irecist")
    }

    /// Writes `files` to a fresh directory and loads it after the shipped one.
    func load(_ files: [String: String]) throws -> CriteriaCatalog {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-criteria-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try CriteriaCatalog(directories: [TestPaths.criteria, directory])
    }

    func recistText() throws -> String {
        try String(contentsOf: TestPaths.criteria.appendingPathComponent("recist-1.1.yaml"), encoding: .utf8)
    }

    @Test func siteDirectoryAddsACriterionAndACancerTypeWithoutRecompiling() throws {
        let site = try recistText().replacingOccurrences(of: "id: recist-1.1", with: "id: site-recist-strict")
        let types = "version: \"site-1\"\ncancerTypes:\n  mesothelioma: {name: Mesothelioma, criteria: site-recist-strict, source: site}\nprotocolClasses: {}\n"
        let catalog = try load(["site.yaml": site, "cancer-types.yaml": types])
        #expect(catalog.definitions["site-recist-strict"] != nil)
        let patient = Patient(subjectID: "1", trialID: "T", cancerType: "mesothelioma")
        #expect(catalog.resolveID(patient: patient, trial: Trial(id: "T", protocolName: "P")).id == "site-recist-strict")
        #expect(catalog.resolveID(patient: Patient(subjectID: "1", trialID: "T", cancerType: "hcc"),
                                  trial: Trial(id: "T", protocolName: "P")).id == "mrecist-hcc")
    }

    @Test func unknownKeyIsALoadErrorNamingFileAndKey() throws {
        let text = try recistText()
            .replacingOccurrences(of: "id: recist-1.1", with: "id: typo")
            .replacingOccurrences(of: "    reference: nadir", with: "    reference: nadir\n    absoluteIncreaseMM: 5")
        let error = try #require(throws: CriteriaError.self) { try load(["typo.yaml": text]) }
        #expect(error.code == .unknownKey)
        #expect(error.file?.hasSuffix("typo.yaml") == true)
        #expect(error.keyPath == "response.progression.absoluteIncreaseMM")
    }

    @Test func missingThresholdIsALoadErrorNamingFileAndKey() throws {
        let lines = try recistText().replacingOccurrences(of: "id: recist-1.1", with: "id: missing")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("increasePercent: {value: 20") }
        let error = try #require(throws: CriteriaError.self) { try load(["missing.yaml": lines.joined(separator: "\n")]) }
        #expect(error.code == .missingKey)
        #expect(error.file?.hasSuffix("missing.yaml") == true)
        #expect(error.keyPath == "response.progression.increasePercent")
    }

    @Test func badComparisonUnknownLogicAndDuplicateIDAreErrors() throws {
        let bad = try recistText().replacingOccurrences(of: "id: recist-1.1", with: "id: bad")
            .replacingOccurrences(of: "{value: 30, comparison: \">=\"", with: "{value: 30, comparison: \"=>\"")
        let comparison = try #require(throws: CriteriaError.self) { try load(["bad.yaml": bad]) }
        #expect(comparison.code == .invalidValue)
        #expect(comparison.keyPath?.hasPrefix("response.partial.decreaseFromBaselinePercent") == true)

        let logic = try recistText().replacingOccurrences(of: "id: recist-1.1", with: "id: logic")
            .replacingOccurrences(of: "logic: standard", with: "logic: tea-leaves")
        let unknown = try #require(throws: CriteriaError.self) { try load(["logic.yaml": logic]) }
        #expect(unknown.code == .unknownLogic)
        #expect(unknown.keyPath == "logic")

        let duplicate = try #require(throws: CriteriaError.self) { try load(["copy.yaml": try recistText()]) }
        #expect(duplicate.code == .duplicateID)
        #expect("\(duplicate)".contains("copy.yaml"))
    }

    @Test func logicWithoutItsParameterSectionIsAnError() throws {
        let text = try recistText().replacingOccurrences(of: "id: recist-1.1", with: "id: no-params")
            .replacingOccurrences(of: "logic: standard", with: "logic: irecist-confirmation")
        let error = try #require(throws: CriteriaError.self) { try load(["no-params.yaml": text]) }
        #expect(error.code == .missingKey)
        #expect(error.keyPath == "irecist")
    }
}
