import Foundation
import NadirImaging
import NadirRegistration

extension Benchmarks {
    /// Rigid registration and resampling of two 512 x 512 x 300 CT phantoms (peer: SimpleITK Euler3D +
    /// Mattes MI, `scripts/bench/registration_peer.py` on the pair written when `NADIR_BENCH_DATA` is set).
    static var registration: [Benchmark] {
        [
            Benchmark(name: "register rigid Mattes MI 512x512x300", peer: "SimpleITK Euler3D + Mattes MI",
                      iterations: 3) {
                let (fixed, moving) = try phantomPair()
                return {
                    let result = try RigidRegistrar().register(fixed: fixed, moving: moving)
                    report(result, "Mattes MI")
                }
            },
            Benchmark(name: "register rigid NCC 512x512x300", peer: nil, iterations: 3) {
                let (fixed, moving) = try phantomPair()
                return {
                    let result = try RigidRegistrar(RegistrationConfiguration(metric: .normalizedCrossCorrelation))
                        .register(fixed: fixed, moving: moving)
                    report(result, "NCC")
                }
            },
            Benchmark(name: "resample linear 512x512x300 rigid", peer: "SimpleITK Resample linear", iterations: 5) {
                let (fixed, moving) = try phantomPair()
                return {
                    _ = try Resampler.resample(moving, onto: fixed.geometry, transform: RegistrationPhantom.truth)
                }
            },
            Benchmark(name: "resample nearest labels 512x512x300 rigid", peer: "SimpleITK Resample nearest",
                      iterations: 5) {
                let (_, moving) = try phantomPair()
                let labels = moving.converted { UInt8(min(max(($0 + 1000) / 10, 0), 255)) }
                return {
                    _ = try Resampler.resample(labels, onto: RegistrationPhantom.geometry,
                                               transform: RegistrationPhantom.truth, interpolation: .nearestNeighbor)
                }
            },
        ]
    }

    /// The phantom pair, rendered once per process; written for the peer when `NADIR_BENCH_DATA` names a folder.
    static func phantomPair() throws -> (Volume<Float>, Volume<Float>) {
        if let cached = PhantomCache.pair { return cached }
        let fixed = RegistrationPhantom.render(lesions: RegistrationPhantom.baselineLesions,
                                               anatomyToScan: .identity, seed: 1)
        let moving = RegistrationPhantom.render(lesions: RegistrationPhantom.followUpLesions,
                                                anatomyToScan: RegistrationPhantom.truth, seed: 2)
        if let folder = ProcessInfo.processInfo.environment["NADIR_BENCH_DATA"] {
            let directory = URL(fileURLWithPath: folder, isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try RegistrationPhantom.writeMetaImage(fixed, to: directory, name: "fixed")
            try RegistrationPhantom.writeMetaImage(moving, to: directory, name: "moving")
            try RegistrationPhantom.writeTruth(to: directory)
        }
        PhantomCache.pair = (fixed, moving)
        return (fixed, moving)
    }

    /// Prints the accuracy of one run (target registration error against the known transform) to stderr.
    static func report(_ result: RegistrationResult, _ label: String) {
        let errors = RegistrationPhantom.errorPoints.map {
            let d = result.transform.apply(to: $0) - RegistrationPhantom.truth.apply(to: $0)
            return (d * d).sum().squareRoot()
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        let levels = result.levels.map { "L\($0.level):\($0.iterations)" }.joined(separator: " ")
        FileHandle.standardError.write(Data(String(
            format: "  %@: TRE mean %.3f mm, max %.3f mm over %d points; iterations %@\n", label, mean,
            errors.max() ?? -1, errors.count, levels).utf8))
    }
}

/// The rendered pair, shared by the registration benchmarks (the process is single-threaded between runs).
enum PhantomCache {
    nonisolated(unsafe) static var pair: (Volume<Float>, Volume<Float>)?
}
