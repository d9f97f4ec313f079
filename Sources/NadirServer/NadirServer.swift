public import Foundation
internal import Hummingbird
internal import Logging
internal import NadirCriteria
public import NadirStore
internal import NadirWorkflow
internal import NIOCore

/// `nadir serve`: the reader workstation, a Hummingbird 2 server over the case database and its image store.
///
/// Bound to 127.0.0.1 unless told otherwise. Pages are plain HTML, CSS and JavaScript from the package's
/// resources; everything they do goes through the JSON API described by `/api/openapi.yaml`.
public struct NadirServer: Sendable {
    public struct Configuration: Sendable {
        public var databasePath: String
        public var host: String
        public var port: Int
        /// The Criteria folder (nil: the usual places, as the CLI finds them).
        public var criteriaDirectory: String?

        public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080, criteriaDirectory: String? = nil) {
            self.databasePath = databasePath
            self.host = host
            self.port = port
            self.criteriaDirectory = criteriaDirectory
        }
    }

    public var configuration: Configuration
    let services: Services

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        let database = try CaseDatabase.open(at: configuration.databasePath)
        let store = ImageStore(databasePath: configuration.databasePath)
        let catalog = try CriteriaLocator.catalog(explicit: configuration.criteriaDirectory)
        services = Services(database: database, store: store, accounts: Accounts(database: database), catalog: catalog,
                            scans: ScanCache(database: database, store: store), overlays: LRUCache(capacity: 64),
                            jobs: Jobs(), resources: try StaticResources.load())
    }

    /// Runs until SIGTERM or SIGINT (graceful shutdown through swift-service-lifecycle's ServiceGroup);
    /// `onRunning` gets the port actually bound (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "nadir-serve")
        logger.logLevel = .warning
        let app = Application(
            router: Self.router(services),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "nadir"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService()
    }

    static func router(_ services: Services) -> Router<NadirRequestContext> {
        let router = Router(context: NadirRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: SessionMiddleware(accounts: services.accounts))
        PageRoutes(services: services).add(to: router)
        AuthRoutes(services: services).add(to: router)
        WorklistRoutes(services: services).add(to: router)
        ImageRoutes(services: services).add(to: router)
        LesionRoutes(services: services).add(to: router)
        ReviewRoutes(services: services).add(to: router)
        ResponseRoutes(services: services).add(to: router)
        return router
    }
}

/// What every route uses.
struct Services: Sendable {
    var database: CaseDatabase
    var store: ImageStore
    var accounts: Accounts
    var catalog: CriteriaCatalog
    var scans: ScanCache
    var overlays: LRUCache<LesionOverlay>
    var jobs: Jobs
    var resources: StaticResources

    var lesionWorkflow: LesionWorkflow { LesionWorkflow(database: database, store: store) }
    var trackingWorkflow: TrackingWorkflow { TrackingWorkflow(database: database, store: store) }
}
