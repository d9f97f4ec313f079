internal import Foundation
internal import Synchronization

/// Long work (scan import, tracking) run off the request: the page polls GET /api/jobs/{id} for its progress
/// lines and its result. Jobs are kept in memory (the last 100); only their owner may read them.
final class Jobs: Sendable {
    struct Job: Sendable, Encodable {
        var id: String
        var owner: String
        var title: String
        var state: String  // running, done, failed
        var progress: [String]
        var error: String?
        var result: String?
        var startedAt: Date
        var finishedAt: Date?
    }

    private let jobs = Mutex<[String: Job]>([:])

    /// Starts `work` on a background thread; it reports lines through its argument and returns a short result.
    func start(owner: String, title: String, _ work: @escaping @Sendable (_ progress: @escaping @Sendable (String) -> Void) throws -> String) -> Job {
        let id = UUID().uuidString.lowercased()
        let job = Job(id: id, owner: owner, title: title, state: "running", progress: [], startedAt: Date())
        jobs.withLock { all in
            if all.count >= 100, let oldest = all.values.filter({ $0.state != "running" }).min(by: { $0.startedAt < $1.startedAt }) {
                all[oldest.id] = nil
            }
            all[id] = job
        }
        DispatchQueue.global(qos: .userInitiated).async {
            let report: @Sendable (String) -> Void = { line in self.jobs.withLock { $0[id]?.progress.append(line) } }
            do {
                let result = try work(report)
                self.jobs.withLock { $0[id]?.state = "done"; $0[id]?.result = result; $0[id]?.finishedAt = Date() }
            } catch {
                let message = ServerError.from(error).message
                self.jobs.withLock { $0[id]?.state = "failed"; $0[id]?.error = message; $0[id]?.finishedAt = Date() }
            }
        }
        return job
    }

    func job(_ id: String, owner: String) -> Job? {
        jobs.withLock { all in all[id].flatMap { $0.owner == owner ? $0 : nil } }
    }
}

/// Runs blocking work (segmentation, database writes, scan loading) on a global queue, off Swift's cooperative
/// threads (two on this machine), so slices keep flowing while a lesion is segmented.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
