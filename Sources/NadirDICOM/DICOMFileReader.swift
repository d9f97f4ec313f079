public import Foundation
internal import NadirCompression

/// Reads DICOM Part 10 files and raw data sets (PS3.10 chapter 7, PS3.5 chapter 7 and Annex A).
///
/// Reads liberally (no preamble, stray delimiters, elements out of order) and reports clearly: any
/// malformation is a `DICOMError` naming the file, tag and byte offset, never a crash.
public enum DICOMFileReader {
    /// Reads a file, memory-mapped. With `headerOnly`, stops before Pixel Data (7FE0,0010).
    public static func read(url: URL, headerOnly: Bool = false) throws(DICOMError) -> DICOMFile {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw DICOMError(.io, "cannot read the file: \(error.localizedDescription)", file: url)
        }
        do {
            var file = try read(data: data, headerOnly: headerOnly)
            file.url = url
            return file
        } catch {
            throw error.locatedIn(url)
        }
    }

    /// Reads a file held in memory.
    public static func read(data: Data, headerOnly: Bool = false) throws(DICOMError) -> DICOMFile {
        let data = data.startIndex == 0 ? data : Data(data)
        let prefix = [UInt8]("DICM".utf8)
        let hasPreamble = data.count >= 132 && data[128..<132].elementsEqual(prefix)
        var start = hasPreamble ? 132 : 0
        if !hasPreamble && data.count >= 4 && data[0..<4].elementsEqual(prefix) { start = 4 }
        guard data.count - start >= 8 else {
            throw DICOMError(.notDICOM, "the file is too short (\(data.count) bytes) to hold a data set")
        }
        return try withBytes(data) { (raw: UnsafeRawBufferPointer) throws(DICOMError) -> DICOMFile in
            let metaParser = DICOMParser(raw: raw, buffer: data, explicitVR: true, bigEndian: false)
            var meta = metaParser.dataSet([])
            var syntax: DICOMTransferSyntax
            if raw.loadUnaligned(fromByteOffset: start, as: UInt16.self) == 0x0002 {
                let (elements, after) = try metaParser.elements(from: start, to: raw.count, untilItemDelimiter: false,
                                                                depth: 0, stop: .afterGroup2)
                meta = metaParser.dataSet(elements)
                guard let uid = meta.string(.transferSyntaxUID) else {
                    throw DICOMError(.missingAttribute, "the file meta information has no Transfer Syntax UID",
                                     tag: .transferSyntaxUID, byteOffset: start)
                }
                syntax = DICOMTransferSyntax(uid: uid)
                start = after
            } else if hasPreamble {
                throw DICOMError(.missingAttribute, "the file has a DICM prefix but no file meta information",
                                 tag: .transferSyntaxUID, byteOffset: start)
            } else {
                syntax = try inferSyntax(raw, at: start)
            }
            if syntax.isDeflated {
                let inflated: [UInt8]
                do {
                    inflated = try Zlib.inflate(UnsafeRawBufferPointer(rebasing: raw[start...]), format: .raw,
                                                expectedSize: (raw.count - start) * 4)
                } catch {
                    throw DICOMError(.corruptPixelData, "the deflated data set does not inflate: \(error)",
                                     byteOffset: start)
                }
                let stream = Data(inflated)
                let body = try withBytes(stream) { (inner: UnsafeRawBufferPointer) throws(DICOMError) in
                    let parser = DICOMParser(raw: inner, buffer: stream, explicitVR: true, bigEndian: false)
                    return try parseBody(parser, from: 0, headerOnly: headerOnly)
                }
                return DICOMFile(url: nil, hasPreamble: hasPreamble, meta: meta, transferSyntax: syntax,
                                 dataSet: body, isHeaderOnly: headerOnly)
            }
            let parser = DICOMParser(raw: raw, buffer: data, explicitVR: syntax.isExplicitVR,
                                     bigEndian: syntax.isBigEndian)
            let body = try parseBody(parser, from: start, headerOnly: headerOnly)
            return DICOMFile(url: nil, hasPreamble: hasPreamble, meta: meta, transferSyntax: syntax, dataSet: body,
                             isHeaderOnly: headerOnly)
        }
    }

    private static func parseBody(_ parser: DICOMParser, from start: Int, headerOnly: Bool) throws(DICOMError)
        -> DICOMDataSet
    {
        let (elements, _) = try parser.elements(from: start, to: parser.raw.count, untilItemDelimiter: false,
                                                depth: 0, stop: headerOnly ? .beforePixelData : .never)
        return parser.dataSet(elements)
    }

    /// Guesses the encoding of a data set without meta information from its first element (as dcmtk does):
    /// a plausible little-endian group with VR letters is Explicit VR Little Endian, without them Implicit;
    /// a plausible byte-swapped group is Explicit VR Big Endian.
    private static func inferSyntax(_ raw: UnsafeRawBufferPointer, at start: Int) throws(DICOMError)
        -> DICOMTransferSyntax
    {
        let little = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt16.self))
        let vr = DICOMVR(rawValue: UInt16(raw[start + 4]) << 8 | UInt16(raw[start + 5]))
        let plausibleGroups: ClosedRange<UInt16> = 0x0000...0x0028
        if plausibleGroups.contains(little) && little != 0x0002 {
            return vr.isWellFormed ? .explicitVRLittleEndian : .implicitVRLittleEndian
        }
        if plausibleGroups.contains(little.byteSwapped) && vr.isWellFormed {
            return .explicitVRBigEndian
        }
        throw DICOMError(.notDICOM, "no DICM prefix and the first bytes are not a DICOM element "
                         + "(group 0x\(hex4(little)))", byteOffset: start)
    }
}
