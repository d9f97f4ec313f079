import Foundation
import NadirImageIO
import Testing

/// Malformed files get an `ImageIOError` with the right code and location, never a crash.
@Suite struct BadInputTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: FixtureTruth.folder.appendingPathComponent(name)))
    }

    static func nifti(_ bytes: [UInt8]) -> ImageIOError? {
        do { _ = try NIfTIReader().read(data: Data(bytes)); return nil } catch { return error }
    }

    static func nrrd(_ bytes: [UInt8], file: URL? = nil) -> ImageIOError? {
        do { _ = try NRRDReader().read(data: Data(bytes), file: file); return nil } catch { return error }
    }

    static func setInt16(_ bytes: inout [UInt8], _ offset: Int, _ value: Int16) {
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    @Test func truncatedHeaderAndTruncatedVoxels() throws {
        let good = try Self.fixture("n1_int16.nii")
        #expect(Self.nifti(Array(good.prefix(200)))?.code == .truncatedFile)
        let cut = Self.nifti(Array(good.dropLast(10)))
        #expect(cut?.code == .truncatedFile)
        #expect(cut?.byteOffset == good.count - 10)
    }

    @Test func wrongHeaderSizeAndMagic() throws {
        var bytes = try Self.fixture("n1_int16.nii")
        bytes[0] = 0x5D  // 349
        let size = Self.nifti(bytes)
        #expect(size?.code == .badHeaderSize)
        #expect(size?.field == "sizeof_hdr" && size?.byteOffset == 0)
        bytes = try Self.fixture("n1_int16.nii")
        bytes[346] = UInt8(ascii: "3")
        #expect(Self.nifti(bytes)?.code == .badMagic)
    }

    @Test func dimensionsThatOverflowOrDoNotMatchTheFile() throws {
        var bytes = try Self.fixture("n1_int16.nii")
        for axis in 1...3 { Self.setInt16(&bytes, 40 + 2 * axis, 100) }
        let mismatch = Self.nifti(bytes)
        #expect(mismatch?.code == .truncatedFile)  // 2,000,000 bytes promised, 772 present
        #expect(mismatch?.field == "dim/vox_offset")
        for axis in 1...3 { Self.setInt16(&bytes, 40 + 2 * axis, 30_000) }
        #expect(Self.nifti(bytes)?.code == .badDimensions)  // 5.4e13 bytes: more than any memory here
        bytes = try Self.fixture("n2_float32.nii")
        for axis in 1...3 { for k in 0..<8 { bytes[16 + 8 * axis + k] = k == 5 ? 0x10 : 0 } }  // 2^44 per axis
        #expect(Self.nifti(bytes)?.code == .badDimensions)
        bytes = try Self.fixture("n1_int16.nii")
        Self.setInt16(&bytes, 40, 9)
        #expect(Self.nifti(bytes)?.field == "dim[0]")
        Self.setInt16(&bytes, 40, 4)
        Self.setInt16(&bytes, 48, 2)
        #expect(Self.nifti(bytes)?.code == .unsupportedDimensions)
    }

    @Test func unknownAndUnsupportedDatatypes() throws {
        var bytes = try Self.fixture("n1_int16.nii")
        Self.setInt16(&bytes, 70, 1234)
        #expect(Self.nifti(bytes)?.code == .unknownDatatype)
        Self.setInt16(&bytes, 70, 32)
        #expect(Self.nifti(bytes)?.code == .unsupportedDatatype)
    }

    @Test func degenerateTransformsAndSpacing() throws {
        var bytes = try Self.fixture("n1_sform_only.nii")
        for k in 280..<328 { bytes[k] = 0 }  // sform all zero, no qform to fall back on
        #expect(Self.nifti(bytes)?.code == .degenerateMatrix)
        bytes = try Self.fixture("n1_qform_only.nii")
        bytes.replaceSubrange(80..<84, with: [0, 0, 0x80, 0xBF])  // pixdim[1] = -1
        #expect(Self.nifti(bytes)?.code == .badSpacing)
    }

    @Test func truncatedAndCorruptGzip() throws {
        let good = try Self.fixture("n1_int16_gz.nii.gz")
        #expect(Self.nifti(Array(good.prefix(good.count / 2)))?.code == .truncatedFile)
        var bad = good
        for k in 40..<60 { bad[k] ^= 0x55 }
        let code = Self.nifti(bad)?.code
        #expect(code == .corruptCompressedData || code == .badHeaderSize || code == .truncatedFile)
    }

    @Test func corruptMemberOfOurParallelGzipIsCaught() throws {
        let volume = Phantom.volume(.int16, size: [64, 48, 20])
        var bytes = try NIfTIWriter(chunkBytes: 1 << 16).encode(volume, compressed: true).flatMap { $0 }
        bytes[bytes.count - 7] ^= 0x10  // last member's CRC-32
        #expect(Self.nifti(bytes)?.code == .corruptCompressedData)
        bytes[bytes.count - 7] ^= 0x10
        bytes[bytes.count - 100] ^= 0x10  // inside the last member's DEFLATE data
        let code = Self.nifti(bytes)?.code
        #expect(code == .corruptCompressedData || code == .truncatedFile)
    }

    @Test func nrrdMissingFieldsEncodingsAndDataFiles() throws {
        let header = "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n\n"
        let voxels = [UInt8](repeating: 1, count: 16)
        #expect(Self.nrrd(Array(header.utf8) + voxels) == nil)
        let noSizes = header.replacingOccurrences(of: "sizes: 2 2 2\n", with: "")
        #expect(Self.nrrd(Array(noSizes.utf8) + voxels)?.field == "sizes")
        #expect(Self.nrrd(Array(noSizes.utf8) + voxels)?.code == .missingField)
        let bzip = header.replacingOccurrences(of: "encoding: raw", with: "encoding: bzip2")
        #expect(Self.nrrd(Array(bzip.utf8) + voxels)?.code == .unsupportedEncoding)
        #expect(Self.nrrd(Array(header.utf8) + voxels.prefix(15))?.code == .truncatedFile)
        let detached = header.replacingOccurrences(of: "encoding: raw\n", with: "encoding: raw\ndata file: gone.raw\n")
        let folder = FixtureTruth.folder.appendingPathComponent("x.nhdr")
        #expect(Self.nrrd(Array(detached.utf8), file: folder)?.code == .missingDataFile)
        #expect(Self.nrrd(Array("NRRX0004\n".utf8))?.code == .badMagic)
    }

    /// Mutation fuzzing with a fixed seed: corrupted headers and bodies of real files must give an
    /// `ImageIOError` (typed throws guarantee the type) or a volume, never a crash or a hang.
    @Test func mutatedFilesNeverCrash() throws {
        let sources = try ["n1_int16.nii", "n2_float32.nii", "n1_int16_gz.nii.gz", "sitk_int16.nii.gz",
                           "n1_qform_only.nii", "sitk_int16_raw.nrrd", "sitk_float32_gzip.nrrd", "pynrrd_spacings.nrrd"]
            .map { ($0.hasSuffix("nrrd"), try Self.fixture($0)) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var failures = 0, successes = 0
        for _ in 0..<3000 {
            let (isNRRD, original) = sources[next(sources.count)]
            var bytes = original
            switch next(4) {
            case 0: bytes = Array(bytes.prefix(next(bytes.count)))  // truncation
            default:
                for _ in 0...next(4) {  // 1-5 byte mutations, mostly in the header
                    let at = next(3) == 0 ? next(bytes.count) : next(min(bytes.count, 560))
                    bytes[at] = next(2) == 0 ? UInt8(truncatingIfNeeded: next(256)) : bytes[at] ^ UInt8(1 << next(8))
                }
            }
            let error = isNRRD ? Self.nrrd(bytes) : Self.nifti(bytes)
            if let error {
                failures += 1
                #expect(!error.detail.isEmpty)
            } else {
                successes += 1
            }
        }
        #expect(failures + successes == 3000)
        #expect(failures > 500)  // most mutations must be caught, not silently accepted
    }
}
