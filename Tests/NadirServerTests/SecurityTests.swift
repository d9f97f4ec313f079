import Foundation
import NadirServer
import NadirStore
import Testing

/// Security of `nadir serve`, through the running server as a browser reaches it (OWASP ASVS V3 sessions,
/// V4 access control, CSRF synchronizer tokens).
@Suite(.serialized) struct SecurityTests {
    static let users: [(String, UserRole, String)] = [
        ("tech1", .technologist, "tech-password-1"), ("reader1", .reader, "reader-password-1"),
        ("adj1", .adjudicator, "adjudicator-pass-1"),
    ]

    /// The API paths of the shipped OpenAPI document, with placeholders filled.
    static func documentedPaths() throws -> [(String, String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/NadirServer/Resources/openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [(String, String)] = []
        var path: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("  /api/"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            else if let p = path, line == "    get:" || line == "    post:" {
                let filled = p.replacingOccurrences(of: "{subject}", with: "S1").replacingOccurrences(of: "{visit}", with: "V1")
                    .replacingOccurrences(of: "{lesion}", with: "T01").replacingOccurrences(of: "{id}", with: "j1")
                result.append((line.contains("get") ? "GET" : "POST", filled))
            }
        }
        return result
    }

    @Test func everyRouteButLoginNeedsASession() async throws {
        let server = try await ServerHarness.start(users: Self.users)
        defer { server.stop() }
        let anonymous = server.client()
        let paths = try Self.documentedPaths()
        #expect(paths.count >= 20)
        for (method, path) in paths where path != "/api/login" {
            let reply = try await anonymous.send(method, path, json: method == "POST" ? [:] : nil)
            #expect(reply.status == 401, "\(method) \(path) answered \(reply.status) without a session")
        }
        // The pages redirect to the login page; the login page itself is public.
        // (URLSession follows the 303 to /login: what arrives is the login form, not the workstation.)
        let root = try await anonymous.send("GET", "/")
        #expect(String(decoding: root.body, as: UTF8.self).contains("login-form"))
        #expect(try await anonymous.send("GET", "/login").status == 200)
        // A forged cookie is no session.
        anonymous.cookie = String(repeating: "ab", count: 32)
        #expect(try await anonymous.send("GET", "/api/worklist").status == 401)
    }

    @Test func sessionCookieIsSecureHttpOnlySameSiteStrict() async throws {
        let server = try await ServerHarness.start(users: Self.users)
        defer { server.stop() }
        let client = server.client()
        #expect(try await client.login("tech1", "tech-password-1").status == 200)
        let header = try #require(client.setCookieHeader)
        #expect(header.contains("Secure") && header.contains("HttpOnly") && header.contains("SameSite=Strict"))
        // The database holds only the token's hash, never the token.
        let database = try CaseDatabase.open(at: server.databasePath)
        let token = try #require(client.cookie)
        #expect(try database.read { try $0.session(tokenHash: token, now: Date()) } == nil)
        #expect(try await client.send("GET", "/api/worklist").status == 200)
        // Logout ends the session.
        #expect(try await client.send("POST", "/api/logout").status == 200)
        client.cookie = token
        #expect(try await client.send("GET", "/api/worklist").status == 401)
    }

    @Test func writesNeedTheCSRFToken() async throws {
        let server = try await ServerHarness.start(users: Self.users)
        defer { server.stop() }
        let client = server.client()
        _ = try await client.login("tech1", "tech-password-1")
        let without = try await client.send("POST", "/api/patients/S1/visits/V1/track", json: ["reader": "reader1"], withCSRF: false)
        #expect(without.status == 403)
        client.csrf = String(repeating: "0", count: 64)
        #expect(try await client.send("POST", "/api/logout").status == 403)
    }

    @Test func technologistCannotSignOrAdjudicateAndReaderCannotTrack() async throws {
        let server = try await ServerHarness.start(users: Self.users)
        defer { server.stop() }
        let tech = server.client()
        _ = try await tech.login("tech1", "tech-password-1")
        #expect(try await tech.send("POST", "/api/patients/S1/visits/V1/sign").status == 403)
        #expect(try await tech.send("POST", "/api/patients/S1/visits/V1/adjudicate", json: ["reader": "reader1"]).status == 403)
        #expect(try await tech.send("POST", "/api/patients/S1/visits/V1/proposals/T01/accept", json: [:]).status == 403)
        let reader = server.client()
        _ = try await reader.login("reader1", "reader-password-1")
        #expect(try await reader.send("POST", "/api/patients/S1/visits/V1/track", json: [:]).status == 403)
        #expect(try await reader.send("POST", "/api/patients/S1/visits/V1/adjudicate", json: ["reader": "reader1"]).status == 403)
    }

    @Test func fiveFailedLoginsLockTheAccount() async throws {
        let server = try await ServerHarness.start(users: Self.users)
        defer { server.stop() }
        let client = server.client()
        for _ in 0..<5 {
            #expect(try await client.login("reader1", "wrong-password").status == 401)
        }
        // The right password is refused while the account is locked (locked at >= 5 consecutive failures).
        let locked = try await client.login("reader1", "reader-password-1")
        #expect(locked.status == 401)
        #expect((locked.json?["error"] as? String)?.contains("locked") == true)
        // Another account is unaffected.
        #expect(try await client.login("tech1", "tech-password-1").status == 200)
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let server = try await ServerHarness.start(users: Self.users)
        defer { server.stop() }
        let client = server.client()
        let reply = try await client.send("POST", "/api/login", json: ["name": String(repeating: "x", count: 100_000), "password": "p"])
        #expect(reply.status == 413)
    }
}
