internal import Foundation
internal import Hummingbird
internal import NadirCriteria
internal import NadirImaging
internal import NadirModel
internal import NadirSegmentation
internal import NadirStore
internal import NadirWorkflow

/// Placing a lesion by clicking: a preview (segmented and measured, not stored) and the accepted placement,
/// stored through `LesionWorkflow.place` with the baseline rules of the patient's criteria enforced first.
struct LesionRoutes {
    var services: Services

    struct PreviewRequest: Decodable {
        var seed: [Double]
        var preset: String?
        var organ: String
        var nodal: Bool?
    }

    struct PreviewResponse: Encodable {
        var preset: String
        var overlay: LesionOverlay
    }

    struct PlaceRequest: Decodable {
        var seed: [Double]
        var preset: String?
        var role: String
        var organ: String
        var nodal: Bool?
        /// Whose read the lesion belongs to (a reader's name); a reader places on their own read.
        var reader: String?
        /// Why, when the read is already signed (an amendment).
        var reason: String?
    }

    struct PlaceResponse: Encodable {
        var lesion: String
        var role: String
        var organ: String
        var reader: String
        var longAxisMM: Double?
        var shortAxisMM: Double?
        var volumeMM3: Double?
    }

    func add(to router: Router<NadirRequestContext>) {
        let services = services
        router.post("/api/patients/:subject/visits/:visit/lesions/preview") { request, context in
            _ = try context.requireRole([.technologist, .admin, .reader, .adjudicator], to: "segment a lesion")
            let (subject, visit) = try ImageRoutes.place(context)
            let body = try await JSONBody.decode(PreviewRequest.self, from: request, context: context)
            let seed = try Self.point(body.seed)
            let preview = try await offload {
                try Self.preview(services, subject: subject, visit: visit, seed: seed, preset: body.preset, organ: body.organ,
                                 isNodal: body.nodal ?? false)
            }
            return JSONBody.response(preview)
        }
        router.post("/api/patients/:subject/visits/:visit/lesions") { request, context in
            let user = try context.requireRole([.technologist, .admin, .reader], to: "place a lesion")
            let (subject, visit) = try ImageRoutes.place(context)
            let body = try await JSONBody.decode(PlaceRequest.self, from: request, context: context)
            let seed = try Self.point(body.seed)
            guard let role = LesionRole(rawValue: body.role) else {
                throw ServerError(.badRequest, "role is target, non-target or new")
            }
            let organ = body.organ.trimmingCharacters(in: .whitespaces).uppercased()
            if let problem = IdentifierRules.problem(with: organ) { throw ServerError(.badRequest, "organ \(problem)") }
            let readName = try Self.readOwner(services, user: user, requested: body.reader)
            let placed = try await offload { () throws -> PlaceResponse in
                let reason = try SignOffLock.reason(services, subject: subject, visit: visit, reader: readName, given: body.reason,
                                                    action: "place a lesion on \(subject) \(visit) via nadir serve")
                // The same segmentation the page previewed: refused when it reached its size limit (a leak).
                let preview = try Self.preview(services, subject: subject, visit: visit, seed: seed, preset: body.preset,
                                               organ: organ, isNodal: body.nodal ?? false)
                if role == .target {
                    try BaselineRules.check(services, subject: subject, visit: visit, reader: readName, organ: organ,
                                            isNodal: body.nodal ?? false, overlay: preview.overlay)
                }
                let (lesion, outcome) = try services.lesionWorkflow.place(
                    .init(id: nil, role: role, organ: organ, isNodal: body.nodal ?? false), subject: subject, visit: visit,
                    at: .seed(seed, preset: preview.preset), reader: readName,
                    context: AuditContext(user: user.name, reason: reason))
                let m = outcome.measurement
                return PlaceResponse(lesion: lesion.id.rawValue, role: lesion.role.rawValue, organ: lesion.organ, reader: readName,
                                     longAxisMM: m.longAxis.map { Double($0.units) / 100 },
                                     shortAxisMM: m.shortAxis.map { Double($0.units) / 100 },
                                     volumeMM3: m.volume.map { Double($0.units) / 100 })
            }
            return JSONBody.response(placed, status: .created)
        }
    }

    static func point(_ values: [Double]) throws -> SIMD3<Double> {
        guard values.count == 3, values.allSatisfy({ $0.isFinite && abs($0) < 1e5 }) else {
            throw ServerError(.badRequest, "seed is [x, y, z] in LPS millimetres")
        }
        return SIMD3(values[0], values[1], values[2])
    }

