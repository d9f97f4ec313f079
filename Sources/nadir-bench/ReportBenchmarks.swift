import Foundation
import NadirCriteria
import NadirImaging
import NadirModel
import NadirReport

extension Benchmarks {
    /// The whole report folder of a synthetic 1,000-patient, 8-timepoint trial (no galleries): HTML, Markdown,
    /// SVG charts, CSV and SDTM exports. Target: <= 10 s.
    static var report: [Benchmark] {
        [
            Benchmark(name: "report 1000 patients x 8 timepoints", peer: nil, iterations: 3) {
                let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent()
                let catalog = try CriteriaCatalog(directories: [root.appendingPathComponent("Criteria")])
                let trial = SyntheticTrial.make(patients: 1000, timepoints: 8,
                                                definition: try catalog.definition(id: .recist11))
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-bench-report")
                return {
                    try ReportWriter.write(trial: trial, to: dir)
                }
            },
            Benchmark(name: "snapshot 512x512x300 CT, 4 images of 256 px", peer: nil, iterations: 5) {
                let geometry = ImageGeometry(size: [512, 512, 300], origin: [-200, -200, -300],
                                             spacing: [0.78, 0.78, 2])
                var ct = Volume<Int16>(geometry: geometry, repeating: 40)
                var mask = Volume<UInt8>(geometry: geometry, repeating: 0)
                let center = SIMD3<Double>(0, 0, 0)
                // A 15 mm sphere: lesion voxels only, the rest stays background.
                let c = geometry.continuousIndex(of: center) ?? .zero
                for z in Int(c.z) - 8...Int(c.z) + 8 {
                    for y in Int(c.y) - 20...Int(c.y) + 20 {
                        for x in Int(c.x) - 20...Int(c.x) + 20
                        where norm(geometry.physicalPoint(at: SIMD3<Int>(x, y, z)) - center) <= 15 {
                            ct[x, y, z] = 90
                            mask[x, y, z] = 1
                        }
                    }
                }
                let request = SnapshotRequest(lesionID: "T01", visit: "BASELINE", organ: "LIVER", label: 1,
                                              longAxis: AxisSegment(start: center - [15, 0, 0], end: center + [15, 0, 0]))
                let renderer = SnapshotRenderer(imageSize: 256)
                return { _ = try renderer.render(ct: ct, mask: mask, request: request) }
            },
        ]
    }
}

/// A deterministic synthetic trial: 3 targets (one nodal), 1 non-target per patient following a per-patient
/// trajectory, assessed by the rule engine as `nadir report` does.
enum SyntheticTrial {
    static func make(patients: Int, timepoints: Int, definition: CriteriaDefinition) -> TrialReportData {
        let evaluator = ResponseEvaluator(definition: definition)
        let trial = Trial(id: "BENCH-01", protocolName: "Synthetic benchmark trial")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let start = CalendarDate(daysSinceEpoch: 19_000)
        var list: [PatientReportData] = []
        for p in 0..<patients {
            let s = SubjectID("BENCH-\(String(p + 1))")
            let slope = random() * 1.2 - 0.7  // change per visit in fractions of baseline
            let tps = (0..<timepoints).map { i in
                TimePoint(subjectID: s, visit: i == 0 ? "BASELINE" : "WEEK \(i * 6)", date: start.adding(days: i * 42 + p % 30),
                          isBaseline: i == 0, modality: "CT")
            }
            var lesions: [LesionRecord] = []
            for l in 0..<3 {
                let nodal = l == 2
                let id = LesionID("T0\(l + 1)")
                let base = 1500 + Int64(random() * 3000)
                let ms = tps.enumerated().map { i, tp -> NadirModel.Measurement in
                    let factor = max(0.0, 1 + slope * Double(i) / Double(timepoints))
                    let v = Length(units: Int64(Double(base) * factor))
                    return NadirModel.Measurement(subjectID: s, lesionID: id, visit: tp.visit, state: .measured,
                                       longAxis: nodal ? Length(units: v.units + 500) : v, shortAxis: nodal ? v : nil,
                                       volume: VolumeMeasure(units: v.units * v.units / 10), reader: "RADIOLOGIST 1")
                }
                lesions.append(LesionRecord(lesion: Lesion(subjectID: s, id: id, trackingUID: "2.25.\(p).\(l)", role: .target,
                                                           organ: nodal ? "LYMPH NODE" : (l == 0 ? "LIVER" : "LUNG"),
                                                           isNodal: nodal), measurements: ms))
            }
            lesions.append(LesionRecord(
                lesion: Lesion(subjectID: s, id: "NT01", trackingUID: "2.25.\(p).9", role: .nonTarget, organ: "BONE", isNodal: false),
                statuses: tps.map { LesionStatus(subjectID: s, lesionID: "NT01", visit: $0.visit, status: .present, reader: "RADIOLOGIST 1") }))
            let patient = Patient(subjectID: s, trialID: trial.id, site: "SITE \(p % 12)", arm: p % 2 == 0 ? "A" : "B")
            let assessment = evaluator.assess(PatientHistory(
                patient: patient, timepoints: tps, lesions: lesions.map(\.lesion),
                measurements: lesions.flatMap(\.measurements), statuses: lesions.flatMap(\.statuses),
                treatmentStart: start))
            let progressed = assessment.timepoints.contains { $0.overall == .progressiveDisease }
            list.append(PatientReportData(
                patient: patient, trial: trial,
                criteria: CriteriaSummary(definition, policies: assessment.policies.recorded), timepoints: tps,
                lesions: lesions, reads: [ReaderRead(reader: "RADIOLOGIST 1", assessment: assessment)],
                treatmentStart: start, isOngoing: !progressed))
        }
        return TrialReportData(trial: trial, patients: list)
    }
}
