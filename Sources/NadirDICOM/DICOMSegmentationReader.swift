public import Foundation
public import NadirImaging

/// One segment of a DICOM Segmentation, on the grid of the series it segments.
public struct DICOMSegment: Sendable {
    /// Segment Number (0062,0004).
    public var number: Int
    /// Segment Label (0062,0005).
    public var label: String?
    /// The mask on the referenced series' geometry: `.uint8` 0/1 for BINARY, `.float32` 0...1 for FRACTIONAL.
    public var mask: AnyVolume
}

/// A DICOM Segmentation (PS3.3 A.51, C.8.20) mapped onto the geometry of the series it references.
public struct DICOMSegmentation: Sendable {
    /// Segmentation Type (0062,0001): BINARY or FRACTIONAL.
    public var segmentationType: String
    /// The Series Instance UID the SEG references (Retain UIDs Option).
    public var referencedSeriesInstanceUID: String
    /// The segments, by Segment Number.
    public var segments: [DICOMSegment]
}

/// Reads DICOM SEG objects (binary and fractional) onto the series they segment.
public enum DICOMSegmentationReader {
    /// Positions within this distance (mm) of a slice plane belong to it.
    static let planeTolerance = 0.01

    /// Reads the SEG at `url` and maps each segment onto `series` (which must be the referenced series).
    public static func read(url: URL, onto series: DICOMSeriesSummary) throws(DICOMError) -> DICOMSegmentation {
        do {
            return try read(file: DICOMFileReader.read(url: url), onto: series)
        } catch {
            throw error.locatedIn(url)
        }
    }

