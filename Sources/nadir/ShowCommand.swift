import ArgumentParser
import NadirModel
import NadirStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show what is recorded.", subcommands: [PatientCase.self])

    struct PatientCase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "patient", abstract: "Show a patient's lesions x timepoints.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The trial subject ID.") var subject: SubjectID

        func run() throws {
            try runReporting {
                let value = try options.openDatabase().read { try $0.patientCase(subject) }
                try Output.emit(value, json: options.json) { PatientCaseText(value).render() }
            }
        }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit trail: who changed what, when, from which value to which, and why.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "Only this subject.") var subject: SubjectID?
    @Option(help: "Only this lesion.") var lesion: LesionID?
    @Option(help: "Only this visit.") var visit: String?

    func run() throws {
        try runReporting {
            let entries = try options.openDatabase().read {
                try $0.auditEntries(subject: subject, lesion: lesion, visit: visit)
            }
            try Output.emit(entries, json: options.json) { AuditText(entries).render() }
        }
    }
}
