internal import Foundation
internal import Hummingbird
internal import HTTPTypes
internal import NadirStore

/// Every route but the login page, its assets and POST /api/login needs a live session cookie; every write
/// (POST, PUT, PATCH, DELETE) also needs the session's CSRF token in `X-CSRF-Token` (OWASP CSRF Prevention
/// Cheat Sheet: synchronizer token pattern).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = NadirRequestContext
    static let cookieName = "nadir_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    var accounts: Accounts
    /// Paths served without a session.
    static let publicPaths: Set<String> = ["/login", "/static/login.js", "/static/style.css", "/api/login", "/favicon.ico"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.publicPaths.contains(path) {
            return try await next(request, context)
        }
        let token = request.cookies[Self.cookieName]?.value ?? ""
        let session: UserSession?
        do {
            session = try accounts.session(token: token)
        } catch {
            throw ServerError(.serviceUnavailable, "the session store cannot be read; try again")
        }
        guard let session else {
            if path.hasPrefix("/api/") {
                throw ServerError(.unauthorized, "log in first (POST /api/login)")
            }
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        if request.method != .get && request.method != .head {
            guard let sent = request.headers[Self.csrfHeader], Self.constantTimeEqual(sent, session.csrfToken) else {
                throw ServerError(.forbidden, "missing or wrong CSRF token (X-CSRF-Token); reload the page")
            }
        }
        var context = context
        context.session = session
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// The outermost middleware: turns every thrown error into a JSON error response (4xx with the message; a 5xx
/// is logged, its detail not shown) and adds the security headers to every response.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = NadirRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let mapped = ServerError.from(error)
            if mapped.status.code >= 500 {
                context.logger.error("\(request.method) \(request.uri.path): \(String(describing: error))")
            }
            response = JSONBody.response(ServerError.ErrorBody(error: mapped.message, status: Int(mapped.status.code)),
                                         status: mapped.status)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
