import Foundation
public import NadirImaging
import Synchronization

/// Reads a scanned series into a volume: pixels of every slice (memory-mapped files, both cores), rescaled to
/// modality units (HU for CT) with each slice's own slope and intercept (PS3.3 C.11.1.1.2).
public enum DICOMSeriesReader {
    /// The voxels, their de-identified metadata and what was found while reading.
    ///
    /// Voxels are `Int16` when every slope and intercept is a whole number and every rescaled value fits;
    /// otherwise `Float` (exact for stored values below 2^24).
    public static func readVolume(series: DICOMSeriesSummary) throws(DICOMError)
        -> (volume: AnyVolume, metadata: ScanMetadata, diagnostics: [DICOMDiagnostic])
    {
        guard series.kind == .image, let geometry = series.geometry, !series.slices.isEmpty else {
            let why = series.diagnostics.first.map { ": \($0.message)" } ?? ""
            throw DICOMError(.inconsistentSeries, "series \(series.seriesInstanceUID) is not one image volume\(why)",
                             file: series.files.first)
        }
        let slices = series.slices
        guard geometry.voxelCount <= 1 << 31 else {
            throw DICOMError(.invalidValue, "a volume of \(geometry.voxelCount) voxels is larger than this reader "
                             + "accepts", file: series.files.first, tag: .rows)
        }
        let integral = slices.allSatisfy {
            $0.rescaleSlope.rounded() == $0.rescaleSlope && $0.rescaleIntercept.rounded() == $0.rescaleIntercept
                && abs($0.rescaleSlope) < 32768 && abs($0.rescaleIntercept) < 32768
        }
        let count = geometry.voxelCount
        if integral {
            var fits = true
            let voxels = try [Int16](unsafeUninitializedCapacity: count) { (buffer, initialized) throws(DICOMError) in
                let out = SendablePointer(pointer: buffer.baseAddress!)
                adviseHugePages(UnsafeMutableRawPointer(out.pointer), byteCount: count * 2)
                let native: @Sendable (Int, UnsafeRawPointer, DICOMPixelFormat) -> Bool = { index, source, format in
                    nativeInt16(source, format: format, into: out.pointer + index * format.pixelsPerFrame,
                                slope: Int32(slices[index].rescaleSlope),
                                intercept: Int32(slices[index].rescaleIntercept))
                }
                fits = try decodeAll(slices, native: native) { index, stored in
                    storeInt16(stored, into: out.pointer + index * stored.count, slope: Int32(slices[index].rescaleSlope),
                               intercept: Int32(slices[index].rescaleIntercept))
                }
                initialized = count
            }
            if fits, let volume = Volume(geometry: geometry, voxels: voxels) {
                return (.int16(volume), series.metadata, series.diagnostics)
            }
        }
        let voxels = try [Float](unsafeUninitializedCapacity: count) { (buffer, initialized) throws(DICOMError) in
            let out = SendablePointer(pointer: buffer.baseAddress!)
            adviseHugePages(UnsafeMutableRawPointer(out.pointer), byteCount: count * 4)
            _ = try decodeAll(slices) { index, stored in
                storeFloat(stored, into: out.pointer + index * stored.count, slope: slices[index].rescaleSlope,
                           intercept: slices[index].rescaleIntercept)
                return true
            }
            initialized = count
        }
        guard let volume = Volume(geometry: geometry, voxels: voxels) else {
            throw DICOMError(.inconsistentSeries, "voxel count does not match the geometry")
        }
        return (.float32(volume), series.metadata, series.diagnostics)
    }

