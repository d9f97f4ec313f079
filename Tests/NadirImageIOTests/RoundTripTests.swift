import Foundation
import NadirCompression
import NadirImageIO
import NadirImaging
import Testing

/// Write -> read round trips through our own writer and reader, for every voxel type and container.
@Suite struct RoundTripTests {
    static let cases: [(VoxelType, NIfTIHeader.Version, Bool)] = VoxelType.allCases.flatMap { type in
        [(type, .nifti1, false), (type, .nifti1, true), (type, .nifti2, false), (type, .nifti2, true)]
    }

    @Test(arguments: cases)
    func writtenVolumeReadsBackExactly(type: VoxelType, version: NIfTIHeader.Version, gzip: Bool) throws {
        let original = Phantom.volume(type, mirrored: type == .int16)                     // Given
        let pieces = try NIfTIWriter(version: version).encode(original, compressed: gzip)  // When
        let (back, _) = try NIfTIReader().read(data: Data(pieces.joined()))
        #expect(back.voxelTypeName == original.voxelTypeName)                              // Then
        #expect(doubles(back) == doubles(original))
        expectSameGeometry(back.geometry, original.geometry, "\(type) v\(version.rawValue) gz \(gzip)")
    }

    @Test func fileOnDiskRoundTripsAndHasNoLeftovers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-nifti-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ct.nii.gz")
        let original = Phantom.volume(.int16, size: [64, 48, 20])
        try NIfTIWriter(chunkBytes: 1 << 16).write(original, to: url)
        let (back, _) = try ImageFileReader.read(url: url)
        #expect(doubles(back) == doubles(original))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ct.nii.gz"])
    }

    @Test func compressedFileIsIndexedMultiMemberGzipThatPlainZlibReads() throws {
        let original = Phantom.volume(.int16, size: [64, 48, 20])   // 122,880 voxel bytes
        let pieces = try NIfTIWriter(chunkBytes: 1 << 16).encode(original, compressed: true)
        let file = Data(pieces.joined())
        let members = file.withUnsafeBytes { GzipMembers.index($0) }
        #expect(members?.count == 3)  // header, then 65,536 + 57,344 voxel bytes
        // An independent sequential inflate (zlib, member after member) gives header + voxels.
        let plain = try Zlib.inflate(file, format: .gzip)
        #expect(plain.count == 352 + 122_880)
        let voxels = plain[352...].withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        #expect(voxels.map(Double.init) == doubles(original))
    }

    @Test func shearedGeometryIsWrittenAsSformOnlyAndReadBackExactly() throws {
        let (sheared, _) = try NIfTIReader().read(url: FixtureTruth.folder.appendingPathComponent("n1_shear.nii"))
        let header = try NIfTIHeader(for: sheared.geometry, voxelType: .int16, version: .nifti2)
        #expect(header.qformCode == 0)  // a quaternion cannot hold a shear
        #expect(header.sformCode == 1)
        let (back, diagnostics) = try NIfTIReader().read(data: Data(try NIfTIWriter(version: .nifti2)
            .encode(sheared, compressed: false).joined()))
        expectSameGeometry(back.geometry, sheared.geometry, "shear")
        #expect(diagnostics.contains { $0.code == .nonOrthogonalDirection })
    }

    @Test(arguments: [0.0, 23, 90, 179.9, 180], [false, true])
    func directionSurvivesTheQuaternion(degrees: Double, mirrored: Bool) throws {
        var geometry = Phantom.geometry(size: [3, 4, 5], mirrored: mirrored)
        geometry.direction = Phantom.direction(degrees: degrees, mirrored: mirrored)
        let header = try NIfTIHeader(for: geometry, voxelType: .int16, version: .nifti2)
        var qformOnly = header
        qformOnly.sformCode = 0                                          // force the quaternion path
        #expect(qformOnly.qformCode == 1)
        let (g, _) = try qformOnly.geometry()
        expectSameGeometry(g, geometry, "quaternion \(degrees) mirrored \(mirrored)")
    }
}
