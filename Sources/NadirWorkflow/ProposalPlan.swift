internal import Foundation
internal import NadirModel
internal import NadirRegistration

/// Turns the matcher's proposals into what tracking records: proposed measurements and segmentations, and the
/// fragment, merged and candidate new lesions they need.
struct ProposalPlan {
    var newLesions: [Lesion] = []
    var segmentations: [LesionSegmentation] = []
    var measurements: [NadirModel.Measurement] = []
    var report: [TrackingReport.TrackedLesion] = []

    static func make(_ outcome: TrackingOutcome, components: [TrackingWorkflow.Component],
                     patientCase: PatientCase, subject: SubjectID,
                     visit: String, store: ImageStore) throws -> ProposalPlan {
        var plan = ProposalPlan()
        var taken = patientCase.lesions.map(\.id)
        let byID = Dictionary(patientCase.lesions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reader = components.first?.outcome.measurement.reader ?? "tracking"

        func component(_ index: Int) throws -> TrackingWorkflow.Component {
            guard components.indices.contains(index) else {
                throw WorkflowError(.segmentation, subject: subject, visit: visit, "tracking referred to an unknown component \(index)")
            }
            return components[index]
        }

        func propose(_ c: TrackingWorkflow.Component, as id: LesionID) throws -> NadirModel.Measurement {
            let (path, hash) = try store.store(.uint8(c.outcome.mask))
            plan.segmentations.append(LesionSegmentation(
                subjectID: subject, lesionID: id, visit: visit, method: .seed, seed: [c.seed.x, c.seed.y, c.seed.z],
                preset: c.preset, maskPath: path, maskHash: hash, status: .proposed))
            var m = c.outcome.measurement
            m.lesionID = id
            m.isProposed = true
            m.provenance.source = "proposed by nadir track"
            plan.measurements.append(m)
            return m
        }

        func derived(_ id: LesionID, from parents: [LesionID], relation: LesionRelation) -> Lesion {
            let first = parents.first.flatMap { byID[$0] }
            let roles = Set(parents.compactMap { byID[$0]?.role })
            return Lesion(subjectID: subject, id: id, trackingUID: GeneratedUID.make(),
                          role: roles.count == 1 ? roles.first ?? .target : .target, organ: first?.organ ?? "UNSPECIFIED",
                          isNodal: first?.isNodal ?? false, parents: parents, relation: relation, firstVisit: visit)
        }

        for proposal in outcome.proposals {
            switch proposal {
            case .matched(let match):
                let m = try propose(try component(match.component), as: match.lesion)
                plan.report.append(.init(kind: "matched", lesions: [match.lesion], proposedLesions: [match.lesion],
                                         measurements: [m], detail: String(
                                             format: "%.1f mm from the registered position, overlap %.2f%@", match.distance.doubleValue,
                                             match.overlapFraction, match.volumeRatio.map { String(format: ", volume ratio %.2f", $0) } ?? "")))
            case .split(let split):
                var values: [NadirModel.Measurement] = []
                for fragment in split.fragments {
                    let lesion = derived(fragment.proposedID, from: [split.lesion], relation: .split)
                    plan.newLesions.append(lesion)
                    taken.append(lesion.id)
                    values.append(try propose(try component(fragment.component), as: lesion.id))
                }
                plan.report.append(.init(kind: "split", lesions: [split.lesion], proposedLesions: split.fragments.map(\.proposedID),
                                         measurements: values, detail: "\(split.fragments.count) fragments near the registered position"))
            case .merged(let merge):
                let lesion = derived(merge.proposedID, from: merge.lesions, relation: .merged)
                plan.newLesions.append(lesion)
                taken.append(lesion.id)
                let m = try propose(try component(merge.component), as: lesion.id)
                plan.report.append(.init(kind: "merged", lesions: merge.lesions, proposedLesions: [lesion.id], measurements: [m],
                                         detail: "one component reached from \(merge.lesions.count) lesions"))
            case .notFound(let missing):
                guard let lesion = byID[missing.lesion], lesion.role != .nonTarget else { continue }
                let m = NadirModel.Measurement(subjectID: subject, lesionID: missing.lesion, visit: visit, state: .absent,
                                               method: .seed, reader: reader,
                                               provenance: Provenance(algorithm: "nadir-track 1", source: "proposed by nadir track"),
                                               isProposed: true)
                plan.measurements.append(m)
                plan.report.append(.init(kind: "not-found", lesions: [missing.lesion], proposedLesions: [missing.lesion],
                                         measurements: [m], detail: "nothing segmentable within \(missing.searchRadius) of the registered position; proposed absent (or record too-small)"))
            case .candidateNew(let candidate):
                let id = LesionWorkflow.nextID(for: .new, existing: taken)
                taken.append(id)
                plan.newLesions.append(Lesion(subjectID: subject, id: id, trackingUID: GeneratedUID.make(), role: .new,
                                              organ: "UNSPECIFIED", isNodal: false, firstVisit: visit))
                let m = try propose(try component(candidate.component), as: id)
                plan.report.append(.init(kind: "candidate-new", lesions: [], proposedLesions: [id], measurements: [m],
                                         detail: "changed since baseline, \(candidate.volume) ; accept with `nadir measure confirm`, reject with `nadir lesion reject`"))
            }
        }
        return plan
    }
}
