internal import Foundation
internal import Hummingbird
internal import NadirCriteria
internal import NadirModel
internal import NadirStore
internal import NadirWorkflow

/// Responses per patient (the rule engine on each visible read), assessment, sign-off and adjudication.
struct ResponseRoutes {
    var services: Services

    struct ReaderResponses: Encodable {
        var reader: String
        var accepted: Bool
        var assessment: PatientAssessment
        var measurements: [NadirModel.Measurement]
    }

    struct PatientResponses: Encodable {
        var subject: String
        var criteria: String
        var lesions: [Lesion]
        var readers: [ReaderResponses]
        var signOffs: [ReadSignOff]
        var amendments: [Amendment]
    }

    struct Amendment: Encodable {
        var at: String
        var user: String
        var visit: String?
        var lesion: String?
        var entity: String
        var reason: String
    }

    struct AdjudicateRequest: Decodable {
        var reader: String
    }

    func add(to router: Router<NadirRequestContext>) {
        let services = services
        router.get("/api/patients/:subject/responses") { _, context in
            let user = try context.requireUser()
            let subject = try Self.subject(context)
            return JSONBody.response(try await offload { try Self.responses(services, user: user, subject: subject) })
        }
        router.post("/api/patients/:subject/assess") { _, context in
            let user = try context.requireUser()
            let subject = try Self.subject(context)
            _ = try await offload {
                try AssessmentWorkflow(database: services.database, catalog: services.catalog)
                    .assess(subject, context: AuditContext(user: user.name, reason: "assess via nadir serve"))
            }
            return JSONBody.response(try await offload { try Self.responses(services, user: user, subject: subject) })
        }
        router.post("/api/patients/:subject/visits/:visit/sign") { _, context in
            let user = try context.requireRole([.reader], to: "sign a read")
            let (subject, visit) = try ImageRoutes.place(context)
            try await offload {
                let patientCase = try services.database.read { try $0.patientCase(subject) }
                let mine = patientCase.measurements.filter { $0.reader == user.name && $0.visit == visit }
                guard !mine.isEmpty else { throw ServerError(.conflict, "you have no read of \(visit) to sign") }
                guard !mine.contains(where: \.isProposed) else {
                    throw ServerError(.conflict, "\(visit) still has proposals to review; accept or reject each first")
                }
                let assessed = patientCase.assessments.filter { $0.reader == user.name && $0.visit == visit }
                struct Signed: Encodable { var measurements: [NadirModel.Measurement]; var assessments: [ReaderAssessment] }
                let values = String(decoding: try JSONBody.encoder.encode(Signed(measurements: mine, assessments: assessed)), as: UTF8.self)
                try services.database.write(as: AuditContext(user: user.name, reason: "sign \(visit) via nadir serve")) { writer in
                    try writer.signRead(subject: subject, visit: visit, reader: user.name, signedBy: user.name, values: values, at: Date())
                }
            }
            return JSONBody.response(Done())
        }
        router.post("/api/patients/:subject/visits/:visit/adjudicate") { request, context in
            let user = try context.requireRole([.adjudicator], to: "adjudicate")
            let (subject, visit) = try ImageRoutes.place(context)
            let body = try await JSONBody.decode(AdjudicateRequest.self, from: request, context: context)
            try await offload {
                let patientCase = try services.database.read { try $0.patientCase(subject) }
                let (criteria, _) = services.catalog.resolveID(patient: patientCase.patient, trial: patientCase.trial)
                try services.database.write(as: AuditContext(user: user.name, reason: "adjudicate \(visit): accept \(body.reader)")) {
                    try $0.accept(reader: body.reader, subject: subject, visit: visit, criteria: criteria)
                }
            }
            return JSONBody.response(Done())
        }
    }

    static func subject(_ context: NadirRequestContext) throws -> SubjectID {
        let text = try ImageRoutes.decoded(context, "subject")
        guard IdentifierRules.problem(with: text) == nil else { throw ServerError(.badRequest, "subject must be a plain identifier") }
        return SubjectID(text)
    }

    static func responses(_ services: Services, user: UserAccount, subject: SubjectID) throws -> PatientResponses {
        let (patientCase, signOffs, audit) = try services.database.read { r in
            (try r.patientCase(subject), try r.signOffs(subject), try r.auditEntries(subject: subject))
        }
        let visibility = ReadVisibility(user: user, signOffs: signOffs)
        let definition = try services.catalog.resolve(patient: patientCase.patient, trial: patientCase.trial)
        let evaluator = ResponseEvaluator(definition: definition, policies: ResponsePolicies(for: definition))
        let accepted = Set(patientCase.assessments.filter(\.isAccepted).map(\.reader))
        var readers: [ReaderResponses] = []
        for reader in patientCase.readers {
            let measurements = visibility.measurements(patientCase.measurements.filter { $0.reader == reader })
            guard !measurements.isEmpty else { continue }
            let history = PatientHistory(
                patient: patientCase.patient, timepoints: patientCase.timepoints, lesions: patientCase.lesions,
                measurements: measurements.filter { !$0.isProposed },
                statuses: patientCase.statuses.filter { $0.reader == reader && visibility.sees(reader: reader, visit: $0.visit) })
            readers.append(ReaderResponses(reader: reader, accepted: accepted.contains(reader) || patientCase.readers.count == 1,
                                           assessment: evaluator.assess(history), measurements: measurements))
        }
        let amendments = audit.filter { $0.reason.hasPrefix(SignOffLock.amendmentPrefix) }.map {
            Amendment(at: $0.at, user: $0.user, visit: $0.visit, lesion: $0.lesion?.rawValue, entity: $0.entity, reason: $0.reason)
        }
        return PatientResponses(subject: subject.rawValue, criteria: definition.id.rawValue, lesions: patientCase.lesions,
                                readers: readers, signOffs: signOffs.filter { visibility.sees(reader: $0.reader, visit: $0.visit) },
                                amendments: amendments)
    }
}