    /// Reads a SEG already in memory onto `series`.
    public static func read(file: DICOMFile, onto series: DICOMSeriesSummary) throws(DICOMError)
        -> DICOMSegmentation
    {
        let ds = file.dataSet
        guard ds.string(.sopClassUID) == DICOMSeriesScanner.segmentationStorage else {
            throw DICOMError(.invalidValue, "the object is not a Segmentation (SOP class \(ds.string(.sopClassUID) ?? "?"))",
                             tag: .sopClassUID)
        }
        guard let referenced = ds.firstItem(.referencedSeriesSequence)?.string(.seriesInstanceUID) else {
            throw DICOMError(.missingAttribute, "the SEG names no referenced series", tag: .referencedSeriesSequence)
        }
        guard referenced == series.seriesInstanceUID else {
            throw DICOMError(.segmentationReferencesOtherSeries, "the SEG segments series \(referenced), not the "
                             + "series \(series.seriesInstanceUID) it was read onto; scan the folder and pass the "
                             + "series it references", tag: .referencedSeriesSequence)
        }
        guard let geometry = series.geometry, let inverse = geometry.direction.inverse else {
            throw DICOMError(.inconsistentSeries, "the referenced series has no volume geometry")
        }
        let type = ds.string(.segmentationType) ?? ""
        let format = try DICOMPixelFormat(dataSet: ds)
        guard format.rows == geometry.size.y, format.columns == geometry.size.x else {
            throw DICOMError(.inconsistentSeries, "SEG frames are \(format.columns)x\(format.rows), the series "
                             + "\(geometry.size.x)x\(geometry.size.y)", tag: .rows)
        }
        guard type == "BINARY" && format.bitsAllocated == 1 || type == "FRACTIONAL" && format.bitsAllocated == 8 else {
            throw DICOMError(.unsupportedPixelFormat, "Segmentation Type \(type) with \(format.bitsAllocated) bits "
                             + "allocated", tag: .segmentationType)
        }
        let frames = try DICOMSlice.slices(of: file, url: file.url ?? URL(fileURLWithPath: "/"))
        guard let perFrame = ds.sequence(.perFrameFunctionalGroupsSequence) else {
            throw DICOMError(.missingAttribute, "the SEG has no per-frame functional groups",
                             tag: .perFrameFunctionalGroupsSequence)
        }
        var labels: [Int: String?] = [:]
        for item in ds.sequence(.segmentSequence) ?? [] {
            if let number = item.int(.segmentNumber) { labels[number] = item.string(.segmentLabel) }
        }
        let plane = format.pixelsPerFrame
        let maxValue = Float(ds.double(.maximumFractionalValue) ?? 255)
        var masks: [Int: [Float]] = [:]
        let scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: plane)
        defer { scratch.deallocate() }
        for (index, frame) in frames.enumerated() {
            let rotationOK = SliceStackGeometry.maxAbs(frame.rowDirection - geometry.direction.c0) < 1e-4
                && SliceStackGeometry.maxAbs(frame.columnDirection - geometry.direction.c1) < 1e-4
            let c = inverse * (frame.position - geometry.origin) / geometry.spacing
            let z = c.z.isFinite && abs(c.z) < 1e9 ? Int(c.z.rounded()) : -1
            guard rotationOK, abs(c.x) * geometry.spacing.x < planeTolerance,
                  abs(c.y) * geometry.spacing.y < planeTolerance,
                  abs(c.z - Double(z)) * geometry.spacing.z < planeTolerance, (0..<geometry.size.z).contains(z) else {
                throw DICOMError(.inconsistentSeries, "SEG frame \(index + 1) at \(SliceStackGeometry.format(frame.position)) "
                                 + "is not on a slice of the referenced series", tag: .planePositionSequence)
            }
            let identification = perFrame[index].firstItem(.segmentIdentificationSequence)
                ?? ds.firstItem(.sharedFunctionalGroupsSequence)?.firstItem(.segmentIdentificationSequence)
            guard let number = identification?.int(.referencedSegmentNumber) else {
                throw DICOMError(.missingAttribute, "SEG frame \(index + 1) names no segment",
                                 tag: .referencedSegmentNumber)
            }
            if type == "BINARY" {
                try unpackBits(file, frame: index, plane: plane, into: scratch)
            } else {
                try DICOMPixelDecoder.decodeFrame(index, of: file, format: format, into: scratch)
            }
            var mask = masks[number] ?? [Float](repeating: 0, count: geometry.voxelCount)
            let base = z * plane
            for i in 0..<plane { mask[base + i] = type == "BINARY" ? Float(scratch[i]) : Float(scratch[i]) / maxValue }
            masks[number] = mask
        }
        let numbers = Set(labels.keys).union(masks.keys).sorted()
        let segments = numbers.map { number -> DICOMSegment in
            let values = masks[number] ?? [Float](repeating: 0, count: geometry.voxelCount)
            let mask: AnyVolume = type == "BINARY"
                ? .uint8(Volume(geometry: geometry, voxels: values.map { UInt8($0) }) ?? Volume(geometry: geometry, repeating: 0))
                : .float32(Volume(geometry: geometry, voxels: values) ?? Volume(geometry: geometry, repeating: 0))
            return DICOMSegment(number: number, label: labels[number] ?? nil, mask: mask)
        }
        return DICOMSegmentation(segmentationType: type, referencedSeriesInstanceUID: referenced, segments: segments)
    }

    /// Frame `frame` of native 1-bit pixel data: frames follow each other without padding, least significant
    /// bit first (PS3.5 8.1.1, 8.2).
    static func unpackBits(_ file: DICOMFile, frame: Int, plane: Int, into out: UnsafeMutableBufferPointer<Int32>)
        throws(DICOMError)
    {
        guard let element = file.dataSet.element(.pixelData), element.fragments == nil else {
            throw DICOMError(.unsupportedPixelFormat, "binary SEG pixel data must be native (uncompressed)",
                             tag: .pixelData)
        }
        let firstBit = frame * plane
        guard (firstBit + plane + 7) / 8 <= element.valueLength else {
            throw DICOMError(.truncated, "Pixel Data holds \(element.valueLength) bytes, too few for frame \(frame + 1)",
                             tag: .pixelData, byteOffset: element.headerOffset)
        }
        try withBytes(file.dataSet.buffer) { (raw: UnsafeRawBufferPointer) throws(DICOMError) in
            for i in 0..<plane {
                let bit = firstBit + i
                out[i] = Int32(raw[element.valueOffset + bit >> 3] >> UInt8(bit & 7) & 1)
            }
        }
    }
}
