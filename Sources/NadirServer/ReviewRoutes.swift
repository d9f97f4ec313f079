internal import Foundation
internal import Hummingbird
internal import NadirModel
internal import NadirStore
internal import NadirWorkflow

/// Follow-up review: tracking (a job), the proposals it made, and a person's accept or reject of each.
/// Nothing proposed counts until a person accepts it.
struct ReviewRoutes {
    var services: Services

    struct TrackRequest: Decodable {
        var reader: String?
        var reason: String?
    }

    struct ImportRequest: Decodable {
        /// A scan on the server's disk: a DICOM folder, a NIfTI or an NRRD file.
        var path: String
        /// The visit's date (YYYY-MM-DD) when the visit is new.
        var date: String?
    }

    struct DecisionRequest: Decodable {
        var reason: String?
        /// The organ of an accepted candidate new lesion.
        var organ: String?
    }

    struct Proposal: Encodable {
        var lesion: String
        var role: String
        var organ: String
        /// "tracked" (a lesion seen before) or "candidate" (a possible new lesion found by subtraction).
        var kind: String
        var reader: String
        var longAxisMM: Double?
        var shortAxisMM: Double?
        var volumeMM3: Double?
        var previous: [Previous]
    }

    struct Previous: Encodable {
        var visit: String
        var longAxisMM: Double?
        var shortAxisMM: Double?
    }

    func add(to router: Router<NadirRequestContext>) {
        let services = services
        router.post("/api/patients/:subject/visits/:visit/track") { request, context in
            let user = try context.requireRole([.technologist, .admin], to: "run tracking")
            let (subject, visit) = try ImageRoutes.place(context)
            let body = try await JSONBody.decode(TrackRequest.self, from: request, context: context)
            let readName = try LesionRoutes.readOwner(services, user: user, requested: body.reader)
            let job = services.jobs.start(owner: user.name, title: "track \(subject) \(visit)") { progress in
                let reason = try SignOffLock.reason(services, subject: subject, visit: visit, reader: nil, given: body.reason,
                                                    action: "track \(subject) \(visit) via nadir serve")
                let report = try services.trackingWorkflow.track(
                    subject: subject, visit: visit, reader: readName, context: AuditContext(user: user.name, reason: reason),
                    replacingConfirmed: body.reason.map { !$0.isEmpty } ?? false, progress: progress)
                progress("done: \(report.lesions.count) lesions proposed for review")
                return "\(report.lesions.count) proposals"
            }
            return JSONBody.response(job, status: .accepted)
        }
        router.post("/api/patients/:subject/visits/:visit/scan") { request, context in
            let user = try context.requireRole([.technologist, .admin], to: "import a scan")
            let (subject, visit) = try ImageRoutes.place(context)
            let body = try await JSONBody.decode(ImportRequest.self, from: request, context: context)
            let date = try body.date.map { text throws -> CalendarDate in
                guard let date = CalendarDate(iso8601: text) else { throw ServerError(.badRequest, "date is YYYY-MM-DD") }
                return date
            }
            guard FileManager.default.fileExists(atPath: body.path) else {
                throw ServerError(.badRequest, "no file or folder at that path on the server")
            }
            let job = services.jobs.start(owner: user.name, title: "import \(subject) \(visit)") { progress in
                let (_, outcome) = try ScanImportWorkflow(database: services.database, store: services.store).importScan(
                    subject: subject, visit: visit, url: URL(fileURLWithPath: body.path), date: date,
                    context: AuditContext(user: user.name, reason: "scan import via nadir serve"), progress: progress)
                return outcome.rawValue
            }
            return JSONBody.response(job, status: .accepted)
        }
        router.get("/api/jobs/:id") { _, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("id")
            guard let job = services.jobs.job(id, owner: user.name) else { throw ServerError(.notFound, "no job \(id)") }
            return JSONBody.response(job)
        }
        router.get("/api/patients/:subject/visits/:visit/proposals") { _, context in
            let user = try context.requireUser()
            let (subject, visit) = try ImageRoutes.place(context)
            let proposals = try await offload { try Self.proposals(services, user: user, subject: subject, visit: visit) }
            return JSONBody.response(proposals)
        }
        router.post("/api/patients/:subject/visits/:visit/proposals/:lesion/accept") { request, context in
            let user = try context.requireRole([.reader, .adjudicator, .admin], to: "accept a proposal")
            let (subject, visit) = try ImageRoutes.place(context)
            let lesion = try Self.lesion(context)
            let body = try await JSONBody.decode(DecisionRequest.self, from: request, context: context)
            try await offload {
                let owner = try Self.proposalReader(services, user: user, subject: subject, visit: visit, lesion: lesion)
                let reason = try SignOffLock.reason(services, subject: subject, visit: visit, reader: owner, given: body.reason,
                                                    action: "accept proposal \(lesion) at \(visit) via nadir serve")
                try services.database.write(as: AuditContext(user: user.name, reason: reason)) { writer in
                    if let organ = body.organ?.trimmingCharacters(in: .whitespaces).uppercased(), !organ.isEmpty {
                        try writer.setOrgan(subject: subject, lesion: lesion, organ: organ)
                    }
                    try writer.confirmProposals(subject: subject, visit: visit, lesion: lesion)
                }
            }
            return JSONBody.response(Done())
        }
        router.post("/api/patients/:subject/visits/:visit/proposals/:lesion/reject") { request, context in
            let user = try context.requireRole([.reader, .adjudicator, .admin], to: "reject a proposal")
            let (subject, visit) = try ImageRoutes.place(context)
            let lesion = try Self.lesion(context)
            let body = try await JSONBody.decode(DecisionRequest.self, from: request, context: context)
            guard let why = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !why.isEmpty else {
                throw ServerError(.badRequest, "say why the proposal is rejected (reason)")
            }
            try await offload {
                let owner = try Self.proposalReader(services, user: user, subject: subject, visit: visit, lesion: lesion)
                let reason = try SignOffLock.reason(services, subject: subject, visit: visit, reader: owner, given: why,
                                                    action: "reject proposal \(lesion) at \(visit)")
                let known = try services.database.read { try $0.lesions(subject) }.first { $0.id == lesion }
                guard known?.role == .new else {
                    throw ServerError(.conflict, "\(lesion) is a tracked lesion: correct its proposal by re-seeding it, or record it as not evaluable; only a candidate new lesion is rejected outright")
                }
                try services.database.write(as: AuditContext(user: user.name, reason: reason)) { writer in
                    try writer.rejectCandidate(subject: subject, lesion: lesion)
                }
            }
            return JSONBody.response(Done())
        }
    }

