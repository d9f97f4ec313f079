internal import Foundation
internal import Hummingbird
internal import NadirModel
internal import NadirStore

/// GET /api/worklist: trials -> patients -> visits with each visit's state, filtered by state and reader.
struct WorklistRoutes {
    var services: Services

    /// The states of a visit, in the order work moves through them.
    enum VisitState: String, Encodable, CaseIterable {
        case scheduled, scanImported = "scan-imported", lesionsPlaced = "lesions-placed",
             awaitingReview = "awaiting-review", confirmed, assessed, signed
    }

    struct Visit: Encodable {
        var visit: String
        var date: String
        var isBaseline: Bool
        var hasScan: Bool
        var state: String
        var readers: [String]
        var signedBy: [String]
        var proposed: Int
    }

    struct PatientRow: Encodable {
        var subject: String
        var cancerType: String?
        var criteria: String?
        var visits: [Visit]
    }

    struct TrialRow: Encodable {
        var id: String
        var protocolName: String
        var patients: [PatientRow]
    }

    struct Worklist: Encodable {
        var trials: [TrialRow]
        var readers: [String]
        var states: [String]
    }

    func add(to router: Router<NadirRequestContext>) {
        let database = services.database
        router.get("/api/worklist") { request, context in
            let user = try context.requireUser()
            let stateFilter = request.uri.queryParameters["state"].map(String.init)
            let readerFilter = request.uri.queryParameters["reader"].map(String.init)
            if let stateFilter, VisitState(rawValue: stateFilter) == nil {
                throw ServerError(.badRequest, "unknown state '\(stateFilter)'; states: \(VisitState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let list = try await offload {
                try database.read { reader in
                    try Self.worklist(reader, user: user, state: stateFilter, readerFilter: readerFilter)
                }
            }
            return JSONBody.response(list)
        }
    }

    static func worklist(_ reader: CaseReader, user: UserAccount, state: String?, readerFilter: String?) throws -> Worklist {
        var trials: [TrialRow] = []
        for trial in try reader.trials() {
            var patients: [PatientRow] = []
            for patient in try reader.patients(trial: trial.id) {
                let subject = patient.subjectID
                let visibility = ReadVisibility(user: user, signOffs: try reader.signOffs(subject))
                let measurements = visibility.measurements(try reader.measurements(subject))
                let assessments = try reader.assessments(subject).filter { visibility.sees(reader: $0.reader, visit: $0.visit) }
                let signOffs = try reader.signOffs(subject)
                var visits: [Visit] = []
                for timepoint in try reader.timepoints(subject) {
                    let here = measurements.filter { $0.visit == timepoint.visit }
                    let readers = Array(Set(here.map(\.reader))).sorted()
                    let signed = signOffs.filter { $0.visit == timepoint.visit }.map(\.reader)
                    let hasScan = try reader.scan(subject, visit: timepoint.visit) != nil
                    let proposed = here.filter(\.isProposed).count
                    let visitState: VisitState
                    if !signed.isEmpty { visitState = .signed }
                    else if proposed > 0 { visitState = .awaitingReview }
                    else if assessments.contains(where: { $0.visit == timepoint.visit }) { visitState = .assessed }
                    else if !here.isEmpty { visitState = timepoint.isBaseline ? .lesionsPlaced : .confirmed }
                    else if hasScan { visitState = .scanImported }
                    else { visitState = .scheduled }
                    if let state, state != visitState.rawValue { continue }
                    if let readerFilter, !readers.contains(readerFilter) { continue }
                    visits.append(Visit(visit: timepoint.visit, date: "\(timepoint.date)", isBaseline: timepoint.isBaseline,
                                        hasScan: hasScan, state: visitState.rawValue, readers: readers, signedBy: signed,
                                        proposed: proposed))
                }
                if (state != nil || readerFilter != nil) && visits.isEmpty { continue }
                patients.append(PatientRow(subject: subject.rawValue, cancerType: patient.cancerType,
                                           criteria: patient.criteria?.rawValue, visits: visits))
            }
            trials.append(TrialRow(id: trial.id.rawValue, protocolName: trial.protocolName, patients: patients))
        }
        let readers = try reader.users().filter { $0.role == .reader }.map(\.name)
        return Worklist(trials: trials, readers: readers, states: VisitState.allCases.map(\.rawValue))
    }
}
