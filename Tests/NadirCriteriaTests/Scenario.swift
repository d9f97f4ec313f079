import Foundation
import NadirCriteria
import NadirModel
import Yams

/// One scenario file: a patient's lesions and timepoints, and the categories the published tables give.
struct Scenario: Decodable {
    struct LesionSpec: Decodable {
        var id: String
        var role: LesionRole
        var organ: String
        var nodal: Bool?
        var parents: [String]?
        var relation: LesionRelation?
    }

    /// A measurement: a number (the axis the measure uses: long for non-nodal, short for nodal), a state
    /// keyword (`too-small`, `absent`, `ne`), or a map with `long`, `short`, `volume`, `sul`, `density`.
    struct MeasurementSpec: Decodable {
        var state: MeasurementState = .measured
        var long: String?
        var short: String?
        var volume: String?
        var sul: String?
        var density: String?
        var number: String?

        enum Keys: String, CodingKey { case long, short, volume, sul, density }

        init(from decoder: any Decoder) throws {
            if let map = try? decoder.container(keyedBy: Keys.self), !map.allKeys.isEmpty {
                long = try map.decodeIfPresent(String.self, forKey: .long)
                short = try map.decodeIfPresent(String.self, forKey: .short)
                volume = try map.decodeIfPresent(String.self, forKey: .volume)
                sul = try map.decodeIfPresent(String.self, forKey: .sul)
                density = try map.decodeIfPresent(String.self, forKey: .density)
                return
            }
            let text = try decoder.singleValueContainer().decode(String.self)
            switch text {
            case "too-small": state = .tooSmallToMeasure
            case "absent": state = .absent
            case "ne": state = .notEvaluable
            default: number = text
            }
        }
    }

    struct PETSpec: Decodable {
        var deauville: String?
        var uptake: UptakeChange?
        var newFoci: Bool?
        var liver: String?
    }

    struct Expectation: Decodable {
        var overall: String
        var target: String?
        var nonTarget: String?
        var newLesions: Bool?
    }

    struct TimepointSpec: Decodable {
        var visit: String
        var date: String
        var baseline: Bool?
        var sliceThickness: String?
        var m: [String: MeasurementSpec]?
        var s: [String: LesionStatusValue]?
        var pet: PETSpec?
        var bone: Int?
        var boneNE: Bool?
        var expect: Expectation?
    }

    struct Final: Decodable {
        var bor: String?
        var confirmedBOR: String?
        var findings: [String]?
    }

    var criterion: String
    var description: String
    var source: String
    var policies: [String: String]?
    var treatmentStart: String?
    var radiotherapyEnd: String?
    var boneBaselineDisease: Bool?
    var lesions: [LesionSpec]
    var timepoints: [TimepointSpec]
    var expect: Final?

    static func load(_ url: URL) throws -> Scenario {
        try YAMLDecoder().decode(Scenario.self, from: String(contentsOf: url, encoding: .utf8))
    }

    /// Every scenario file, as paths relative to `Scenarios/`.
    static func allFiles() -> [String] {
        let root = TestPaths.scenarios
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") { files.append(path) }
        }
        return files.sorted()
    }
}
