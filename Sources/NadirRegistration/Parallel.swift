internal import Foundation

/// Work splitting over the machine's cores.
enum Parallel {
    /// Number of worker chunks to split a large loop into (a few per core, for load balance).
    static let chunkCount = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)

    /// Runs `body(chunk, range)` for up to `chunks` contiguous ranges covering `0..<count`, concurrently
    /// when `count` is large enough to pay for the threads.
    ///
    /// The body usually writes through unsafe buffer pointers into disjoint ranges (or its own `chunk`
    /// slot), which is race-free by construction but not expressible as `Sendable`; hence the unchecked hop.
    static func forEachChunk(count: Int, chunks: Int = chunkCount, minimumPerChunk: Int = 4096,
                             _ body: (Int, Range<Int>) -> Void) {
        let n = max(1, min(chunks, count / max(1, minimumPerChunk)))
        if n == 1 {
            body(0, 0..<count)
            return
        }
        withoutActuallyEscaping(body) { escaping in
            nonisolated(unsafe) let work = escaping
            DispatchQueue.concurrentPerform(iterations: n) { chunk in
                work(chunk, (count * chunk / n)..<(count * (chunk + 1) / n))
            }
        }
    }
}
