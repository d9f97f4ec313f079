internal import Foundation
internal import Hummingbird
internal import NadirStore

/// POST /api/login, POST /api/logout, GET /api/me.
struct AuthRoutes {
    var services: Services

    struct LoginRequest: Decodable {
        var name: String
        var password: String
    }

    struct Me: Encodable {
        var name: String
        var role: String
        var csrfToken: String
        /// What the role may do, for the page to show or hide its buttons (the server checks again).
        var may: [String]
    }

    static func abilities(_ role: UserRole) -> [String] {
        switch role {
        case .technologist: ["import", "place", "track"]
        case .reader: ["review", "sign"]
        case .adjudicator: ["review", "adjudicate", "see-all-reads"]
        case .admin: ["import", "place", "track", "review", "see-all-reads"]
        }
    }

    func add(to router: Router<NadirRequestContext>) {
        let accounts = services.accounts
        router.post("/api/login") { request, context in
            let login = try await JSONBody.decode(LoginRequest.self, from: request, context: context)
            guard login.name.count <= 64, login.password.utf8.count <= 256 else {
                throw ServerError(.unauthorized, "wrong user name or password")
            }
            let result = try await offload { try accounts.logIn(name: login.name, password: login.password) }
            switch result {
            case .refused(let why):
                throw ServerError(.unauthorized, why)
            case .success(let token, let session):
                var response = JSONBody.response(Me(name: session.user.name, role: session.user.role.rawValue,
                                                    csrfToken: session.csrfToken, may: Self.abilities(session.user.role)))
                response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: token,
                                          maxAge: Int(accounts.sessionLifetime), path: "/", secure: true, httpOnly: true,
                                          sameSite: .strict))
                return response
            }
        }
        router.post("/api/logout") { request, context in
            let user = try context.requireUser()
            let token = request.cookies[SessionMiddleware.cookieName]?.value ?? ""
            try await offload { try accounts.logOut(token: token, user: user.name) }
            var response = JSONBody.response(Done())
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: true,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/api/me") { _, context in
            guard let session = context.session else { throw ServerError(.unauthorized, "log in first") }
            return JSONBody.response(Me(name: session.user.name, role: session.user.role.rawValue,
                                        csrfToken: session.csrfToken, may: Self.abilities(session.user.role)))
        }
    }
}
