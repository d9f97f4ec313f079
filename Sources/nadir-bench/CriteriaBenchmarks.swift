import Foundation
import NadirCriteria
import NadirModel

extension Benchmarks {
    /// The response-criteria engine: 10,000 synthetic patients x (baseline + 8 follow-ups) under RECIST 1.1,
    /// every timepoint with sums, changes, categories and traces, plus BOR (issue target: <= 1 s).
    static var criteria: [Benchmark] {
        [
            Benchmark(name: "criteria RECIST 1.1 10k patients x 8 tp", peer: nil, iterations: 5) {
                let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent()
                let catalog = try CriteriaCatalog(directories: [root.appendingPathComponent("Criteria")])
                let evaluator = ResponseEvaluator(definition: try catalog.definition(id: .recist11))
                let histories = (0..<10_000).map(syntheticHistory)
                return {
                    let chunks = 2
                    let results = DisjointCounts(count: chunks)
                    defer { results.buffer.deallocate() }
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        var responders = 0
                        var index = chunk
                        while index < histories.count {
                            let assessment = evaluator.assess(histories[index])
                            if assessment.bestOverallResponse.unconfirmed == .partialResponse { responders &+= 1 }
                            index &+= chunks
                        }
                        results.buffer[chunk] = responders
                    }
                    if results.buffer.reduce(0, +) == 0 { throw BenchmarkError(description: "no responders: the synthetic data is wrong") }
                }
            },
        ]
    }

    /// A patient with three targets (one nodal), one non-target, a baseline and eight follow-ups 6 weeks apart,
    /// with deterministic pseudo-random sizes (shrinking, stable or growing).
    static func syntheticHistory(_ n: Int) -> PatientHistory {
        let subject = SubjectID("P\(n)")
        var state = UInt64(n) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next() -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64(state >> 33)
        }
        let lesions = [
            Lesion(subjectID: subject, id: "T01", trackingUID: "\(n)-1", role: .target, organ: "LIVER", isNodal: false),
            Lesion(subjectID: subject, id: "T02", trackingUID: "\(n)-2", role: .target, organ: "LUNG", isNodal: false),
            Lesion(subjectID: subject, id: "T03", trackingUID: "\(n)-3", role: .target, organ: "LYMPH NODE", isNodal: true),
            Lesion(subjectID: subject, id: "NT01", trackingUID: "\(n)-4", role: .nonTarget, organ: "BONE", isNodal: false),
        ]
        let trend = next() % 3 - 1  // -1 shrinking, 0 stable, +1 growing
        var timepoints: [TimePoint] = []
        var measurements: [NadirModel.Measurement] = []
        var statuses: [LesionStatus] = []
        var sizes: [Int64] = [1500 + next() % 3000, 1200 + next() % 2000, 1500 + next() % 1500]
        for visit in 0...8 {
            let label = visit == 0 ? "BL" : "W\(visit * 6)"
            timepoints.append(TimePoint(subjectID: subject, visit: label, date: CalendarDate(daysSinceEpoch: 19_000 + 42 * visit),
                                        isBaseline: visit == 0))
            for (i, lesion) in lesions.prefix(3).enumerated() {
                let length = Length(units: max(0, sizes[i]))
                measurements.append(NadirModel.Measurement(subjectID: subject, lesionID: lesion.id, visit: label, state: .measured,
                                                longAxis: lesion.isNodal ? nil : length, shortAxis: lesion.isNodal ? length : nil,
                                                reader: "BENCH"))
                sizes[i] += trend * (next() % 300) + (next() % 100 - 50)
            }
            statuses.append(LesionStatus(subjectID: subject, lesionID: "NT01", visit: label, status: .present, reader: "BENCH"))
        }
        return PatientHistory(patient: Patient(subjectID: subject, trialID: "BENCH"), timepoints: timepoints, lesions: lesions,
                              measurements: measurements, statuses: statuses)
    }
}

/// Per-worker counters; each worker writes only its own index, so sharing the buffer is race-free.
struct DisjointCounts: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: 0)
    }
}

/// A benchmark whose output shows its input is wrong.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
}
