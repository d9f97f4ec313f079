import Foundation
import NadirCompression
import NadirImageIO
import NadirImaging

extension Benchmarks {
    /// Where the NIfTI benchmarks leave their files for `scripts/bench/nifti_peer.py` (SimpleITK, nibabel).
    static let niftiFolder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["NADIR_BENCH_DIR"]
        ?? "/tmp/nadir-bench")

    /// A CT-like 512x512x300 int16 volume: air (-1000), an elliptic body of soft tissue (40 HU) with lungs
    /// (-850) and a spine (700), plus seeded noise of about +-20 HU: compresses about as real CT does.
    static func ctPhantom() -> AnyVolume {
        let geometry = ImageGeometry(size: [512, 512, 300], origin: [-249.5, -249.5, -300], spacing: [0.9765625, 0.9765625, 1.25])
        var volume = Volume<Int16>(geometry: geometry, repeating: 0)
        volume.withUnsafeMutableVoxels { p in
            var state: UInt32 = 12345
            var k = 0
            for z in 0..<300 {
                for y in 0..<512 {
                    let dy = Double(y - 256) / 180
                    for x in 0..<512 {
                        let dx = Double(x - 256) / 230
                        state = state &* 1_664_525 &+ 1_013_904_223
                        let noise = Int16(truncatingIfNeeded: Int(state >> 27) - 16) + Int16(z % 3)
                        var value: Int16 = -1000
                        if dx * dx + dy * dy < 1 {
                            value = 40 + noise
                            let lx = abs(dx) - 0.45, ly = dy + 0.1
                            if lx * lx / 0.09 + ly * ly / 0.3 < 1, z > 60 { value = -850 + noise }
                            let sx = dx, sy = dy - 0.6
                            if sx * sx + sy * sy < 0.01 { value = 700 + 4 * noise }
                        }
                        p[k] = value
                        k += 1
                    }
                }
            }
        }
        return .int16(volume)
    }

    /// Process CPU seconds (all threads, user + system): with wall-clock time, shows whether a slow run was
    /// slow work or a machine shared with other jobs.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// `body`, printing its CPU time to standard error on every run.
    static func reportingCPU(_ label: String, _ body: @escaping () throws -> Void) -> () throws -> Void {
        {
            let start = cpuSeconds()
            try body()
            FileHandle.standardError.write(Data(String(format: "  %@: %.0f ms CPU\n", label, (cpuSeconds() - start) * 1000).utf8))
        }
    }

    /// The phantom, made and written once per run (setup is not timed, but it is slow).
    nonisolated(unsafe) static var preparedPhantom: AnyVolume?

    static var nifti: [Benchmark] {
        let ours = niftiFolder.appendingPathComponent("ct-nadir.nii.gz")
        let single = niftiFolder.appendingPathComponent("ct-single-member.nii.gz")
        let plain = niftiFolder.appendingPathComponent("ct.nii")
        func prepare() throws -> AnyVolume {
            if let cached = preparedPhantom { return cached }
            try FileManager.default.createDirectory(at: niftiFolder, withIntermediateDirectories: true)
            let volume = ctPhantom()
            try NIfTIWriter().write(volume, to: ours)
            try NIfTIWriter().write(volume, to: plain)
            // One gzip member, as nibabel and SimpleITK write: the sequential-inflate case.
            let bytes = try NIfTIWriter().encode(volume, compressed: false).joined()
            let packed = try Array(bytes).withUnsafeBytes { try Zlib.deflate($0, format: .gzip, level: 6) }
            try Data(packed).write(to: single)
            preparedPhantom = volume
            return volume
        }
        var list: [Benchmark] = []
        for level in [1, 3, 6] {
            list.append(Benchmark(name: "nifti write .nii.gz 512x512x300 int16 L\(level)", peer: "sitk write", iterations: 3) {
                let volume = try prepare()
                let url = niftiFolder.appendingPathComponent("ct-write-L\(level).nii.gz")
                return reportingCPU("write L\(level)") {
                    try NIfTIWriter(compressionLevel: level).write(volume, to: url)
                    let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                    FileHandle.standardError.write(Data("  L\(level): \(bytes) bytes\n".utf8))
                }
            })
        }
        list.append(Benchmark(name: "nifti read .nii.gz ours (multi-member)", peer: "sitk read ct-nadir.nii.gz") {
            _ = try prepare()
            return reportingCPU("read ours") { _ = try NIfTIReader().read(url: ours) }
        })
        list.append(Benchmark(name: "nifti read .nii.gz single member", peer: "sitk read ct-single-member.nii.gz") {
            _ = try prepare()
            return reportingCPU("read single") { _ = try NIfTIReader().read(url: single) }
        })
        list.append(Benchmark(name: "nifti read .nii uncompressed", peer: "sitk read ct.nii") {
            _ = try prepare()
            return reportingCPU("read .nii") { _ = try NIfTIReader().read(url: plain) }
        })
        list.append(Benchmark(name: "content hash 512x512x300 int16", peer: "hashlib sha256") {
            let volume = ctPhantom()
            return { _ = volume.contentHash }
        })
        return list
    }
}
