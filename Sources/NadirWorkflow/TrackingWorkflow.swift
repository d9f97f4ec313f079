internal import Foundation
internal import NadirImaging
public import NadirModel
internal import NadirRegistration
internal import NadirSegmentation
public import NadirStore

/// `nadir track`: each follow-up aligned to baseline, every lesion found again, re-segmented and measured, and
/// proposed for a person to confirm.
///
/// 1. Rigid registration, baseline fixed and follow-up moving (Mattes MI, centre-of-mass start); stored and audited.
/// 2. Each lesion with a segmentation on an earlier visit is mapped into the follow-up (through baseline space) and
///    re-segmented there with its preset; overlapping results are one component.
/// 3. Subtraction against the registered baseline finds changed blobs away from tracked lesions: candidate new
///    lesions.
/// 4. Optimal assignment (Hungarian) on registered distance proposes matched, split, merged and not-found lesions.
/// 5. Everything is recorded as proposed (measurements, segmentations, fragment/merged/new lesions) in one
///    transaction; `nadir measure confirm` or a correction makes it final. Non-targets get no proposal: their
///    status is a reader's judgement (`nadir nontarget record`).
public struct TrackingWorkflow: Sendable {
    public var database: CaseDatabase
    public var store: ImageStore
    /// Whether to look for candidate new lesions by subtraction.
    public var findsNewLesions = true

    public init(database: CaseDatabase, store: ImageStore) {
        self.database = database
        self.store = store
    }

    /// A follow-up component: a re-segmented lesion or a changed blob.
    struct Component {
        var outcome: LesionImaging.Outcome
        var seed: SIMD3<Double>
        var preset: String
        var sources: [LesionID]
    }

    ///
    /// A visit whose tracked segmentations were already confirmed is re-tracked only with `replacingConfirmed`
    /// (the CLI's `--reason`): the check comes first, before any work.
    public func track(subject: SubjectID, visit: String, reader: String, context: AuditContext,
                      replacingConfirmed: Bool = false, progress: (String) -> Void = { _ in }) throws -> TrackingReport {
        let lesions = LesionWorkflow(database: database, store: store)
        let patientCase = try database.read { try $0.patientCase(subject) }
        let confirmedHere = try database.read { try $0.segmentations(subject) }
            .filter { $0.visit == visit && $0.status == .confirmed }
        if !confirmedHere.isEmpty, !replacingConfirmed {
            throw WorkflowError(.segmentation, subject: subject, visit: visit,
                                "\(visit) already has confirmed segmentations (\(confirmedHere.map(\.lesionID.rawValue).joined(separator: ", "))); to track it again and replace them, say why with --reason")
        }
        guard let baseline = patientCase.baseline else {
            throw WorkflowError(.missingScan, subject: subject, "the patient has no baseline visit")
        }
        guard baseline.visit != visit else {
            throw WorkflowError(.unsupportedInput, subject: subject, visit: visit, "the baseline is the reference; track a follow-up visit")
        }
        let (_, baseCT) = try lesions.scan(subject, visit: baseline.visit)
        let (followScan, followCT) = try lesions.scan(subject, visit: visit)
        progress("registering \(visit) to \(baseline.visit)")
        let result = try RigidRegistrar().register(fixed: baseCT.converted { Float($0) }, moving: followCT.converted { Float($0) })
        let summary = RegistrationSummary(
            subjectID: subject, visit: visit, referenceVisit: baseline.visit, transformJSON: try Self.json(result),
            metric: "\(result.metric)", finalMetric: result.finalMetric, iterations: result.iterations,
            stopReason: result.stopReason.rawValue)
        let toFollowUp = result.transform

        progress("re-segmenting tracked lesions")
        let tracked = try trackedLesions(patientCase, before: visit, baselineVisit: baseline.visit)
        var components: [Component] = []
        var baselineInputs: [BaselineLesion] = []
        for item in tracked where item.lesion.role != .nonTarget {
            let mapped = toFollowUp.apply(to: item.baselinePosition)
            baselineInputs.append(BaselineLesion(id: item.lesion.id, position: item.baselinePosition, volume: item.volume))
            guard followCT.geometry.index(of: mapped) != nil,
                  let preset = try? LesionImaging.preset(named: item.preset, organ: item.lesion.organ, isNodal: item.lesion.isNodal),
                  let outcome = try? LesionImaging.segmentAndMeasure(
                      ct: followCT, seed: mapped, preset: preset, subject: subject, lesion: item.lesion.id, visit: visit,
                      reader: reader, imageHash: followScan.contentHash),
                  outcome.voxelCount > 0
            else { continue }
            if let same = components.firstIndex(where: { Self.overlap($0.outcome.mask, outcome.mask) > 0.5 }) {
                components[same].sources.append(item.lesion.id)
            } else {
                components.append(Component(outcome: outcome, seed: mapped, preset: preset.name, sources: [item.lesion.id]))
            }
        }
        if findsNewLesions {
            progress("looking for new lesions (subtraction against the registered baseline)")
            let registered = try Resampler.resample(baseCT, onto: followCT.geometry, transform: result.rigid.inverse,
                                                    interpolation: .linear, defaultValue: -1000)
            let covered = try Resampler.resample(Volume<UInt8>(geometry: baseCT.geometry, repeating: 1), onto: followCT.geometry,
                                                 transform: result.rigid.inverse, interpolation: .nearestNeighbor,
                                                 defaultValue: 0)
            for blob in try ChangeCandidates().find(followUp: followCT, registeredBaseline: registered, covered: covered) {
                guard !components.contains(where: { norm($0.outcome.centroid - blob.centroid) < 20 }),
                      !tracked.contains(where: { norm(toFollowUp.apply(to: $0.baselinePosition) - blob.centroid) < 20 }),
                      let outcome = try? LesionImaging.segmentAndMeasure(
                          ct: followCT, seed: blob.centroid, preset: .softTissue, subject: subject, lesion: "NEW",
                          visit: visit, reader: reader, imageHash: followScan.contentHash),
                      outcome.voxelCount > 0,
                      // A lesion's segmentation agrees with the changed blob; one that spreads far beyond it grew into
                      // normal tissue (an edge artefact, not a lesion).
                      (outcome.measurement.volume?.doubleValue ?? .infinity) <= max(4 * blob.volume, 2000)
                else { continue }
                components.append(Component(outcome: outcome, seed: blob.centroid, preset: SegmentationPreset.softTissue.name, sources: []))
            }
        }
        progress("matching \(baselineInputs.count) lesions to \(components.count) components")
        let followInputs = components.enumerated().map { index, c in
            FollowUpComponent(label: index, centroid: c.outcome.centroid, voxelCount: c.outcome.voxelCount,
                              volume: c.outcome.measurement.volume ?? .zero,
                              overlaps: Dictionary(c.sources.map { ($0, c.outcome.voxelCount) }, uniquingKeysWith: +))
        }
        let matching = try LesionMatcher().match(baseline: baselineInputs, followUp: followInputs, transform: toFollowUp)
        let plan = try ProposalPlan.make(matching, components: components, patientCase: patientCase,
                                         subject: subject, visit: visit, store: store)
        try database.write(as: context) { writer in
            try writer.record(summary)
            for lesion in plan.newLesions where try writer.reader.lesions(subject).contains(where: { $0.id == lesion.id }) == false {
                try writer.addLesion(lesion)
            }
            for segmentation in plan.segmentations { try writer.record(segmentation, isCorrection: replacingConfirmed) }
            for measurement in plan.measurements { try writer.record(measurement, isCorrection: replacingConfirmed) }
        }
        let needsStatus = tracked.filter { $0.lesion.role == .nonTarget }.map {
            TrackingReport.TrackedLesion(kind: "needs-status", lesions: [$0.lesion.id], proposedLesions: [], measurements: [],
                                         detail: "non-target: record its status with `nadir nontarget record`")
        }
        return TrackingReport(subject: subject, visit: visit, referenceVisit: baseline.visit, registration: summary,
                              lesions: plan.report + needsStatus)
    }

