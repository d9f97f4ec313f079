import Foundation
import NadirCompression

enum Benchmarks {}

extension Benchmarks {
    /// zlib through our wrapper, on CT-like 16-bit data (the cost floor of .nii.gz and PNG).
    static var compression: [Benchmark] {
        [
            Benchmark(name: "zlib inflate gzip 64 MiB int16", peer: nil, iterations: 3) {
                var voxels = [Int16](repeating: 0, count: 32 << 20)
                var state: UInt32 = 7
                for i in voxels.indices {
                    state = state &* 1_664_525 &+ 1_013_904_223
                    voxels[i] = Int16(truncatingIfNeeded: Int(state >> 24) - 1000 + (i % 512))
                }
                let packed = try voxels.withUnsafeBytes { try Zlib.deflate($0, format: .gzip, level: 1) }
                let data = Data(packed)
                return { _ = try Zlib.inflate(data, format: .gzip, expectedSize: voxels.count * 2) }
            },
        ]
    }
}