    static func lesion(_ context: NadirRequestContext) throws -> LesionID {
        let text = try ImageRoutes.decoded(context, "lesion")
        guard IdentifierRules.problem(with: text) == nil else { throw ServerError(.badRequest, "lesion is a tracking ID like T01") }
        return LesionID(text)
    }

    /// The reader of a proposal, which the user must be allowed to decide on (a reader: only their own).
    static func proposalReader(_ services: Services, user: UserAccount, subject: SubjectID, visit: String,
                               lesion: LesionID) throws -> String {
        let proposed = try services.database.read { try $0.measurements(subject) }
            .filter { $0.visit == visit && $0.lesionID == lesion && $0.isProposed }
        guard let owner = proposed.first?.reader else {
            throw ServerError(.notFound, "\(lesion) has no proposal at \(visit)")
        }
        if user.role == .reader, owner != user.name {
            throw ServerError(.forbidden, "this proposal belongs to another reader's read")
        }
        return owner
    }

    static func proposals(_ services: Services, user: UserAccount, subject: SubjectID, visit: String) throws -> [Proposal] {
        let (lesions, measurements, signOffs, timepoints) = try services.database.read { r in
            (try r.lesions(subject), try r.measurements(subject), try r.signOffs(subject), try r.timepoints(subject))
        }
        let visibility = ReadVisibility(user: user, signOffs: signOffs)
        let order = Dictionary(uniqueKeysWithValues: timepoints.enumerated().map { ($1.visit, $0) })
        func mm(_ length: Length?) -> Double? { length.map { Double($0.units) / 100 } }
        return measurements.filter { $0.visit == visit && $0.isProposed && visibility.sees(reader: $0.reader, visit: visit) }
            .compactMap { m in
                guard let lesion = lesions.first(where: { $0.id == m.lesionID }) else { return nil }
                let previous = measurements.filter {
                    $0.lesionID == m.lesionID && $0.reader == m.reader && !$0.isProposed && (order[$0.visit] ?? 0) < (order[visit] ?? 0)
                }.map { Previous(visit: $0.visit, longAxisMM: mm($0.longAxis), shortAxisMM: mm($0.shortAxis)) }
                return Proposal(lesion: lesion.id.rawValue, role: lesion.role.rawValue, organ: lesion.organ,
                                kind: lesion.role == .new && lesion.firstVisit == visit ? "candidate" : "tracked", reader: m.reader,
                                longAxisMM: mm(m.longAxis), shortAxisMM: mm(m.shortAxis),
                                volumeMM3: m.volume.map { Double($0.units) / 100 }, previous: previous)
            }
    }
}
