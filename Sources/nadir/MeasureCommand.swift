import ArgumentParser
import Foundation
import NadirModel
import NadirStore
import NadirWorkflow

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Measure lesions on scans, record typed measurements, confirm proposals.",
        subcommands: [Run.self, Record.self, Confirm.self, ImportSRCommand.self], defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "(Re)measure every lesion with a seed or mask at a visit (`nadir measure SUBJECT VISIT`).",
            discussion: "Values that differ from recorded, confirmed ones are corrections and need --reason.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label.") var visit: String
        @Option(help: "Who reads (default: the user).") var reader: String?
        @Option(help: "Why changed values replace recorded ones.") var reason: String?

        func run() throws {
            try runReporting {
                let workflow = LesionWorkflow(database: try options.openDatabase(),
                                              store: ImageStore(databasePath: options.databasePath))
                let results = try workflow.remeasure(subject: subject, visit: visit, reader: reader ?? options.actingUser,
                                                     isCorrection: reason != nil,
                                                     context: options.context(reason ?? "measure \(subject) \(visit)"))
                try Output.emit(results.map(\.2), json: options.json) {
                    results.isEmpty ? "no lesion has a seed or mask at \(visit)"
                        : results.map { id, outcome, m in
                            "\(outcome.rawValue): \(id) long axis \(m.longAxis.map { "\($0)" } ?? "-"), short axis \(m.shortAxis.map { "\($0)" } ?? "-"), volume \(m.volume.map { "\($0)" } ?? "-")"
                        }.joined(separator: "\n")
                }
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Confirm the measurements tracking proposed at a visit (all, or one lesion).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label.") var visit: String
        @Option(help: "Only this lesion.") var lesion: LesionID?

        func run() throws {
            try runReporting {
                let confirmed = try options.openDatabase().write(as: options.context("measure confirm \(subject) \(visit)")) {
                    try $0.confirmProposals(subject: subject, visit: visit, lesion: lesion)
                }
                try Output.emit(confirmed, json: options.json) {
                    confirmed.isEmpty ? "nothing to confirm at \(visit)" : "confirmed " + confirmed.map(\.rawValue).joined(separator: ", ")
                }
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record typed diameters, or a state, for a target or new lesion at a visit.",
            discussion: """
                States: measured (give --long-axis, and --short-axis for nodes), too-small (counts as 5 mm),
                absent (0 mm: --long-axis 0 is accepted, a non-zero value refused), not-evaluable. A different value already recorded for the same reader is corrected
                only with --reason; the old value stays in the audit trail.
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label.") var visit: String
        @Argument(help: "The lesion's tracking ID.") var lesion: LesionID
        @Option(help: "Longest in-plane diameter, mm (at most 2 decimals).") var longAxis: Length?
        @Option(help: "Short axis (longest perpendicular diameter), mm.") var shortAxis: Length?
        @Option(help: "Volume, mm³.") var volume: VolumeMeasure?
        @Option(help: "Mean density, Hounsfield units (Choi, portal-venous CT).") var densityHu: Density?
        @Option(help: "SULpeak, g/mL (PERCIST 1.0).") var sulPeak: StandardizedUptake?
        @Option(help: "measured, too-small, absent or not-evaluable (default: measured).") var state: MeasurementState = .measured
        @Option(help: "Who read the scan (default: the user).") var reader: String?
        @Option(help: "Why a recorded value is being corrected.") var reason: String?

        func run() throws {
            try runReporting {
                let value = Measurement(subjectID: subject, lesionID: lesion, visit: visit, state: state,
                                        longAxis: longAxis, shortAxis: shortAxis, volume: volume, meanDensity: densityHu,
                                        sulPeak: sulPeak, method: .manual,
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
