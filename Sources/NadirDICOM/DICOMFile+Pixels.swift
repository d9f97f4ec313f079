extension DICOMFile {
    /// The stored values (before rescale) of one frame, row by row: masked to Bits Stored and sign-extended
    /// (PS3.5 8.1.1). Refuses pixel data too short for the frame size the header claims, before allocating.
    public func storedValues(frame: Int = 0) throws(DICOMError) -> [Int32] {
        let format = try DICOMPixelFormat(dataSet: dataSet)
        guard (0..<format.numberOfFrames).contains(frame) else {
            throw DICOMError(.invalidValue, "frame \(frame + 1) of \(format.numberOfFrames)", file: url,
                             tag: .numberOfFrames)
        }
        guard let element = dataSet.element(.pixelData) else {
            throw DICOMError(.missingAttribute, "the image has no Pixel Data", file: url, tag: .pixelData)
        }
        // The largest frame the bytes present could hold: RLE expands at most 128-fold, JPEG Lossless codes at
        // least one bit per sample, native data holds what its length says.
        let available = element.fragments.map { $0.reduce(0) { $0 + $1.count } } ?? element.valueLength
        let limit = element.fragments == nil ? available * 8 / format.bitsAllocated : available * 128 + 64
        guard format.pixelsPerFrame <= limit else {
            throw DICOMError(.truncated, "Pixel Data holds \(available) bytes, too few for a \(format.columns)x"
                             + "\(format.rows) frame", file: url, tag: .pixelData, byteOffset: element.headerOffset)
        }
        if format.bitsAllocated == 1 {
            return try [Int32](unsafeUninitializedCapacity: format.pixelsPerFrame) {
                (buffer, initialized) throws(DICOMError) in
                try DICOMSegmentationReader.unpackBits(self, frame: frame, plane: format.pixelsPerFrame, into: buffer)
                initialized = format.pixelsPerFrame
            }
        }
        return try [Int32](unsafeUninitializedCapacity: format.pixelsPerFrame) {
            (buffer, initialized) throws(DICOMError) in
            buffer.initialize(repeating: 0)
            initialized = format.pixelsPerFrame
            do throws(DICOMError) {
                try DICOMPixelDecoder.decodeFrame(frame, of: self, format: format, into: buffer)
            } catch {
                if let url { throw error.locatedIn(url) }
                throw error
            }
        }
    }
}
