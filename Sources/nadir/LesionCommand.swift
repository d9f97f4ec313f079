import ArgumentParser
import Foundation
import NadirModel
import NadirStore
import NadirWorkflow

struct LesionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesion", abstract: "Record target, non-target and new lesions.", subcommands: [Add.self, Reject.self, SetOrgan.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a lesion to a patient, typed or placed on the visit's scan by a seed or a mask.",
            discussion: """
                Targets are chosen at baseline (RECIST 1.1: at most 5, at most 2 per organ, all nodes one organ).
                With --seed X,Y,Z (LPS mm) or --seed-index I,J,K the lesion is segmented on the visit's scan with a
                tissue preset (default from the organ) and measured; with --mask FILE --label N a mask on the scan's
                grid is measured. A split fragment names its parent (--parent T04 --relation split, ID T04.1); a
                merged lesion names every parent (--parent T02 --parent T03 --relation merged, ID T02/T03).
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit at which the lesion is first recorded (required with --seed or --mask).") var visit: String?
        @Option(help: "Tracking ID, e.g. T01, NT01, NEW01 (default with --seed/--mask: the next free one).") var lesion: LesionID?
        @Option(help: "target, non-target or new.") var role: LesionRole
        @Option(help: "Organ or site, e.g. LIVER, LUNG, LYMPH NODE.") var organ: String
        @Flag(help: "The lesion is a lymph node (measured by its short axis).") var nodal = false
        @Option(help: "Parent lesion (split or merge); repeat for several.") var parent: [LesionID] = []
        @Option(help: "split or merged (with --parent).") var relation: LesionRelation?
        @Option(help: "Seed point X,Y,Z in LPS millimetres (write --seed=X,Y,Z when X is negative).") var seed: String?
        @Option(help: "Seed voxel index I,J,K.") var seedIndex: String?
        @Option(help: "Segmentation preset: liver, lung, node, bone, brain, soft-tissue.") var preset: String?
        @Option(help: "A label mask (NIfTI/NRRD) on the scan's grid.") var mask: String?
        @Option(help: "The mask's label value.") var label: Int = 1
        @Option(help: "A DICOM SEG; its segment --segment is mapped onto --reference-series.") var seg: String?
        @Option(help: "The SEG's segment number.") var segment: Int = 1
        @Option(help: "The DICOM folder of the series the SEG references (the visit's scan).") var referenceSeries: String?
        @Option(help: "Who read the scan (default: the user).") var reader: String?

        func validate() throws {
            if [seed, seedIndex, mask, seg].compactMap({ $0 }).count > 1 {
                throw ValidationError("give one of --seed, --seed-index, --mask, --seg")
            }
            if seg != nil, referenceSeries == nil {
                throw ValidationError("--seg needs --reference-series FOLDER (the DICOM series it segments)")
            }
            if (seed != nil || seedIndex != nil || mask != nil || seg != nil) && visit == nil {
                throw ValidationError("placing a lesion on a scan needs the VISIT argument")
            }
            if seed == nil, seedIndex == nil, mask == nil, seg == nil, lesion == nil {
                throw ValidationError("a typed lesion needs --lesion ID")
            }
        }

        func placement() throws -> LesionWorkflow.Placement? {
            if let seed {
                let v = try Self.triple(seed, Double.init)
                return .seed(SIMD3(v[0], v[1], v[2]), preset: preset)
            }
            if let seedIndex {
                let v = try Self.triple(seedIndex) { Int($0) }
                return .seedIndex(SIMD3(v[0], v[1], v[2]), preset: preset)
            }
            if let mask { return .mask(URL(fileURLWithPath: mask), label: label) }
            if let seg, let referenceSeries {
                return .dicomSegmentation(URL(fileURLWithPath: seg), segment: segment,
                                          referenceSeries: URL(fileURLWithPath: referenceSeries))
            }
            return nil
        }

        static func triple<T>(_ text: String, _ parse: (String) -> T?) throws -> [T] {
            let parts = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.compactMap(parse)
            guard parts.count == 3 else { throw ValidationError("'\(text)' is not three comma-separated numbers") }
            return parts
        }

        func run() throws {
            try runReporting {
                let database = try options.openDatabase()
                if let placement = try placement(), let visit {
                    let workflow = LesionWorkflow(database: database, store: ImageStore(databasePath: options.databasePath))
                    let (value, outcome) = try workflow.place(
                        .init(id: lesion, role: role, organ: organ, isNodal: nodal), subject: subject, visit: visit,
                        at: placement, reader: reader ?? options.actingUser,
                        context: options.context("lesion add \(subject) \(visit) \(lesion.map(\.rawValue) ?? role.rawValue)"))
                    try Output.emit(outcome.measurement, json: options.json) {
                        let m = outcome.measurement
                        return "placed \(role.rawValue) lesion \(value.id) (\(value.organ)) at \(visit): long axis \(m.longAxis.map { "\($0)" } ?? "-"), short axis \(m.shortAxis.map { "\($0)" } ?? "-"), volume \(m.volume.map { "\($0)" } ?? "-") (\(outcome.voxelCount) voxels)"
                    }
                    return
                }
                guard let lesion else { return }
                let value = Lesion(subjectID: subject, id: lesion, trackingUID: GeneratedUID.make(), role: role,
                                   organ: organ, isNodal: nodal, parents: parent, relation: relation, firstVisit: visit)
                try database.write(as: options.context("lesion add \(subject) \(lesion)")) { try $0.addLesion(value) }
                try Output.emit(value, json: options.json) {
                    "added \(role.rawValue) lesion \(lesion) (\(organ)\(nodal ? ", node" : "")) to \(subject)"
                }
            }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject a candidate new lesion proposed by tracking (it and its proposals are deleted, audited).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The candidate's tracking ID, e.g. NEW01.") var lesion: LesionID
        @Option(help: "Why it is not a lesion.") var reason: String

        func run() throws {
            try runReporting {
                try options.openDatabase().write(as: options.context(reason)) { try $0.rejectCandidate(subject: subject, lesion: lesion) }
                try Output.emit(Message(message: "rejected \(lesion)"), json: options.json) { "rejected candidate \(lesion) of \(subject)" }
            }
        }
    }

    struct SetOrgan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-organ",
            abstract: "Name a lesion's organ (e.g. a tracked candidate new lesion recorded as UNSPECIFIED).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The lesion's tracking ID.") var lesion: LesionID
        @Option(help: "The organ or site, e.g. LIVER.") var organ: String
        @Option(help: "Why (kept in the audit trail).") var reason: String?

        func run() throws {
            try runReporting {
                try options.openDatabase().write(as: options.context(reason ?? "lesion set-organ \(subject) \(lesion)")) {
                    try $0.setOrgan(subject: subject, lesion: lesion, organ: organ)
                }
                try Output.emit(Message(message: "\(lesion) is in \(organ)"), json: options.json) { "\(lesion) of \(subject) is in \(organ)" }
            }
        }
    }
}
