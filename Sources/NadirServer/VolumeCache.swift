internal import Foundation
internal import NadirImaging
internal import NadirModel
internal import NadirStore
internal import NadirWorkflow
internal import Synchronization

/// A small least-recently-used cache of loaded values (scans as HU, lesion overlays), keyed by content hash.
///
/// Loading a stored scan (gzip NIfTI, hash verified) takes about a second; a slice from a loaded scan takes
/// microseconds. The cache keeps the last `capacity` values; a value is loaded outside the lock, so two first
/// requests may both load it (harmless: same content).
final class LRUCache<Value: Sendable>: Sendable {
    private struct State {
        var values: [String: Value] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func value(for key: String, load: () throws -> Value) rethrows -> Value {
        if let hit = state.withLock({ s -> Value? in
            guard let value = s.values[key] else { return nil }
            s.order.removeAll { $0 == key }
            s.order.append(key)
            return value
        }) {
            return hit
        }
        let loaded = try load()
        state.withLock { s in
            s.values[key] = loaded
            s.order.removeAll { $0 == key }
            s.order.append(key)
            while s.order.count > capacity {
                let evicted = s.order.removeFirst()
                s.values[evicted] = nil
            }
        }
        return loaded
    }
}

/// The scans of visits, loaded once and kept (LRU of 4 scans: a baseline and a follow-up side by side for two
/// users).
struct ScanCache: Sendable {
    var database: CaseDatabase
    var store: ImageStore
    let volumes = LRUCache<Volume<Int16>>(capacity: 4)

    /// The visit's scan as HU, with its record.
    func scan(_ subject: SubjectID, visit: String) throws -> (ScanReference, Volume<Int16>) {
        guard let reference = try database.read({ try $0.scan(subject, visit: visit) }) else {
            throw ServerError(.notFound, "\(subject) \(visit) has no scan; import it first")
        }
        let volume = try volumes.value(for: reference.contentHash) {
            LesionImaging.hounsfield(try store.load(reference))
        }
        return (reference, volume)
    }
}
