import ArgumentParser
import NadirModel
import NadirStore

struct TrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial", abstract: "Add and list trials.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a trial.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial ID (protocol number).") var trial: TrialID
        @Option(name: .customLong("protocol"), help: "The protocol title (default: the trial ID).") var protocolName: String?
        @Option(help: "The default response criteria (a Criteria/ id).") var criteria: CriteriaID = .recist11

        func run() throws {
            try runReporting {
                let value = Trial(id: trial, protocolName: protocolName ?? trial.rawValue, defaultCriteria: criteria)
                try options.openDatabase().write(as: options.context("trial add \(trial)")) { try $0.addTrial(value) }
                try Output.emit(value, json: options.json) { "added trial \(trial) (criteria \(criteria))" }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List trials.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            try runReporting {
                let trials = try options.openDatabase().read { try $0.trials() }
                try Output.emit(trials, json: options.json) {
                    trials.map { "\($0.id)\t\($0.defaultCriteria)\t\($0.protocolName)" }.joined(separator: "\n")
                }
            }
        }
    }
}

struct PatientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient", abstract: "Register patients by trial subject ID.", subcommands: [Add.self, Dates.self])

    struct Dates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a patient's treatment start and/or end of radiotherapy.",
            discussion: "A different date already recorded is corrected only with --reason; the old value stays in the audit trail.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Option(help: "Start of study treatment, YYYY-MM-DD.") var treatmentStart: CalendarDate?
        @Option(help: "End of radiotherapy, YYYY-MM-DD.") var radiotherapyEnd: CalendarDate?
        @Option(help: "Why a recorded date is being corrected.") var reason: String?

        func validate() throws {
            if treatmentStart == nil, radiotherapyEnd == nil {
                throw ValidationError("give --treatment-start and/or --radiotherapy-end")
            }
        }

        func run() throws {
            try runReporting {
                let outcome = try options.openDatabase().write(as: options.context(reason ?? "patient dates \(subject)")) {
                    try $0.setDates(subject: subject, treatmentStart: treatmentStart, radiotherapyEnd: radiotherapyEnd,
                                    isCorrection: reason != nil)
                }
                try Output.emit(["outcome": outcome.rawValue], json: options.json) { "\(outcome.rawValue): dates of \(subject)" }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a patient to a trial.",
            discussion: "Patients are known only by the trial subject ID: never enter a name, birth date or record number.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Option(help: "The trial.") var trial: TrialID
        @Option(help: "Cancer type (selects default criteria), e.g. nsclc, hcc, crc.") var cancerType: String?
        @Option(help: "Criteria override for this patient.") var criteria: CriteriaID?
        @Option(help: "Recruiting site.") var site: String?
        @Option(help: "Treatment arm.") var arm: String?
        @Option(help: "Start of study treatment, YYYY-MM-DD (SD duration reference; default: the baseline scan date).") var treatmentStart: CalendarDate?
        @Option(help: "End of radiotherapy, YYYY-MM-DD (RANO 2.0: PD within 12 weeks is preliminary).") var radiotherapyEnd: CalendarDate?

        func run() throws {
            try runReporting {
                let value = Patient(subjectID: subject, trialID: trial, cancerType: cancerType?.lowercased(),
                                    criteria: criteria, site: site, arm: arm, treatmentStart: treatmentStart,
                                    radiotherapyEnd: radiotherapyEnd)
                try options.openDatabase().write(as: options.context("patient add \(subject)")) { try $0.addPatient(value) }
                try Output.emit(value, json: options.json) { "added patient \(subject) to trial \(trial)" }
            }
        }
    }
}

struct TimePointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timepoint", abstract: "Add imaging timepoints (visits).", subcommands: [Add.self, VisitReadingCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a visit. The patient's first visit is its baseline; later visits may not predate it.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID
        @Argument(help: "The visit label, e.g. BASELINE, \"WEEK 6\".") var visit: String
        @Option(help: "Scan date, YYYY-MM-DD.") var date: CalendarDate
        @Option(help: "Modality, e.g. CT, MR, PT.") var modality: String?
        @Option(help: "Reconstructed slice thickness in mm.") var sliceThickness: Length?

        func run() throws {
            try runReporting {
                let value = TimePoint(subjectID: subject, visit: visit, date: date, modality: modality,
                                      sliceThickness: sliceThickness)
                let stored = try options.openDatabase().write(as: options.context("timepoint add \(subject) \(visit)")) {
                    try $0.addTimePoint(value)
                }
                try Output.emit(stored, json: options.json) {
                    "added visit \(visit) of \(subject) on \(date)\(stored.isBaseline ? " (baseline)" : "")"
                }
            }
        }
    }
}
