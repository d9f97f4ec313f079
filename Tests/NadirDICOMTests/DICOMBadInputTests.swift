import Foundation
import NadirDICOM
import Testing

/// Malformed files: every one must give a `DICOMError` (or a diagnostic) that names the place, never a crash.
@Suite struct DICOMBadInputTests {
    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: Fixtures.url(path))) }

    static func headerOffset(of tag: DICOMTag, in bytes: [UInt8]) throws -> Int {
        let file = try DICOMFileReader.read(data: Data(bytes))
        return try #require(file.dataSet.element(tag)).headerOffset
    }

    @Test(arguments: [10, 131, 140, 300, 700, 1200])
    func aTruncatedFileIsAnErrorWithAByteOffset(length: Int) throws {
        let whole = try Self.bytes("ct-explicit-le/IM0000")
        do {
            let file = try DICOMFileReader.read(data: Data(whole.prefix(length)))
            Issue.record("a file cut to \(length) of \(whole.count) bytes was read: \(file.dataSet.elements.count) elements")
        } catch {
            #expect([.truncated, .lengthPastEnd, .notDICOM].contains(error.code), "\(error)")
            if error.code != .notDICOM { #expect(error.byteOffset.map { $0 <= length } == true, "\(error)") }
        }
    }

    @Test func aLengthPastTheEndNamesTheTagAndOffset() throws {
        var bytes = try Self.bytes("ct-explicit-le/IM0000")
        let at = try Self.headerOffset(of: .pixelData, in: bytes)
        bytes.replaceSubrange((at + 8)..<(at + 12), with: [0xF0, 0xFF, 0xFF, 0x7F])
        #expect {
            _ = try DICOMFileReader.read(data: Data(bytes))
        } throws: { error in
            guard let e = error as? DICOMError else { return false }
            return e.code == .lengthPastEnd && e.tag == .pixelData && e.byteOffset == at
        }
    }

    @Test func aWrongVRNamesTheTagAndOffset() throws {
        var bytes = try Self.bytes("ct-explicit-le/IM0000")
        let at = try Self.headerOffset(of: .rows, in: bytes)
        bytes[at + 4] = 0x3F  // "?S" is not a VR
        #expect {
            _ = try DICOMFileReader.read(data: Data(bytes))
        } throws: { error in
            guard let e = error as? DICOMError else { return false }
            return e.code == .invalidVR && e.tag == .rows && e.byteOffset == at + 4
        }
    }

    @Test func aMissingPositionIsADiagnosticNamingFileAndTag() throws {
        var bytes = try Self.bytes("ct-explicit-le/IM0000")
        let at = try Self.headerOffset(of: .imagePositionPatient, in: bytes)
        bytes[at + 2] = 0x31  // (0020,0032) becomes (0020,0031), an unknown tag
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nadir-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("IM0000")
        try Data(bytes).write(to: file)
        let series = try #require(DICOMSeriesScanner.scan(folder: folder).series.first)
        let diagnostic = try #require(series.diagnostics.first)
        #expect(diagnostic.code == .missingGeometry)
        #expect(diagnostic.tag == .imagePositionPatient)
        #expect(diagnostic.file?.lastPathComponent == "IM0000")
        #expect(throws: DICOMError.self) { try DICOMSeriesReader.readVolume(series: series) }
    }

    @Test func aMissingBitsAllocatedStopsPixelReadingWithTheTag() throws {
        var bytes = try Self.bytes("ct-explicit-le/IM0000")
        let at = try Self.headerOffset(of: .bitsAllocated, in: bytes)
        bytes[at + 2] = 0xFF  // (0028,0100) becomes (0028,01FF)
        let file = try DICOMFileReader.read(data: Data(bytes))
        #expect {
            _ = try file.storedValues()
        } throws: { error in
            (error as? DICOMError)?.code == .missingAttribute && (error as? DICOMError)?.tag == .bitsAllocated
        }
    }

    @Test(arguments: ["ct-jpeg-sv1/IM0000", "ct-rle/IM0000", "ct-deflated/IM0000"])
    func corruptCompressedDataIsAnError(path: String) throws {
        var bytes = try Self.bytes(path)
        // Overwrite the last third with a repeating pattern: the compressed stream no longer decodes.
        let start = bytes.count * 2 / 3
        for i in start..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 37) }
        do {
            let file = try DICOMFileReader.read(data: Data(bytes))
            let values = try file.storedValues()
            let clean = try DICOMFileReader.read(url: Fixtures.url(path)).storedValues()
            #expect(values != clean, "corrupt data decoded to the original image")
        } catch {
            #expect(error.description.contains("DICOM"))
        }
    }
}
