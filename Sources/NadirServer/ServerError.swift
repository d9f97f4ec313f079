internal import Foundation
internal import Hummingbird
internal import NadirModel
internal import NadirStore
internal import NadirWorkflow
internal import NadirSegmentation

/// An error from `nadir serve`: an HTTP status and a message saying what is wrong and what to do.
///
/// Errors of the lower modules become 4xx with their own message (what, where, what to do); anything
/// unexpected becomes a 500 whose detail stays in the server log, never in the page.
struct ServerError: Error, CustomStringConvertible, Sendable, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { "\(status.code) \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(ErrorBody(error: message, status: Int(status.code)), status: status)
    }

    struct ErrorBody: Encodable {
        var error: String
        var status: Int
    }

    /// Maps an error of the store, the workflows or the segmenter to what the page shows.
    static func from(_ error: any Error) -> ServerError {
        switch error {
        case let error as ServerError:
            return error
        case let error as StoreError:
            switch error.code {
            case .unknownPatient, .unknownTrial, .unknownLesion, .unknownTimePoint: return ServerError(.notFound, error.description)
            case .sqlite: return ServerError(.internalServerError, "the database refused the change; see the server log")
            default: return ServerError(.conflict, error.description)
            }
        case let error as WorkflowError:
            return ServerError(.unprocessableContent, error.description)
        case let error as SegmentationError:
            return ServerError(.unprocessableContent, "the segmentation was refused: \(error.description); click inside the lesion, or choose another preset")
        case let error as ValidationError:
            return ServerError(.badRequest, error.message)
        case let error as HTTPError:
            return ServerError(error.status, error.body ?? error.status.reasonPhrase)
        default:
            return ServerError(.unprocessableContent, String(describing: error))
        }
    }
}
