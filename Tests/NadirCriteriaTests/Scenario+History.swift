import Foundation
import NadirCriteria
import NadirModel

/// Why a scenario file cannot be turned into a history.
struct ScenarioError: Error, CustomStringConvertible {
    var description: String
}

extension Scenario {
    static let subject: SubjectID = "S-1"

    func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso8601: text) else { throw ScenarioError(description: "bad date '\(text)'") }
        return date
    }

    func length(_ text: String?) throws -> Length? {
        guard let text else { return nil }
        guard let value = Length(parsing: text) else { throw ScenarioError(description: "bad length '\(text)'") }
        return value
    }

    /// The patient history the scenario describes.
    func history() throws -> PatientHistory {
        let patient = Patient(subjectID: Self.subject, trialID: "SCENARIO")
        let lesions = lesions.map {
            Lesion(subjectID: Self.subject, id: LesionID($0.id), trackingUID: $0.id, role: $0.role, organ: $0.organ,
                   isNodal: $0.nodal ?? false, parents: ($0.parents ?? []).map { LesionID($0) }, relation: $0.relation)
        }
        let nodal = Dictionary(uniqueKeysWithValues: lesions.map { ($0.id, $0.isNodal) })
        var timepoints: [TimePoint] = []
        var measurements: [NadirModel.Measurement] = []
        var statuses: [LesionStatus] = []
        var pet: [PETReading] = []
        var bone: [BoneScanReading] = []
        for spec in self.timepoints {
            timepoints.append(TimePoint(subjectID: Self.subject, visit: spec.visit, date: try date(spec.date),
                                        isBaseline: spec.baseline ?? false, sliceThickness: try length(spec.sliceThickness)))
            for (id, m) in spec.m ?? [:] {
                let lesionID = LesionID(id)
                guard let isNodal = nodal[lesionID] else { throw ScenarioError(description: "unknown lesion \(id) at \(spec.visit)") }
                var long = try length(m.long)
                var short = try length(m.short)
                if let number = m.number {
                    if isNodal { short = try length(number) } else { long = try length(number) }
                }
                let volume = try m.volume.map { text -> VolumeMeasure in
                    guard let v = VolumeMeasure(parsing: text) else { throw ScenarioError(description: "bad volume \(text)") }
                    return v
                }
                let sul = try m.sul.map { text -> StandardizedUptake in
                    guard let v = StandardizedUptake(parsing: text) else { throw ScenarioError(description: "bad SUL \(text)") }
                    return v
                }
                let density = try m.density.map { text -> Density in
                    guard let v = Density(parsing: text) else { throw ScenarioError(description: "bad density \(text)") }
                    return v
                }
                measurements.append(NadirModel.Measurement(subjectID: Self.subject, lesionID: lesionID, visit: spec.visit, state: m.state,
                                                longAxis: long, shortAxis: short, volume: volume, meanDensity: density,
                                                sulPeak: sul, reader: "SCENARIO"))
            }
            for (id, status) in spec.s ?? [:] {
                statuses.append(LesionStatus(subjectID: Self.subject, lesionID: LesionID(id), visit: spec.visit, status: status,
                                             reader: "SCENARIO"))
            }
            if let p = spec.pet {
                let liver = try p.liver.map { text -> StandardizedUptake in
                    guard let v = StandardizedUptake(parsing: text) else { throw ScenarioError(description: "bad SUL \(text)") }
                    return v
                }
                pet.append(PETReading(visit: spec.visit, deauville: p.deauville.flatMap(DeauvilleScore.init(rawValue:)),
                                      uptakeChange: p.uptake, newAvidFoci: p.newFoci ?? false, liverMeanSUL: liver))
            }
            if let count = spec.bone {
                bone.append(BoneScanReading(visit: spec.visit, newLesionsSinceBaseline: count,
                                            baselineHadDisease: boneBaselineDisease ?? true))
            } else if spec.boneNE == true {
                bone.append(BoneScanReading(visit: spec.visit, newLesionsSinceBaseline: nil))
            }
        }
        return PatientHistory(patient: patient, timepoints: timepoints, lesions: lesions, measurements: measurements,
                              statuses: statuses, treatmentStart: try treatmentStart.map(date), pet: pet, boneScans: bone,
                              radiotherapyEnd: try radiotherapyEnd.map(date))
    }

    /// The policies: the criterion's defaults with the scenario's overrides.
    func policies(for definition: CriteriaDefinition) throws -> ResponsePolicies {
        var p = ResponsePolicies(for: definition)
        for (key, value) in policies ?? [:] {
            switch key {
            case "continuedPartialResponse":
                guard let v = ContinuedPartialResponse(rawValue: value) else { throw ScenarioError(description: "bad \(key)") }
                p.continuedPartialResponse = v
            case "iRECISTStableNewLesions":
                guard let v = IRECISTStableNewLesions(rawValue: value) else { throw ScenarioError(description: "bad \(key)") }
                p.iRECISTStableNewLesions = v
            case "completeThenPartial":
                guard let v = CompleteThenPartial(rawValue: value) else { throw ScenarioError(description: "bad \(key)") }
                p.completeThenPartial = v
            case "stableDiseaseMinimumDays":
                guard let v = Int(value) else { throw ScenarioError(description: "bad \(key)") }
                p.stableDiseaseMinimumDays = v
            case "confirmationMinimumDays":
                guard let v = Int(value) else { throw ScenarioError(description: "bad \(key)") }
                p.confirmationMinimumDays = v
            case "progressionScope":
                guard let v = ProgressionScope(rawValue: value) else { throw ScenarioError(description: "bad \(key)") }
                p.progressionScope = v
            default:
                throw ScenarioError(description: "unknown policy \(key)")
            }
        }
        return p
    }
}
