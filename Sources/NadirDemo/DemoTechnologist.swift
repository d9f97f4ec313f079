internal import Foundation
public import NadirModel
internal import NadirImaging
internal import NadirStore
internal import NadirTestSupport
internal import NadirWorkflow

/// What a technologist and a reviewing clinician do for one demo patient, through the same workflows the
/// command line calls: import each scan, place baseline lesions by seed, track each follow-up, and review the
/// proposals (accept matched lesions and real new lesions, reject spurious candidates, add a missed new lesion).
struct DemoTechnologist {
    var database: CaseDatabase
    var store: ImageStore
    var context: AuditContext
    var reader: String

    /// A candidate new lesion is the scenario's new lesion when its seed lies this close (mm) to the designed centre,
    /// beyond the lesion's largest semi-axis.
    static let candidateTolerance = 10.0
    /// A tracked lesion is the right one when its mapped seed lies this close (mm) to the designed centre.
    static let trackingTolerance = 5.0

    /// Imports every timepoint's DICOM series with its scan date.
    func importScans(_ scenario: StudyScenario, written: [StudyWriter.WrittenScan], progress: (String) -> Void) throws {
        let workflow = ScanImportWorkflow(database: database, store: store)
        for tp in scenario.timepoints {
            guard let folder = written.first(where: { $0.visit == tp.visit })?.dicomFolder else {
                throw DemoError(message: "\(scenario.subjectID) \(tp.visit): the DICOM series was not written")
            }
            progress("\(scenario.subjectID) \(tp.visit): importing the DICOM series")
            try workflow.importScan(subject: SubjectID(scenario.subjectID), visit: tp.visit, url: folder,
                                    date: CalendarDate(iso8601: tp.date), context: context)
        }
    }

    /// Places every baseline target by a seed at its centre (where a reader would click), with the scenario's preset.
    func placeBaseline(_ scenario: StudyScenario, progress: (String) -> Void) throws {
        let workflow = LesionWorkflow(database: database, store: store)
        let baseline = scenario.timepoints[0]
        for lesion in scenario.lesions where lesion.role == .target {
            progress("\(scenario.subjectID) \(baseline.visit): placing \(lesion.id) (\(lesion.organ)) by seed")
            _ = try workflow.place(
                LesionWorkflow.NewLesion(id: LesionID(lesion.id), role: .target, organ: lesion.organ, isNodal: lesion.isNodal),
                subject: SubjectID(scenario.subjectID), visit: baseline.visit,
                at: .seed(lesion.patientCentre(under: baseline.motion), preset: lesion.preset), reader: reader,
                context: context)
        }
    }

    /// Tracks every follow-up, then reviews its proposals; returns what happened to each lesion.
    func trackAndReview(_ scenario: StudyScenario, timer: inout StageTimer,
                        progress: (String) -> Void) throws -> [LesionReview] {
        let subject = SubjectID(scenario.subjectID)
        let tracking = TrackingWorkflow(database: database, store: store)
        var reviews: [LesionReview] = []
        for index in 1..<scenario.timepoints.count {
            let tp = scenario.timepoints[index]
            let report = try timer.measure("track follow-ups (register, re-segment, match)") {
                try tracking.track(subject: subject, visit: tp.visit, reader: reader, context: context) { step in
                    progress("\(scenario.subjectID) \(tp.visit): \(step)")
                }
            }
            try timer.measure("review proposals") {
                reviews += try review(report, scenario: scenario, index: index, progress: progress)
            }
        }
        return reviews
    }

