public import Foundation
public import NadirModel

/// Every criterion Nadir can assess with, loaded from one or more directories of YAML files.
///
/// The shipped `Criteria/` directory comes first; a site adds its own directory with its own files without
/// recompiling. A file named `cancer-types.yaml` maps cancer types to default criteria (later directories
/// refine earlier ones); every other `*.yaml`/`*.yml` file is one `CriteriaDefinition`.
public struct CriteriaCatalog: Sendable {
    /// Definitions by id.
    public private(set) var definitions: [CriteriaID: CriteriaDefinition]
    /// The merged cancer-type map.
    public private(set) var cancerTypes: CancerTypeMap

    /// Loads every YAML file of `directories`, in order.
    ///
    /// Throws `CriteriaError` naming the file and key for malformed YAML, unknown keys, missing thresholds,
    /// unknown logic, logic without its parameter section, and duplicate ids.
    public init(directories: [URL]) throws {
        definitions = [:]
        cancerTypes = CancerTypeMap()
        let manager = FileManager.default
        for directory in directories {
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: directory.path).sorted()
            } catch {
                throw CriteriaError(code: .unreadable, file: directory.path,
                                    message: "cannot list the criteria directory: \(error.localizedDescription)")
            }
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let url = directory.appendingPathComponent(name)
                let text: String
                do {
                    text = try String(contentsOf: url, encoding: .utf8)
                } catch {
                    throw CriteriaError(code: .unreadable, file: url.path, message: "cannot read: \(error.localizedDescription)")
                }
                if name == "cancer-types.yaml" || name == "cancer-types.yml" {
                    cancerTypes.merge(try StrictYAML.decode(CancerTypeMap.self, from: text, file: url.path))
                } else {
                    try add(try CriteriaCatalog.definition(fromYAML: text, file: url.path))
                }
            }
        }
        for (key, entry) in cancerTypes.cancerTypes.merging(cancerTypes.protocolClasses, uniquingKeysWith: { a, _ in a })
        where definitions[entry.criteria] == nil {
            throw CriteriaError(code: .unknownCriteria, file: "cancer-types.yaml", keyPath: key,
                                message: "maps to '\(entry.criteria)', which no criteria file defines")
        }
    }

    /// Makes a catalog from definitions already in memory (tests, tools).
    public init(definitions: [CriteriaDefinition], cancerTypes: CancerTypeMap = CancerTypeMap()) throws {
        self.definitions = [:]
        self.cancerTypes = cancerTypes
        for definition in definitions { try add(definition) }
    }

    /// Decodes and validates one criteria file's text.
    public static func definition(fromYAML text: String, file: String) throws -> CriteriaDefinition {
        var definition = try StrictYAML.decode(CriteriaDefinition.self, from: text, file: file)
        definition.file = file
        try definition.validate()
        return definition
    }

    private mutating func add(_ definition: CriteriaDefinition) throws {
        if let existing = definitions[definition.id] {
            throw CriteriaError(code: .duplicateID, file: definition.file, keyPath: "id",
                                message: "'\(definition.id)' is already defined by \(existing.file ?? "another file")")
        }
        definitions[definition.id] = definition
    }

    /// The definition with `id`.
    public func definition(id: CriteriaID) throws -> CriteriaDefinition {
        guard let definition = definitions[id] else {
            throw CriteriaError(code: .unknownCriteria, keyPath: nil,
                                message: "no criteria file defines '\(id)'; known: \(definitions.keys.sorted().map(\.rawValue).joined(separator: ", "))")
        }
        return definition
    }

    /// Which criteria apply, and why.
    public enum ResolutionSource: String, Hashable, Sendable, Codable {
        /// `Patient.criteria` was set.
        case patientOverride = "patient-override"
        /// `Patient.cancerType` is mapped in `cancer-types.yaml`.
        case cancerType = "cancer-type"
        /// `Trial.defaultCriteria`.
        case trialDefault = "trial-default"
    }

    /// The criteria id for a patient: patient override > cancer type > trial default.
    public func resolveID(patient: Patient, trial: Trial) -> (id: CriteriaID, source: ResolutionSource) {
        if let override = patient.criteria { return (override, .patientOverride) }
        if let type = patient.cancerType, let entry = cancerTypes.cancerTypes[type.lowercased()] {
            return (entry.criteria, .cancerType)
        }
        return (trial.defaultCriteria, .trialDefault)
    }

    /// The definition for a patient (patient override > cancer type > trial default); throws when the resolved
    /// id has no file.
    public func resolve(patient: Patient, trial: Trial) throws -> CriteriaDefinition {
        try definition(id: resolveID(patient: patient, trial: trial).id)
    }

    /// The default criteria for a protocol class ("immunotherapy" -> iRECIST), if mapped.
    public func defaultCriteria(forProtocolClass protocolClass: String) -> CriteriaID? {
        cancerTypes.protocolClasses[protocolClass.lowercased()]?.criteria
    }
}
