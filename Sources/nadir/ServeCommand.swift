import ArgumentParser
import Foundation
import NadirServer
import NadirStore

/// `nadir serve`: the reader workstation in a browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the reader workstation (web pages and JSON API) over the case database.",
        discussion: """
            Bound to 127.0.0.1 unless --host says otherwise. Create the first user with `nadir user add NAME --role admin`.
            The API is described at /api/openapi.yaml. Stop with Ctrl-C or SIGTERM.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(help: "Address to bind (default loopback only).") var host = "127.0.0.1"
    @Option(help: "The Criteria folder (default: as `nadir assess` finds it).") var criteria: String?

    func run() async throws {
        let server: NadirServer
        do {
            server = try NadirServer(configuration: .init(databasePath: global.databasePath, host: host, port: port,
                                                          criteriaDirectory: criteria))
        } catch {
            FileHandle.standardError.write(Data("nadir serve: \(error)\n".utf8))
            throw ExitCode(1)
        }
        try await server.run { bound in
            FileHandle.standardOutput.write(Data("nadir serve: listening on http://\(host):\(bound)/ (database \(global.databasePath))\n".utf8))
        }
    }
}

/// `nadir user add`: accounts of the reader workstation.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage the users of `nadir serve`.",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read from standard input (or asked for), never an argument.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user name (letters, digits, '.', '_', '-').") var name: String
        @Option(help: "technologist, reader, adjudicator or admin.") var role: String

        func run() throws {
            try runReporting {
                guard let role = UserRole(rawValue: role) else {
                    throw ValidationError("role is technologist, reader, adjudicator or admin, not '\(role)'")
                }
                let password: String
                if isatty(STDIN_FILENO) != 0 {
                    guard let typed = getpass("Password for \(name): ") else { throw ValidationError("no password given") }
                    password = String(cString: typed)
                } else {
                    password = (readLine(strippingNewline: true) ?? "")
                }
                let database = try global.openDatabase()
                try Accounts(database: database).addUser(name: name, role: role, password: password,
                                                         context: global.context("user add \(name) --role \(role.rawValue)"))
                print("added \(role.rawValue) \(name)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try runReporting {
                for user in try global.openDatabase().read({ try $0.users() }) {
                    print("\(user.name)\t\(user.role.rawValue)\(user.lockedUntil.map { $0 > Date() ? "\tlocked" : "" } ?? "")")
                }
            }
        }
    }
}
