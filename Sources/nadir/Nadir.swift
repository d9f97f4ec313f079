import ArgumentParser

/// `nadir`: the command line. Each subcommand parses its arguments, calls the library and prints.
@main
struct Nadir: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nadir",
        abstract: "Measured, repeatable tumour response tracking for oncology trials and clinics.",
        discussion: """
            The case database is nadir.sqlite in the current folder unless --db PATH or NADIR_DB says otherwise.
            Every change is audited with --user (default $USER) and, for corrections, --reason.
            """,
        version: NadirVersion.string,
        subcommands: [
            DemoCommand.self, PhantomCommand.self, InitCommand.self, TrialCommand.self, PatientCommand.self, TimePointCommand.self,
            LesionCommand.self, MeasureCommand.self, NonTargetCommand.self, ImportCommand.self, ShowCommand.self,
            ScanCommand.self, TrackCommand.self, AssessCommand.self, ReportCommand.self, ExportCommand.self, AuditCommand.self, SchemaCommand.self,
            ServeCommand.self, UserCommand.self,
        ]
    )
}

enum NadirVersion {
    static let string = "0.1.0"
}
