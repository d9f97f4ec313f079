import Foundation

// nadir-bench: release-build benchmarks of Nadir's hot paths; prints medians (and JSON with --json).
// scripts/benchmark runs it beside the peer tools (SimpleITK, pydicom, nibabel, scipy) and prints ratios.

func allBenchmarks() -> [Benchmark] {
    var list: [Benchmark] = []
    list += Benchmarks.compression
    list += Benchmarks.criteria
    list += Benchmarks.report
    list += Benchmarks.dicom
    list += Benchmarks.nifti
    list += Benchmarks.registration
    list += Benchmarks.measurement
    return list
}

func runBenchmarks() -> Int32 {
    let arguments = CommandLine.arguments.dropFirst()
    var filter: String?
    var json = false
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        switch argument {
        case "--filter": filter = iterator.next()
        case "--json": json = true
        case "--list":
            for b in allBenchmarks() { print(b.name) }
            return 0
        default:
            FileHandle.standardError.write(Data("usage: nadir-bench [--filter SUBSTRING] [--json] [--list]\n".utf8))
            return 2
        }
    }
    var results: [BenchmarkResult] = []
    for benchmark in allBenchmarks() where filter.map({ benchmark.name.contains($0) }) ?? true {
        do {
            let result = try BenchmarkRunner.run(benchmark)
            results.append(result)
            if !json {
                let ms = String(format: "%10.2f ms", result.medianSeconds * 1000)
                print("\(benchmark.name.padding(toLength: 48, withPad: " ", startingAt: 0)) median \(ms)  (n=\(result.iterations))")
            }
        } catch {
            FileHandle.standardError.write(Data("\(benchmark.name): \(error)\n".utf8))
            return 1
        }
    }
    if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(results) { print(String(decoding: data, as: UTF8.self)) }
    }
    return 0
}

exit(runBenchmarks())
