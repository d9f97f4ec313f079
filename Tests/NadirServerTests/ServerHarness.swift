import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NadirServer
import NadirStore

/// A real `nadir serve` on a free loopback port over a fresh database, and a small HTTP client that keeps the
/// session cookie and CSRF token as the page does.
final class ServerHarness: @unchecked Sendable {
    let folder: URL
    let databasePath: String
    let port: Int
    private let task: Task<Void, any Error>

    static func start(users: [(String, UserRole, String)]) async throws -> ServerHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("nadir.sqlite").path
        let database = try CaseDatabase.create(at: path)
        var accounts = Accounts(database: database)
        accounts.bcryptCost = 4
        for (name, role, password) in users {
            try accounts.addUser(name: name, role: role, password: password, context: AuditContext(user: "test-admin", reason: "test users"))
        }
        try database.close()
        let server = try NadirServer(configuration: .init(databasePath: path, host: "127.0.0.1", port: 0))
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run { continuation.yield($0) } }
        var port = 0
        for await bound in stream { port = bound; break }
        return ServerHarness(folder: folder, databasePath: path, port: port, task: task)
    }

    private init(folder: URL, databasePath: String, port: Int, task: Task<Void, any Error>) {
        self.folder = folder
        self.databasePath = databasePath
        self.port = port
        self.task = task
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    /// One browser: its cookie and CSRF token.
    final class Client: @unchecked Sendable {
        let base: String
        var cookie: String?
        var csrf: String?
        var setCookieHeader: String?

        init(port: Int) { base = "http://127.0.0.1:\(port)" }

        struct Reply {
            var status: Int
            var body: Data
            var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        }

        func send(_ method: String, _ path: String, json: [String: Any]? = nil, withCSRF: Bool = true) async throws -> Reply {
            guard let url = URL(string: base + path) else { throw URLError(.badURL) }
            var request = URLRequest(url: url)
            request.httpMethod = method
            request.httpShouldHandleCookies = false
            if let cookie { request.setValue("nadir_session=\(cookie)", forHTTPHeaderField: "Cookie") }
            if withCSRF, let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
            if let json {
                request.httpBody = try JSONSerialization.data(withJSONObject: json)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            if let setCookie = http?.value(forHTTPHeaderField: "Set-Cookie") {
                setCookieHeader = setCookie
                if let value = setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last {
                    cookie = String(value)
                }
            }
            return Reply(status: http?.statusCode ?? 0, body: data)
        }

        func login(_ name: String, _ password: String) async throws -> Reply {
            let reply = try await send("POST", "/api/login", json: ["name": name, "password": password])
            csrf = reply.json?["csrfToken"] as? String
            return reply
        }
    }

    func client() -> Client { Client(port: port) }
}