    /// A lesion to track: where it is in baseline space, how it was segmented, its last volume.
    struct TrackedItem {
        var lesion: Lesion
        var baselinePosition: SIMD3<Double>
        var preset: String?
        var volume: VolumeMeasure?
    }

    /// Lesions with a segmentation on a visit before `visit`: the latest one, mapped back into baseline space.
    func trackedLesions(_ patientCase: PatientCase, before visit: String, baselineVisit: String) throws -> [TrackedItem] {
        guard let date = patientCase.timepoints.first(where: { $0.visit == visit })?.date else { return [] }
        let earlier = Set(patientCase.timepoints.filter { $0.date < date || $0.visit == baselineVisit }.map(\.visit))
        let segmentations = try database.read { try $0.segmentations(patientCase.patient.subjectID) }
            .filter { earlier.contains($0.visit) && $0.status != .rejected }
        var items: [TrackedItem] = []
        for lesion in patientCase.lesions {
            // Lesions that split or merged are followed through their fragments / merged lesion.
            if patientCase.lesions.contains(where: { $0.parents.contains(lesion.id) }) { continue }
            guard let segmentation = segmentations.last(where: { $0.lesionID == lesion.id }) else { continue }
            var position: SIMD3<Double>
            if let s = segmentation.seed, s.count == 3 {
                position = SIMD3(s[0], s[1], s[2])
            } else if let path = segmentation.maskPath, let hash = segmentation.maskHash,
                      case .uint8(let mask) = try store.load(path, expectedHash: hash) {
                position = LesionImaging.centroid(of: mask)
            } else {
                continue
            }
            if segmentation.visit != baselineVisit {
                guard let stored = try database.read({ try $0.registration(patientCase.patient.subjectID, visit: segmentation.visit) }),
                      let registration = try? JSONDecoder().decode(RegistrationResult.self, from: Data(stored.transformJSON.utf8))
                else { continue }
                position = try registration.transform.inverted().apply(to: position)
            }
            let volume = patientCase.measurements.last { $0.lesionID == lesion.id && $0.visit == segmentation.visit }?.volume
            items.append(TrackedItem(lesion: lesion, baselinePosition: position, preset: segmentation.preset, volume: volume))
        }
        return items
    }

    /// The fraction of the smaller mask covered by the larger (same grid).
    static func overlap(_ a: Volume<UInt8>, _ b: Volume<UInt8>) -> Double {
        var both = 0, countA = 0, countB = 0
        a.withUnsafeVoxels { pa in
            b.withUnsafeVoxels { pb in
                var i = 0
                while i < pa.count {
                    let x = pa[i] != 0, y = pb[i] != 0
                    if x { countA &+= 1 }
                    if y { countB &+= 1 }
                    if x && y { both &+= 1 }
                    i &+= 1
                }
            }
        }
        let smaller = min(countA, countB)
        return smaller == 0 ? 0 : Double(both) / Double(smaller)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
