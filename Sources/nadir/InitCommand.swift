import ArgumentParser
import NadirStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the case database (or bring an existing one up to date).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try runReporting {
            _ = try CaseDatabase.create(at: options.databasePath)
            try Output.emit(Message(message: "case database ready at \(options.databasePath)"), json: options.json) {
                "case database ready at \(options.databasePath)"
            }
        }
    }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the database schema (the content of Database/schema.sql).")

    func run() throws {
        try runReporting {
            print(try CaseDatabase.inMemory().schemaDump(), terminator: "")
        }
    }
}
