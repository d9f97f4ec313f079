import Foundation

/// One benchmark: a setup that builds the input (not timed) and a body that is timed.
struct Benchmark {
    /// A stable name, printed and matched by `--filter`.
    var name: String
    /// What the peer tool (SimpleITK, pydicom, ...) is measured on in `scripts/bench`, if any.
    var peer: String?
    /// How many timed runs to take the median of.
    var iterations: Int = 5
    /// Builds the state, returns the timed body. Runs once, untimed.
    var setup: () throws -> () throws -> Void
}

/// The result of one benchmark.
struct BenchmarkResult: Codable {
    var name: String
    var medianSeconds: Double
    var minSeconds: Double
    var iterations: Int
}

enum BenchmarkRunner {
    /// Runs `benchmark`: setup once, then `iterations` timed runs; reports the median wall-clock time.
    static func run(_ benchmark: Benchmark) throws -> BenchmarkResult {
        let body = try benchmark.setup()
        try body()  // warm-up: page in memory, fill caches
        var times: [Double] = []
        for _ in 0..<max(1, benchmark.iterations) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        let median = times.count % 2 == 1
            ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        return BenchmarkResult(name: benchmark.name, medianSeconds: median, minSeconds: times[0],
                               iterations: times.count)
    }
}
