import Foundation
import NadirImageIO
import NadirImaging
import Testing

@Suite struct ContentHashTests {
    /// A 3x2x1 int16 volume whose canonical bytes were hashed by Python's hashlib (an independent SHA-256):
    /// python3 -c "import hashlib,struct; print(hashlib.sha256(PREAMBLE.encode() + struct.pack('<6h', -1024, 0,
    /// 1, 2, 3000, -32768)).hexdigest())" with the preamble of `ContentHash`'s documentation.
    static let volume: AnyVolume = {
        let geometry = ImageGeometry(size: [3, 2, 1], origin: [-10.5, -0.0, 20], spacing: [0.5, 1, 2.5],
                                     direction: Matrix3(columns: [0, 1, 0], [-1, 0, 0], [0, 0, 1]))
        guard let v = Volume<Int16>(geometry: geometry, voxels: [-1024, 0, 1, 2, 3000, -32768]) else {
            preconditionFailure("count")
        }
        return .int16(v)
    }()

    @Test func digestMatchesHashlib() {
        #expect(ContentHash(of: Self.volume).hex == "032849b05c180ae8ea4f95cdaaf27008acc92198243b5dddcaed08e9bed849a2")
    }

    @Test func geometryAndVoxelsBothChangeTheHash() throws {
        guard case .int16(var v) = Self.volume else { Issue.record("type"); return }
        let base = ContentHash(of: .int16(v))
        v[0, 0, 0] = -1023
        #expect(ContentHash(of: .int16(v)) != base)
        guard case .int16(let w) = Self.volume, let moved = w.replacingGeometry(
            ImageGeometry(size: [3, 2, 1], origin: [-10.5, 0, 20.001], spacing: [0.5, 1, 2.5],
                          direction: w.geometry.direction)) else { Issue.record("geometry"); return }
        #expect(ContentHash(of: .int16(moved)) != base)
    }

    @Test func sameScanThroughNIfTI1AndNRRDFixturesHashesAlike() throws {
        // nibabel's n1_int16.nii (float32 header) written back through our NIfTI-2 writer keeps its hash.
        let (a, _) = try NIfTIReader().read(url: FixtureTruth.folder.appendingPathComponent("n1_int16.nii"))
        let (b, _) = try NIfTIReader().read(data: Data(try NIfTIWriter(version: .nifti2).encode(a, compressed: true).joined()))
        #expect(a.contentHash == b.contentHash)
    }
}
