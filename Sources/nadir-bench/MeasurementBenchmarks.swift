import Foundation
import NadirImaging
import NadirMeasurement
import NadirSegmentation
import NadirTestSupport

extension Benchmarks {
    /// The 512x512x300 chest phantom (0.7 x 0.7 x 1.0 mm), rendered once and shared by the benchmarks below.
    nonisolated(unsafe) static var chestPhantom: PhantomImage?

    static func chest() -> PhantomImage {
        if let image = chestPhantom { return image }
        let image = SyntheticCT.chest().render()
        chestPhantom = image
        exportForPeer(image)
        return image
    }

    /// With NADIR_BENCH_EXPORT=<dir>, writes the phantom as raw little-endian volumes plus a JSON header, so
    /// `scripts/bench/measure_peer.py` times SimpleITK and scipy on exactly the same input.
    static func exportForPeer(_ image: PhantomImage) {
        guard let dir = ProcessInfo.processInfo.environment["NADIR_BENCH_EXPORT"] else { return }
        let url = URL(fileURLWithPath: dir)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let g = image.ct.geometry
        image.ct.withUnsafeVoxels { try? Data(buffer: $0).write(to: url.appendingPathComponent("ct.raw")) }
        image.labels.withUnsafeVoxels { try? Data(buffer: $0).write(to: url.appendingPathComponent("labels.raw")) }
        let seeds = SyntheticCT.lesions.map { l -> [String: Any] in
            ["label": Int(l.label), "name": l.name, "centre": [l.centre.x, l.centre.y, l.centre.z],
             "index": g.index(of: l.centre).map { [$0.x, $0.y, $0.z] } ?? []]
        }
        let header: [String: Any] = [
            "size": [g.size.x, g.size.y, g.size.z], "spacing": [g.spacing.x, g.spacing.y, g.spacing.z],
            "origin": [g.origin.x, g.origin.y, g.origin.z], "lesions": seeds, "boneThreshold": 200,
        ]
        if let json = try? JSONSerialization.data(withJSONObject: header, options: [.prettyPrinted, .sortedKeys]) {
            try? json.write(to: url.appendingPathComponent("phantom.json"))
        }
    }

    /// Measurement and segmentation on the chest phantom; peers in scripts/bench/measure_peer.py.
    static var measurement: [Benchmark] {
        [
            Benchmark(name: "phantom render 512x512x300", peer: nil, iterations: 1) {
                { _ = SyntheticCT.chest().render() }
            },
            Benchmark(name: "measure all lesions 512x512x300", peer: "sitk LabelShapeStatistics+Feret", iterations: 5) {
                let image = chest()
                return {
                    let all = try LesionMeasurer().measureAll(in: image.labels, image: .computedTomography(image.ct))
                    precondition(all.count == SyntheticCT.lesions.count)
                }
            },
            Benchmark(name: "components 26-conn bone mask relabel by size UInt16", peer: "sitk ConnectedComponent, scipy label",
                      iterations: 5) {
                let bone = chest().ct.mask(in: 200...Int16.max)
                return { _ = try ConnectedComponents.label(bone, connectivity: .twentySix).relabeledBySize() }
            },
            Benchmark(name: "components 26-conn bone mask to UInt32 volume", peer: "sitk ConnectedComponent",
                      iterations: 5) {
                let bone = chest().ct.mask(in: 200...Int16.max)
                return { _ = ConnectedComponents.label(bone, connectivity: .twentySix).labelVolume() }
            },
        ] + SyntheticCT.lesions.map { lesion in
            Benchmark(name: "seeded segmentation \(lesion.name)", peer: "sitk ConnectedThreshold", iterations: 5) {
                let ct = chest().ct
                let preset: SegmentationPreset = switch SyntheticCT.presetName(of: lesion) {
                case "liver": .liver
                case "lung": .lung
                default: .lymphNode
                }
                return { _ = try SeededSegmenter(preset: preset).segment(ct, seed: .physical(lesion.centre)) }
            }
        }
    }
}
