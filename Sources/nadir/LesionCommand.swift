import ArgumentParser
import NadirModel
import NadirStore

struct LesionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesion", abstract: "Record target, non-target and new lesions.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a lesion to a patient.",
            discussion: """
                Targets are chosen at baseline (RECIST 1.1: at most 5, at most 2 per organ, all nodes one organ).
                A split fragment names its parent (--parent T04 --relation split, ID T04.1); a merged lesion names
                every parent (--parent T02 --parent T03 --relation merged, ID T02/T03).
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit at which the lesion is first recorded.") var visit: String?
        @Option(help: "Tracking ID, e.g. T01, NT01, NEW01.") var lesion: LesionID
        @Option(help: "target, non-target or new.") var role: LesionRole
        @Option(help: "Organ or site, e.g. LIVER, LUNG, LYMPH NODE.") var organ: String
        @Flag(help: "The lesion is a lymph node (measured by its short axis).") var nodal = false
        @Option(help: "Parent lesion (split or merge); repeat for several.") var parent: [LesionID] = []
        @Option(help: "split or merged (with --parent).") var relation: LesionRelation?

        func run() throws {
            try runReporting {
                let value = Lesion(subjectID: subject, id: lesion, trackingUID: GeneratedUID.make(), role: role,
                                   organ: organ, isNodal: nodal, parents: parent, relation: relation, firstVisit: visit)
                try options.openDatabase().write(as: options.context("lesion add \(subject) \(lesion)")) {
                    try $0.addLesion(value)
                }
                try Output.emit(value, json: options.json) {
                    "added \(role.rawValue) lesion \(lesion) (\(organ)\(nodal ? ", node" : "")) to \(subject)"
                }
            }
        }
    }
}

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Record lesion measurements.", subcommands: [Record.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record typed diameters, or a state, for a target or new lesion at a visit.",
            discussion: """
                States: measured (give --long-axis, and --short-axis for nodes), too-small (counts as 5 mm),
                absent (0 mm), not-evaluable. A different value already recorded for the same reader is corrected
                only with --reason; the old value stays in the audit trail.
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label.") var visit: String
        @Argument(help: "The lesion's tracking ID.") var lesion: LesionID
        @Option(help: "Longest in-plane diameter, mm (at most 2 decimals).") var longAxis: Length?
        @Option(help: "Short axis (longest perpendicular diameter), mm.") var shortAxis: Length?
        @Option(help: "Volume, mm³.") var volume: VolumeMeasure?
        @Option(help: "measured, too-small, absent or not-evaluable (default: measured).") var state: MeasurementState = .measured
        @Option(help: "Who read the scan (default: the user).") var reader: String?
        @Option(help: "Why a recorded value is being corrected.") var reason: String?

        func run() throws {
            try runReporting {
                let value = Measurement(subjectID: subject, lesionID: lesion, visit: visit, state: state,
                                        longAxis: longAxis, shortAxis: shortAxis, volume: volume, method: .manual,
                                        reader: reader ?? options.actingUser, provenance: Provenance(source: "typed"))
                let why = reason ?? "measure record \(subject) \(visit) \(lesion)"
                let outcome = try options.openDatabase().write(as: options.context(why)) {
                    try $0.record(value, isCorrection: reason != nil)
                }
                try Output.emit(["outcome": outcome.rawValue], json: options.json) {
                    "\(outcome.rawValue): \(lesion) at \(visit) of \(subject)"
                }
            }
        }
    }
}

struct NonTargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nontarget", abstract: "Record non-target and new-lesion status.", subcommands: [Record.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the status of a non-target or new lesion at a visit.",
            discussion: "Statuses: present, absent, unequivocal-progression, not-evaluable, equivocal (new lesions only).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label.") var visit: String
        @Argument(help: "The lesion's tracking ID.") var lesion: LesionID
        @Option(help: "The status.") var status: LesionStatusValue
        @Option(help: "Who read the scan (default: the user).") var reader: String?
        @Option(help: "Why a recorded status is being corrected.") var reason: String?

        func run() throws {
            try runReporting {
                let value = LesionStatus(subjectID: subject, lesionID: lesion, visit: visit, status: status,
                                         reader: reader ?? options.actingUser, provenance: Provenance(source: "typed"))
                let why = reason ?? "nontarget record \(subject) \(visit) \(lesion)"
                let outcome = try options.openDatabase().write(as: options.context(why)) {
                    try $0.record(value, isCorrection: reason != nil)
                }
                try Output.emit(["outcome": outcome.rawValue], json: options.json) {
                    "\(outcome.rawValue): \(lesion) at \(visit) of \(subject) is \(status.rawValue)"
                }
            }
        }
    }
}
