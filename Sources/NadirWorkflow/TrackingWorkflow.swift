internal import Foundation
internal import NadirImaging
public import NadirModel
internal import NadirRegistration
public import NadirTracking
internal import NadirSegmentation
public import NadirStore

/// `nadir track`: each follow-up aligned to baseline, every lesion found again, re-segmented and measured, and
/// proposed for a person to confirm. This type loads, calls and writes; the tracking itself is
/// `NadirTracking.LesionTracker`, a pure function with its thresholds in `TrackingParameters`.
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
    /// The tracking thresholds.
    public var parameters = TrackingParameters()

    public init(database: CaseDatabase, store: ImageStore) {
        self.database = database
        self.store = store
    }

    /// Tracks one follow-up visit and records every proposal in one transaction.
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

        let tracked = try trackedLesions(patientCase, before: visit, baselineVisit: baseline.visit)
        let inputs = try tracked.filter { $0.lesion.role != .nonTarget }.map { item in
            LesionToTrack(id: item.lesion.id, position: item.baselinePosition,
                          preset: try LesionImaging.preset(named: item.preset, organ: item.lesion.organ, isNodal: item.lesion.isNodal),
                          volume: item.volume)
        }
        progress("re-segmenting \(inputs.count) lesions\(findsNewLesions ? " and screening for new lesions" : "")")
        let tracking = try LesionTracker(parameters, findsNewLesions: findsNewLesions)
            .track(baseline: baseCT, followUp: followCT, toFollowUp: result.rigid, lesions: inputs)
        progress("storing \(tracking.findings.count) proposed segmentations")
        let plan = try ProposalPlan.make(tracking, followUp: followCT, imageHash: followScan.contentHash,
                                         patientCase: patientCase, subject: subject, visit: visit, reader: reader,
                                         store: store)
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
                              lesions: plan.report + needsStatus, rejectedCandidates: tracking.rejectedCandidates)
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
                guard let stored = try database.read({ try $0.registration(patientCase.patient.subjectID, visit: segmentation.visit) })
                else {
                    throw WorkflowError(.segmentation, subject: patientCase.patient.subjectID, lesion: lesion.id, visit: segmentation.visit,
                                        "\(lesion.id) was last segmented at \(segmentation.visit), which has no stored registration to baseline; track \(segmentation.visit) first")
                }
                let registration = try JSONDecoder().decode(RegistrationResult.self, from: Data(stored.transformJSON.utf8))
                position = try registration.transform.inverted().apply(to: position)
            }
            let volume = patientCase.measurements.last { $0.lesionID == lesion.id && $0.visit == segmentation.visit }?.volume
            items.append(TrackedItem(lesion: lesion, baselinePosition: position, preset: segmentation.preset, volume: volume))
        }
        return items
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
