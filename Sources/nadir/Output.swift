import ArgumentParser
import Foundation

/// Printing helpers shared by the subcommands.
enum Output {
    /// Prints a value as pretty, key-sorted JSON.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints either JSON or the text, as the options say.
    static func emit<T: Encodable>(_ value: T, json: Bool, text: () -> String) throws {
        if json { try Output.json(value) } else { print(text()) }
    }
}

/// A message for the user: what happened.
struct Message: Encodable {
    var ok = true
    var message: String
}

/// Runs a command body and turns library errors into one clear line on stderr and a non-zero exit.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        FileHandle.standardError.write(Data("nadir: error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
