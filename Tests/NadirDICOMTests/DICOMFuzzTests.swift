import Foundation
import NadirDICOM
import Testing

/// A mutation fuzzer over fixture files from every syntax: flipped bytes, huge lengths, truncation, insertions.
/// Any outcome but a crash is accepted. `NADIR_FUZZ_COUNT` raises the count (scripts/fuzz-dicom.sh).
@Suite struct DICOMFuzzTests {
    static let seeds = ["ct-explicit-le/IM0000", "ct-implicit-le/IM0001", "ct-explicit-be/IM0002",
                        "ct-deflated/IM0003", "ct-raw-implicit/IM0004", "ct-rle/IM0000", "ct-jpeg-sv1/IM0001",
                        "ct-jpeg-sv6/IM0002", "ct-enhanced/MF0001", "seg/seg-binary.dcm", "seg/seg-fractional.dcm"]

    /// SplitMix64: a fixed-seed generator so a failing mutation can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static func mutate(_ input: [UInt8], _ g: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0...g.below(4) {
            guard !bytes.isEmpty else { break }
            let at = g.below(bytes.count)
            switch g.below(6) {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << g.below(8))
            case 1: bytes[at] = UInt8(truncatingIfNeeded: g.next())
            case 2:
                let field: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0xF0, 0xFF, 0xFF, 0x7F], [0, 0, 0, 0],
                                      [0xFE, 0xFF, 0x00, 0xE0]][g.below(4)]
                for (k, b) in field.enumerated() where at + k < bytes.count { bytes[at + k] = b }
            case 3: bytes.removeSubrange(at...)
            case 4: bytes.insert(contentsOf: (0..<g.below(16)).map { _ in UInt8(truncatingIfNeeded: g.next()) }, at: at)
            default: bytes.removeSubrange(at..<min(bytes.count, at + g.below(32) + 1))
            }
        }
        return bytes
    }

    /// Everything a reader does with a file: parse, frames' geometry, pixels, metadata.
    static func exercise(_ bytes: [UInt8], series: DICOMSeriesSummary) -> Bool {
        do {
            let file = try DICOMFileReader.read(data: Data(bytes))
            _ = ScanMetadata(dataSet: file.dataSet)
            _ = try? DICOMSlice.slices(of: file, url: URL(fileURLWithPath: "/fuzz"))
            _ = try? DICOMSegmentationReader.read(file: file, onto: series)
            _ = try file.storedValues(frame: 0)
            return true
        } catch {
            return !error.description.isEmpty
        }
    }

    @Test func thousandsOfMutatedFilesNeverCrashTheReader() throws {
        let count = ProcessInfo.processInfo.environment["NADIR_FUZZ_COUNT"].flatMap(Int.init) ?? 3000
        let inputs = try Self.seeds.map { [UInt8](try Data(contentsOf: Fixtures.url($0))) }
        let series = try Fixtures.imageSeries("ct-explicit-le")
        var g = Generator(state: 20_261_123)
        var readable = 0
        for i in 0..<count {
            let mutated = Self.mutate(inputs[i % inputs.count], &g)
            if (try? DICOMFileReader.read(data: Data(mutated))) != nil { readable += 1 }
            #expect(Self.exercise(mutated, series: series))
        }
        // Some mutations must survive parsing, or the fuzzer only tests the first bytes.
        #expect(readable > count / 10)
        if count > 3000 { print("fuzz: \(count) mutated files, \(readable) still parsed, 0 crashes") }
    }
}
