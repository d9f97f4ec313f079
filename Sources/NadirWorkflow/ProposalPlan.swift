internal import Foundation
internal import NadirImaging
internal import NadirMeasurement
internal import NadirModel
internal import NadirTracking

/// Turns the tracker's result into what tracking records: proposed measurements and segmentations (masks in the
/// image store), and the fragment, merged and candidate new lesions they need.
struct ProposalPlan {
    var newLesions: [Lesion] = []
    var segmentations: [LesionSegmentation] = []
    var measurements: [NadirModel.Measurement] = []
    var report: [TrackingReport.TrackedLesion] = []

    static func make(_ tracking: TrackingResult, followUp: Volume<Int16>, imageHash: String, patientCase: PatientCase,
                     subject: SubjectID, visit: String, reader: String, store: ImageStore) throws -> ProposalPlan {
        var plan = ProposalPlan()
        var taken = patientCase.lesions.map(\.id)
        let byID = Dictionary(patientCase.lesions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let findings = tracking.findings
        // The masks go to the store on the scan's grid (what every reader of the store expects), two at a time.
        let stored = try storeMasks(findings, on: followUp.geometry, store: store)

        func finding(_ index: Int) throws -> (FollowUpFinding, (path: String, contentHash: String)) {
            guard findings.indices.contains(index) else {
                throw WorkflowError(.segmentation, subject: subject, visit: visit, "tracking referred to an unknown component \(index)")
            }
            return (findings[index], stored[index])
        }

        func propose(_ index: Int, as id: LesionID) throws -> (NadirModel.Measurement, LesionLocation) {
            let (f, mask) = try finding(index)
            plan.segmentations.append(LesionSegmentation(
                subjectID: subject, lesionID: id, visit: visit, method: .seed, seed: [f.seed.x, f.seed.y, f.seed.z],
                preset: f.preset.name, maskPath: mask.path, maskHash: mask.contentHash, status: .proposed,
                location: f.location))
            var m = f.measurement.measurement(subjectID: subject, lesionID: id, visit: visit, reader: reader, method: .seed)
            m.provenance.imageHash = imageHash
            m.provenance.maskHash = mask.contentHash
            m.isProposed = true
            m.provenance.source = "proposed by nadir track"
            plan.measurements.append(m)
            return (m, f.location)
        }

        func derived(_ id: LesionID, from parents: [LesionID], relation: LesionRelation) -> Lesion {
            let first = parents.first.flatMap { byID[$0] }
            let roles = Set(parents.compactMap { byID[$0]?.role })
            return Lesion(subjectID: subject, id: id, trackingUID: GeneratedUID.make(),
                          role: roles.count == 1 ? roles.first ?? .target : .target, organ: first?.organ ?? "UNSPECIFIED",
                          isNodal: first?.isNodal ?? false, parents: parents, relation: relation, firstVisit: visit)
        }

        for proposal in tracking.outcome.proposals {
            switch proposal {
            case .matched(let match):
                let (m, location) = try propose(match.component, as: match.lesion)
                let limit = findings[match.component].reachedSizeLimit ? "; the segmentation reached its size limit: check it" : ""
                plan.report.append(.init(kind: "matched", lesions: [match.lesion], proposedLesions: [match.lesion],
                                         measurements: [m], detail: String(
                                             format: "%.1f mm from the registered position, overlap %.2f%@%@", match.distance.doubleValue,
                                             match.overlapFraction, match.volumeRatio.map { String(format: ", volume ratio %.2f", $0) } ?? "",
                                             limit), locations: [location]))
            case .split(let split):
                var values: [NadirModel.Measurement] = [], locations: [LesionLocation] = []
                for fragment in split.fragments {
                    let lesion = derived(fragment.proposedID, from: [split.lesion], relation: .split)
                    plan.newLesions.append(lesion)
                    taken.append(lesion.id)
                    let (m, location) = try propose(fragment.component, as: lesion.id)
                    values.append(m)
                    locations.append(location)
                }
                plan.report.append(.init(kind: "split", lesions: [split.lesion], proposedLesions: split.fragments.map(\.proposedID),
                                         measurements: values, detail: "\(split.fragments.count) fragments near the registered position",
                                         locations: locations))
            case .merged(let merge):
                let lesion = derived(merge.proposedID, from: merge.lesions, relation: .merged)
                plan.newLesions.append(lesion)
                taken.append(lesion.id)
                let (m, location) = try propose(merge.component, as: lesion.id)
                plan.report.append(.init(kind: "merged", lesions: merge.lesions, proposedLesions: [lesion.id], measurements: [m],
                                         detail: "one component reached from \(merge.lesions.count) lesions", locations: [location]))
            case .notFound(let missing):
                guard let lesion = byID[missing.lesion], lesion.role != .nonTarget else { continue }
                let m = NadirModel.Measurement(subjectID: subject, lesionID: missing.lesion, visit: visit, state: .absent,
                                               method: .seed, reader: reader,
                                               provenance: Provenance(algorithm: "nadir-track 2", source: "proposed by nadir track"),
                                               isProposed: true)
                plan.measurements.append(m)
                plan.report.append(.init(kind: "not-found", lesions: [missing.lesion], proposedLesions: [missing.lesion],
                                         measurements: [m], detail: "\(missing.reason); proposed absent (or record too-small)"))
            case .candidateNew(let candidate):
                let id = LesionWorkflow.nextID(for: .new, existing: taken)
                taken.append(id)
                plan.newLesions.append(Lesion(subjectID: subject, id: id, trackingUID: GeneratedUID.make(), role: .new,
                                              organ: "UNSPECIFIED", isNodal: false, firstVisit: visit))
                let (m, location) = try propose(candidate.component, as: id)
                plan.report.append(.init(kind: "candidate-new", lesions: [], proposedLesions: [id], measurements: [m],
                                         detail: "changed since baseline, \(candidate.volume); accept with `nadir measure confirm`, reject with `nadir lesion reject`",
                                         locations: [location]))
            }
        }
        return plan
    }

    /// Stores each finding's mask on the whole follow-up grid; findings in parallel (compression and hashing
    /// dominate). Returns path and content hash per finding, in order.
    static func storeMasks(_ findings: [FollowUpFinding], on geometry: ImageGeometry,
                           store: ImageStore) throws -> [(path: String, contentHash: String)] {
        var results = [Result<(path: String, contentHash: String), any Error>?](repeating: nil, count: findings.count)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let slots = out
            DispatchQueue.concurrentPerform(iterations: findings.count) { i in
                slots[i] = Result { try store.store(.uint8(try findings[i].fullMask(on: geometry))) }
            }
        }
        return try results.map { result in
            guard let result else { throw WorkflowError(.imageStore, "a proposed mask was not stored") }
            return try result.get()
        }
    }
}
