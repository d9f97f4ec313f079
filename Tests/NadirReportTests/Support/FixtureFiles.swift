import Foundation

/// Test fixtures under Tests/NadirReportTests/Fixtures, found from this file's path.
enum FixtureFiles {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    static func data(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    static func text(_ path: String) throws -> String { String(decoding: try data(path), as: UTF8.self) }
}