    /// Decodes every slice's stored values on all cores and hands each to `store` (which must only write the
    /// slice's own part of the output). Returns whether every `store` returned true.
    /// `native`, when given, takes native little-endian 16-bit frames straight from the file's bytes (no
    /// intermediate pass).
    static func decodeAll(_ slices: [DICOMSlice],
                          native: (@Sendable (Int, UnsafeRawPointer, DICOMPixelFormat) -> Bool)? = nil,
                          store: @Sendable (Int, UnsafeBufferPointer<Int32>) -> Bool)
        throws(DICOMError) -> Bool
    {
        let plane = slices[0].rows * slices[0].columns
        var multiFrame: [URL: DICOMFile] = [:]
        var seen: [URL: Int] = [:]
        for slice in slices { seen[slice.url, default: 0] += 1 }
        for (url, uses) in seen where uses > 1 { multiFrame[url] = try DICOMFileReader.read(url: url) }
        let shared = multiFrame
        let workers = min(slices.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let failure = Mutex<DICOMError?>(nil)
        let allFit = Mutex(true)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: plane)
            defer { scratch.deallocate() }
            let files = FileBuffer()
            /// Decodes one slice of `file` into the output; false if a value did not fit.
            func decode(_ file: DICOMFile, slice: DICOMSlice, index: Int) throws(DICOMError) -> Bool {
                let format = try DICOMPixelFormat(dataSet: file.dataSet)
                guard format.rows == slice.rows, format.columns == slice.columns,
                      slice.frameIndex < format.numberOfFrames else {
                    throw DICOMError(.inconsistentSeries, "the image is \(format.columns)x\(format.rows) with "
                                     + "\(format.numberOfFrames) frame(s), unlike the series", tag: .rows)
                }
                if let native, let element = file.dataSet.element(.pixelData), !file.dataSet.isBigEndian,
                   element.fragments == nil, element.items == nil, format.bitsAllocated == 16,
                   (slice.frameIndex + 1) * plane * 2 <= element.valueLength
                {
                    let start = element.valueOffset + slice.frameIndex * plane * 2
                    return file.dataSet.buffer.withUnsafeBytes { raw in native(index, raw.baseAddress! + start, format) }
                }
                try DICOMPixelDecoder.decodeFrame(slice.frameIndex, of: file, format: format, into: scratch)
                return store(index, UnsafeBufferPointer(scratch))
            }
            var index = worker
            var fits = true
            while index < slices.count {
                let slice = slices[index]
                do throws(DICOMError) {
                    if let preloaded = shared[slice.url] {
                        if try decode(preloaded, slice: slice, index: index) == false { fits = false }
                    } else {
                        let ok = try files.withContents(of: slice.url) { (data: Data) throws(DICOMError) -> Bool in
                            try decode(DICOMFileReader.read(data: data), slice: slice, index: index)
                        }
                        if !ok { fits = false }
                    }
                } catch {
                    let located = error.locatedIn(slice.url)
                    failure.withLock { if $0 == nil { $0 = located } }
                    return
                }
                index += workers
            }
            if !fits { allFit.withLock { $0 = false } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return allFit.withLock { $0 }
    }

    /// value = stored * slope + intercept as Int16; false if any value falls outside Int16.
    static func storeInt16(_ stored: UnsafeBufferPointer<Int32>, into out: UnsafeMutablePointer<Int16>,
                           slope: Int32, intercept: Int32) -> Bool
    {
        let n = stored.count
        let s = stored.baseAddress!
        var low = Int32.max, high = Int32.min
        var i = 0
        if slope == 1 {
            while i < n {
                let v = s[i] &+ intercept
                low = min(low, v); high = max(high, v)
                out[i] = Int16(truncatingIfNeeded: v)
                i &+= 1
            }
        } else {
            while i < n {
                let v = s[i] &* slope &+ intercept
                low = min(low, v); high = max(high, v)
                out[i] = Int16(truncatingIfNeeded: v)
                i &+= 1
            }
        }
        return low >= Int32(Int16.min) && high <= Int32(Int16.max) && (slope == 1 || slopeSafe(s, n, slope))
    }

    /// Whether stored * slope cannot have wrapped in Int32 (|stored| < 2^31 / |slope|).
    private static func slopeSafe(_ s: UnsafePointer<Int32>, _ n: Int, _ slope: Int32) -> Bool {
        let limit = Int64(Int32.max) / Int64(abs(slope))
        var i = 0
        while i < n {
            if abs(Int64(s[i])) > limit { return false }
            i &+= 1
        }
        return true
    }

    /// value = stored * slope + intercept as Float.
    static func storeFloat(_ stored: UnsafeBufferPointer<Int32>, into out: UnsafeMutablePointer<Float>,
                           slope: Double, intercept: Double)
    {
        let n = stored.count
        let s = stored.baseAddress!
        var i = 0
        while i < n {
            out[i] = Float(Double(s[i]) * slope + intercept)
            i &+= 1
        }
    }
}

/// A pointer handed to the workers of `concurrentPerform`, each of which writes only its own slices.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
}
