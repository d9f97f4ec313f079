import Foundation

/// Runs the real `nadir` executable built beside the test bundle.
struct NadirProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder holding the built products (`.build/debug`).
    static var productsDirectory: URL {
        // The test runner lives in the products folder (Linux: NadirPackageTests.xctest, an executable).
        var url = Bundle.main.bundleURL
        while url.pathComponents.count > 1, !FileManager.default.fileExists(atPath: url.appendingPathComponent("nadir").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    var databasePath: String { directory.appendingPathComponent("case.sqlite").path }

    /// Runs `nadir ARGS --db <this test's database>` with `--user tester`.
    @discardableResult
    func run(_ arguments: [String], database: Bool = true, user: Bool = true) throws -> Result {
        try Self.launch(Self.productsDirectory.appendingPathComponent("nadir"),
                        arguments + (database ? ["--db", databasePath] : []) + (user ? ["--user", "tester"] : []),
                        in: directory)
    }

    /// Runs any executable to its end and collects its exit status and output.
    static func launch(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func databaseBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: databasePath))
    }
}
