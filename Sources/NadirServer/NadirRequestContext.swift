internal import Hummingbird
internal import NadirStore

/// The per-request context: who is logged in (set by `SessionMiddleware`), and the request size limit.
struct NadirRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The session of the logged-in user; nil only on the public routes (login page, its assets, POST /api/login).
    var session: UserSession?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        session = nil
    }

    /// JSON bodies are small: 64 KiB is far above any request the pages send.
    var maxUploadSize: Int { 64 * 1024 }

    /// The logged-in user; routes behind `SessionMiddleware` always have one.
    func requireUser() throws -> UserAccount {
        guard let session else { throw ServerError(.unauthorized, "log in first") }
        return session.user
    }

    /// The user, who must have one of `roles`.
    func requireRole(_ roles: Set<UserRole>, to action: String) throws -> UserAccount {
        let user = try requireUser()
        guard roles.contains(user.role) else {
            throw ServerError(.forbidden, "a \(user.role.rawValue) cannot \(action); that needs \(roles.map(\.rawValue).sorted().joined(separator: " or "))")
        }
        return user
    }
}