    /// Whose read a change belongs to: a reader's own; a technologist or admin names a reader user.
    static func readOwner(_ services: Services, user: UserAccount, requested: String?) throws -> String {
        if user.role == .reader {
            guard requested == nil || requested == user.name else {
                throw ServerError(.forbidden, "a reader changes only their own read")
            }
            return user.name
        }
        guard let requested, !requested.isEmpty else {
            throw ServerError(.badRequest, "say whose read this is: reader (a reader's user name)")
        }
        guard let (account, _) = try services.database.read({ try $0.user(named: requested) }), account.role == .reader else {
            throw ServerError(.badRequest, "\(requested) is not a reader; add one with `nadir user add NAME --role reader`")
        }
        return requested
    }

    /// Segments and measures at the seed without storing anything; refuses a segmentation that hit its size limit.
    static func preview(_ services: Services, subject: SubjectID, visit: String, seed: SIMD3<Double>, preset presetName: String?,
                        organ: String, isNodal: Bool) throws -> PreviewResponse {
        let (scan, ct) = try services.scans.scan(subject, visit: visit)
        let preset = try LesionImaging.preset(named: presetName, organ: organ, isNodal: isNodal)
        let result = try SeededSegmenter(preset: preset).segment(ct, seed: .physical(seed))
        if result.reachedSizeLimit {
            throw ServerError(.unprocessableContent, "the segmentation reached its size limit (\(preset.name) preset, \(Int(preset.maximumRadius)) mm radius): it leaked into the surrounding tissue and is refused. Click nearer the lesion's centre, choose another preset, or draw the calipers by hand")
        }
        let labels = try result.labelMap(on: ct.geometry, label: 1)
        let outcome = try LesionImaging.measure(labels: labels, ct: ct, subject: subject, lesion: "PREVIEW", visit: visit,
                                                reader: "preview", imageHash: scan.contentHash, method: .seed)
        return PreviewResponse(preset: preset.name, overlay: LesionOverlay(outcome: outcome))
    }
}

/// The baseline rules of the patient's criteria (RECIST 1.1 §3.1, §4.2: at most 5 targets, 2 per organ,
/// measurable size), checked by the rule engine on the read as it would be with the new target.
enum BaselineRules {
    static func check(_ services: Services, subject: SubjectID, visit: String, reader: String, organ: String, isNodal: Bool,
                      overlay: LesionOverlay) throws {
        let patientCase = try services.database.read { try $0.patientCase(subject) }
        guard let baseline = patientCase.baseline else { return }
        guard baseline.visit == visit else {
            throw ServerError(.unprocessableContent, "targets are chosen at baseline (\(baseline.visit)); at \(visit) place a new lesion instead")
        }
        let definition = try services.catalog.resolve(patient: patientCase.patient, trial: patientCase.trial)
        let id = LesionID("CANDIDATE-TARGET")
        let lesion = Lesion(subjectID: subject, id: id, trackingUID: "candidate", role: .target, organ: organ, isNodal: isNodal,
                            firstVisit: visit)
        let measurement = Measurement(
            subjectID: subject, lesionID: id, visit: visit, state: .measured,
            longAxis: overlay.longAxisMM.map { Length(units: Int64(($0 * 100).rounded())) },
            shortAxis: overlay.shortAxisMM.map { Length(units: Int64(($0 * 100).rounded())) },
            method: .seed, reader: reader)
        let history = PatientHistory(
            patient: patientCase.patient, timepoints: patientCase.timepoints, lesions: patientCase.lesions + [lesion],
            measurements: patientCase.measurements.filter { $0.reader == reader && !$0.isProposed } + [measurement],
            statuses: patientCase.statuses.filter { $0.reader == reader })
        let assessment = ResponseEvaluator(definition: definition, policies: ResponsePolicies(for: definition)).assess(history)
        let broken = assessment.baselineConformance.filter {
            $0.lesion == id || $0.code == .tooManyTargets || $0.code == .tooManyTargetsInOrgan
        }
        guard broken.isEmpty else {
            let text = broken.map { "\($0.message) (\($0.trace.compared); \($0.trace.source))" }.joined(separator: "; ")
            throw ServerError(.unprocessableContent, "not accepted as a target under \(definition.id): \(text). Record it as a non-target instead")
        }
    }
}
