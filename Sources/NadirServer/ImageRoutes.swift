internal import Foundation
internal import Hummingbird
internal import HTTPTypes
internal import NadirImaging
internal import NadirModel
internal import NadirRegistration
internal import NadirSegmentation
internal import NadirStore
internal import NadirWorkflow
internal import NIOCore

/// The viewer's data: scan geometry, slices cut server-side, lesion overlays, and the stored registration
/// that scrolls a follow-up with its baseline.
struct ImageRoutes {
    var services: Services

    struct ScanInfo: Encodable {
        var subject: String
        var visit: String
        var modality: String?
        var size: [Int]
        var spacing: [Double]
        var origin: [Double]
        /// Direction cosines, column-major (the three voxel axes in LPS).
        var direction: [Double]
        var sliceThicknessMM: Double?
    }

    struct Overlay: Encodable {
        var lesion: String
        var role: String
        var organ: String
        var isNodal: Bool
        var status: String
        var reader: String?
        var overlay: LesionOverlay
    }

    struct RegistrationInfo: Encodable {
        var referenceVisit: String
        /// Baseline LPS -> follow-up LPS: y = matrix * x + offset (matrix row-major).
        var matrix: [Double]
        var offset: [Double]
        var finalMetric: Double
    }

    func add(to router: Router<NadirRequestContext>) {
        let services = services
        router.get("/api/patients/:subject/visits/:visit/scan") { _, context in
            _ = try context.requireUser()
            let (subject, visit) = try Self.place(context)
            let (reference, volume) = try await offload { try services.scans.scan(subject, visit: visit) }
            let g = volume.geometry
            let d = g.direction
            return JSONBody.response(ScanInfo(
                subject: subject.rawValue, visit: visit, modality: reference.modality, size: [g.size.x, g.size.y, g.size.z],
                spacing: [g.spacing.x, g.spacing.y, g.spacing.z], origin: [g.origin.x, g.origin.y, g.origin.z],
                direction: [d.c0.x, d.c0.y, d.c0.z, d.c1.x, d.c1.y, d.c1.z, d.c2.x, d.c2.y, d.c2.z],
                sliceThicknessMM: reference.sliceThickness.map { Double($0.units) / 100 }))
        }
        router.get("/api/patients/:subject/visits/:visit/slice") { request, context in
            _ = try context.requireUser()
            let (subject, visit) = try Self.place(context)
            guard let planeName = request.uri.queryParameters["plane"], let plane = Plane(rawValue: String(planeName)) else {
                throw ServerError(.badRequest, "give plane=axial|coronal|sagittal")
            }
            guard let indexText = request.uri.queryParameters["index"], let index = Int(String(indexText)) else {
                throw ServerError(.badRequest, "give index=N (a slice number from 0)")
            }
            let (_, volume) = try await offload { try services.scans.scan(subject, visit: visit) }
            guard let slice = SliceCutter.cut(volume, plane: plane, index: index) else {
                throw ServerError(.badRequest, "slice \(index) is outside the scan (0..<\(SliceCutter.count(of: plane, in: volume.geometry)) \(plane) slices)")
            }
            var buffer = ByteBufferAllocator().buffer(capacity: slice.voxels.count * 2)
            slice.voxels.withUnsafeBytes { _ = buffer.writeBytes($0) }
            return Response(status: .ok, headers: [
                .contentType: "application/octet-stream", .cacheControl: "private, max-age=3600",
                HTTPField.Name("X-Slice-Width")!: "\(slice.width)", HTTPField.Name("X-Slice-Height")!: "\(slice.height)",
                HTTPField.Name("X-Slice-Flipped")!: slice.flipped ? "1" : "0",
            ], body: ResponseBody(byteBuffer: buffer))
        }
        router.get("/api/patients/:subject/visits/:visit/overlays") { _, context in
            let user = try context.requireUser()
            let (subject, visit) = try Self.place(context)
            let overlays = try await offload { try Self.overlays(services, user: user, subject: subject, visit: visit) }
            return JSONBody.response(overlays)
        }
        router.get("/api/patients/:subject/visits/:visit/registration") { _, context in
            _ = try context.requireUser()
            let (subject, visit) = try Self.place(context)
            guard let stored = try services.database.read({ try $0.registration(subject, visit: visit) }) else {
                throw ServerError(.notFound, "\(visit) has no stored registration; track it first")
            }
            let result = try JSONDecoder().decode(RegistrationResult.self, from: Data(stored.transformJSON.utf8))
            let t = result.transform
            let o = t.apply(to: .zero)
            let cx = t.apply(to: SIMD3(1, 0, 0)) - o, cy = t.apply(to: SIMD3(0, 1, 0)) - o, cz = t.apply(to: SIMD3(0, 0, 1)) - o
            return JSONBody.response(RegistrationInfo(
                referenceVisit: stored.referenceVisit,
                matrix: [cx.x, cy.x, cz.x, cx.y, cy.y, cz.y, cx.z, cy.z, cz.z], offset: [o.x, o.y, o.z],
                finalMetric: stored.finalMetric))
        }
    }

    /// A path parameter, percent-decoded ("WEEK%208" is the visit "WEEK 8").
    static func decoded(_ context: NadirRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        guard let text = raw.removingPercentEncoding else { throw ServerError(.badRequest, "\(name) is not valid percent-encoding") }
        return text
    }

    static func place(_ context: NadirRequestContext) throws -> (SubjectID, String) {
        let subject = try Self.decoded(context, "subject")
        let visit = try Self.decoded(context, "visit")
        guard IdentifierRules.problem(with: subject) == nil, IdentifierRules.problem(with: visit) == nil else {
            throw ServerError(.badRequest, "subject and visit must be plain identifiers")
        }
        return (SubjectID(subject), visit)
    }

    /// The overlays of the lesions segmented at a visit that the user may see.
    static func overlays(_ services: Services, user: UserAccount, subject: SubjectID, visit: String) throws -> [Overlay] {
        let (scan, ct) = try services.scans.scan(subject, visit: visit)
        let (lesions, segmentations, measurements, signOffs) = try services.database.read { r in
            (try r.lesions(subject), try r.segmentations(subject), try r.measurements(subject), try r.signOffs(subject))
        }
        let visibility = ReadVisibility(user: user, signOffs: signOffs)
        var result: [Overlay] = []
        for segmentation in segmentations where segmentation.visit == visit && segmentation.status != .rejected {
            guard let lesion = lesions.first(where: { $0.id == segmentation.lesionID }),
                  let path = segmentation.maskPath, let hash = segmentation.maskHash else { continue }
            let measurement = measurements.first { $0.lesionID == lesion.id && $0.visit == visit }
            if let reader = measurement?.reader, !visibility.sees(reader: reader, visit: visit) { continue }
            let overlay = try services.overlays.value(for: hash + scan.contentHash) {
                let stored = try services.store.load(path, expectedHash: hash)
                let labels = try LabelMap(labelsFrom: stored)
                let outcome = try LesionImaging.measure(labels: labels, ct: ct, subject: subject, lesion: lesion.id,
                                                        visit: visit, reader: "overlay", imageHash: scan.contentHash,
                                                        method: segmentation.method)
                return LesionOverlay(outcome: outcome)
            }
            result.append(Overlay(lesion: lesion.id.rawValue, role: lesion.role.rawValue, organ: lesion.organ,
                                  isNodal: lesion.isNodal, status: segmentation.status.rawValue, reader: measurement?.reader,
                                  overlay: overlay))
        }
        return result
    }
}
