internal import Foundation
internal import Hummingbird
internal import NIOCore

/// The pages, scripts, style sheet and OpenAPI document shipped as package resources, read once at start.
struct StaticResources: Sendable {
    var files: [String: (contentType: String, bytes: ByteBuffer)]

    static let names: [(String, String)] = [
        ("index.html", "text/html; charset=utf-8"), ("login.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"), ("viewer.js", "text/javascript; charset=utf-8"),
        ("pages.js", "text/javascript; charset=utf-8"), ("login.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"), ("openapi.yaml", "application/yaml; charset=utf-8"),
    ]

    static func load() throws -> StaticResources {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw ServerError(.internalServerError, "the server's page resources are missing from the build")
        }
        var files: [String: (String, ByteBuffer)] = [:]
        for (name, type) in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            files[name] = (type, ByteBuffer(bytes: data))
        }
        return StaticResources(files: files)
    }

    func response(_ name: String) throws -> Response {
        guard let file = files[name] else { throw ServerError(.notFound, "no file \(name)") }
        return Response(status: .ok, headers: [.contentType: file.contentType, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: file.bytes))
    }
}

/// The pages: the login page (public) and the workstation (one page; its views are chosen by the URL's hash).
struct PageRoutes {
    var services: Services

    func add(to router: Router<NadirRequestContext>) {
        let resources = services.resources
        router.get("/login") { _, _ in try resources.response("login.html") }
        router.get("/") { _, _ in try resources.response("index.html") }
        router.get("/static/:file") { _, context in
            let file = try context.parameters.require("file")
            guard file.hasSuffix(".js") || file.hasSuffix(".css") else { throw ServerError(.notFound, "no file \(file)") }
            return try resources.response(file)
        }
        router.get("/api/openapi.yaml") { _, _ in try resources.response("openapi.yaml") }
    }
}
