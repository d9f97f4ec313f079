import Foundation
import NadirDICOM
import NadirImaging

extension Benchmarks {
    /// Where the 300-slice CT series lives; scripts/bench/dicom_peer.py times SimpleITK and pydicom on the same.
    static var dicomSeriesFolder: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["NADIR_BENCH_DICOM_DIR"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("nadir-bench-dicom-ct").path)
    }

    /// Writes a 512x512x300 CT phantom (body ellipse, lungs, bone, noise) with DICOMCTWriter, once.
    static func makeDICOMSeriesIfMissing() throws -> URL {
        let folder = dicomSeriesFolder
        let marker = folder.appendingPathComponent("CT0300.dcm")
        if FileManager.default.fileExists(atPath: marker.path) { return folder }
        let geometry = ImageGeometry(size: SIMD3(512, 512, 300), origin: SIMD3(-250, -250, -600),
                                     spacing: SIMD3(0.9765625, 0.9765625, 1.25))
        var volume = Volume<Int16>(geometry: geometry, repeating: -1000)
        var state: UInt32 = 12_345
        volume.withUnsafeMutableVoxels { voxels in
            for z in 0..<300 {
                for y in 0..<512 {
                    for x in 0..<512 {
                        let u = (Double(x) - 256) / 220, v = (Double(y) - 256) / 160
                        state = state &* 1_664_525 &+ 1_013_904_223
                        let noise = Int16(truncatingIfNeeded: Int(state >> 27) - 16)
                        var hu: Int16 = -1000
                        if u * u + v * v < 1 { hu = 40 }
                        let lung = (abs(u) - 0.45) * (abs(u) - 0.45) / 0.08 + v * v / 0.5
                        if u * u + v * v < 1 && lung < 1 { hu = -850 }
                        if (u * u + (v - 0.7) * (v - 0.7)) < 0.01 { hu = 900 + Int16(z % 50) }
                        voxels[(z * 512 + y) * 512 + x] = hu &+ noise
                    }
                }
            }
        }
        try DICOMCTWriter(subjectID: "BENCH-001", studyDate: "20240101").write(volume, to: folder)
        return folder
    }

    /// Reading a 300-slice 512x512 CT series into a volume (scan headers, sort, decode, rescale).
    static var dicom: [Benchmark] {
        [
            Benchmark(name: "dicom read 300x512x512 CT series", peer: "dicom_peer.py SimpleITK, pydicom",
                      iterations: 5) {
                let folder = try makeDICOMSeriesIfMissing()
                return {
                    let scan = DICOMSeriesScanner.scan(folder: folder)
                    guard let series = scan.series.first, scan.series.count == 1 else {
                        throw DICOMError(.inconsistentSeries, "expected one series in \(folder.path)")
                    }
                    let (volume, _, _) = try DICOMSeriesReader.readVolume(series: series)
                    guard volume.geometry.size == SIMD3(512, 512, 300) else {
                        throw DICOMError(.inconsistentSeries, "read \(volume.geometry.size)")
                    }
                }
            },
        ]
    }
}
