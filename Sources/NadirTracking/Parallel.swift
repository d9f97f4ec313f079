internal import Foundation

/// Work split over the machine's cores.
enum Parallel {
    /// Number of worker chunks for a large loop (a few per core, for load balance).
    static let chunkCount = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)

    /// Runs `body(range)` for contiguous ranges covering `0..<count`, concurrently when each range holds at least
    /// `minimumPerChunk` items. Bodies write through unsafe buffers into disjoint ranges (race-free by
    /// construction, not expressible as `Sendable`; hence the unchecked hop).
    static func forEachChunk(count: Int, minimumPerChunk: Int = 1, _ body: (Range<Int>) -> Void) {
        let n = max(1, min(chunkCount, count / max(1, minimumPerChunk)))
        if n == 1 {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { escaping in
            nonisolated(unsafe) let work = escaping
            DispatchQueue.concurrentPerform(iterations: n) { chunk in
                work((count * chunk / n)..<(count * (chunk + 1) / n))
            }
        }
    }
}

/// An unsafe buffer carried into concurrent work that writes disjoint parts of it.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