    /// Accepts what the scenario has and rejects what it has not; places a new lesion tracking did not find.
    func review(_ report: TrackingReport, scenario: StudyScenario, index: Int,
                progress: (String) -> Void) throws -> [LesionReview] {
        let subject = SubjectID(scenario.subjectID)
        let tp = scenario.timepoints[index]
        let segmentations = try database.read { try $0.segmentations(subject) }.filter { $0.visit == tp.visit }
        func seed(of id: LesionID) -> SIMD3<Double>? {
            guard let s = segmentations.first(where: { $0.lesionID == id })?.seed, s.count == 3 else { return nil }
            return SIMD3(s[0], s[1], s[2])
        }
        let newLesions = scenario.lesions.filter { $0.role == .new && $0.radii[index] != nil }
        var foundNew: Set<String> = []
        var reviews: [LesionReview] = []
        var rejected: [LesionID] = []
        for item in report.lesions {
            switch item.kind {
            case "candidate-new":
                for id in item.proposedLesions {
                    let position = seed(of: id)
                    let match = newLesions.first { lesion in
                        guard let position, let r = lesion.radii[index] else { return false }
                        return norm(position - lesion.patientCentre(under: tp.motion)) <= r.max() + Self.candidateTolerance
                    }
                    if let match, !foundNew.contains(match.id) {
                        foundNew.insert(match.id)
                        reviews.append(LesionReview(visit: tp.visit, scenarioLesion: match.id, recordedAs: id,
                                                    outcome: "candidate new lesion accepted", distance: position.map {
                                                        norm($0 - match.patientCentre(under: tp.motion)) }))
                    } else {
                        rejected.append(id)
                        var review = LesionReview(visit: tp.visit, scenarioLesion: nil, recordedAs: id,
                                                  outcome: "candidate new lesion rejected (not a lesion)", distance: nil)
                        review.position = position
                        reviews.append(review)
                    }
                }
            case "needs-status":
                continue
            default:
                for id in item.lesions {
                    let designed = scenario.lesions.first { $0.id == id.rawValue }
                    let present = designed.map { $0.radii[index] != nil } ?? false
                    let proposed = item.proposedLesions.first ?? id
                    let distance = designed.flatMap { d in seed(of: proposed).map { norm($0 - d.patientCentre(under: tp.motion)) } }
                    let correct = item.kind == "matched" && present && proposed == id
                        && (distance ?? .infinity) <= Self.trackingTolerance
                    reviews.append(LesionReview(visit: tp.visit, scenarioLesion: id.rawValue, recordedAs: proposed,
                                                outcome: item.kind, distance: distance, isCorrect: correct))
                }
            }
        }
        try database.write(as: context) { writer in
            for id in rejected { try writer.rejectCandidate(subject: subject, lesion: id) }
            try writer.confirmProposals(subject: subject, visit: tp.visit)
        }
        let workflow = LesionWorkflow(database: database, store: store)
        for lesion in newLesions where !foundNew.contains(lesion.id) {
            progress("\(scenario.subjectID) \(tp.visit): tracking missed new lesion \(lesion.id); placing it by seed")
            let (placed, _) = try workflow.place(
                LesionWorkflow.NewLesion(id: nil, role: .new, organ: lesion.organ, isNodal: lesion.isNodal), subject: subject,
                visit: tp.visit, at: .seed(lesion.patientCentre(under: tp.motion), preset: lesion.preset), reader: reader,
                context: context)
            reviews.append(LesionReview(visit: tp.visit, scenarioLesion: lesion.id, recordedAs: placed.id,
                                        outcome: "new lesion placed by the reader (tracking missed it)", distance: 0,
                                        isCorrect: false))
        }
        if !report.lesions.isEmpty {
            let summary = Dictionary(grouping: report.lesions, by: \.kind).map { "\($0.value.count) \($0.key)" }.sorted()
            progress("\(scenario.subjectID) \(tp.visit): reviewed \(summary.joined(separator: ", "))")
        }
        return reviews
    }
}

/// What happened to one lesion (or candidate) at one follow-up, and whether it is what the scenario designed.
public struct LesionReview: Sendable, Codable {
    /// The visit.
    public var visit: String
    /// The scenario's lesion, nil for a spurious candidate.
    public var scenarioLesion: String?
    /// The lesion the result is recorded on.
    public var recordedAs: LesionID
    /// Tracking's verdict or the reviewer's action.
    public var outcome: String
    /// Distance (mm) from the tracked seed to the lesion's designed centre on this scan.
    public var distance: Double?
    /// Whether tracking got this lesion right (matched to itself within tolerance, or the designed new lesion found).
    public var isCorrect: Bool
    /// Where a rejected candidate's seed was (LPS mm), to see what tracking mistook for a lesion.
    public var position: SIMD3<Double>?

    init(visit: String, scenarioLesion: String?, recordedAs: LesionID, outcome: String, distance: Double?,
         isCorrect: Bool = true) {
        self.visit = visit
        self.scenarioLesion = scenarioLesion
        self.recordedAs = recordedAs
        self.outcome = outcome
        self.distance = distance
        self.isCorrect = isCorrect
    }
}
