internal import Foundation
internal import Hummingbird
internal import NIOCore

/// JSON responses (sorted keys, ISO 8601 dates) and request bodies of a bounded size.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the response could not be encoded"}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a request body (at most the context's upload limit), with a 400 that says what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: NadirRequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw ServerError(.contentTooLarge, "the request body is larger than \(context.maxUploadSize) bytes")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ServerError(.badRequest, "the request body needs '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ServerError(.badRequest, "the request body has a wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ServerError(.badRequest, "the request body needs a value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw ServerError(.badRequest, "the request body is not the JSON expected (see /api/openapi.yaml)")
        }
    }
}

/// An empty JSON object for writes that return nothing else.
struct Done: Encodable {
    var ok = true
}
