/// Decodes one frame of RLE Lossless pixel data (PS3.5 Annex G): a 64-byte header of segment offsets, then one
/// PackBits segment per byte plane, most significant plane first.
enum RLEDecoder {
    static func decode(_ frame: [UInt8], format: DICOMPixelFormat, into out: UnsafeMutableBufferPointer<Int32>)
        throws(DICOMError)
    {
        let pixels = format.pixelsPerFrame
        let planes = format.bitsAllocated / 8
        guard frame.count >= 64 else {
            throw DICOMError(.corruptPixelData, "an RLE frame of \(frame.count) bytes has no 64-byte header",
                             tag: .pixelData)
        }
        func header(_ i: Int) -> Int {
            Int(frame[4 * i]) | Int(frame[4 * i + 1]) << 8 | Int(frame[4 * i + 2]) << 16 | Int(frame[4 * i + 3]) << 24
        }
        let segments = header(0)
        guard segments == planes, planes >= 1 else {
            throw DICOMError(.corruptPixelData, "the RLE header lists \(segments) segments; \(planes) byte planes "
                             + "are expected for \(format.bitsAllocated)-bit greyscale", tag: .pixelData)
        }
        var offsets = (1...segments).map { header($0) }
        offsets.append(frame.count)
        for i in 0..<segments where !(64...frame.count).contains(offsets[i]) || offsets[i] > offsets[i + 1] {
            throw DICOMError(.corruptPixelData, "RLE segment \(i + 1) offset \(offsets[i]) is outside the frame",
                             tag: .pixelData)
        }
        var plane = [UInt8](repeating: 0, count: pixels)
        let o = out.baseAddress!
        for i in 0..<pixels { o[i] = 0 }
        for s in 0..<segments {
            try unpack(frame, from: offsets[s], to: offsets[s + 1], into: &plane, segment: s + 1)
            let shift = Int32(8 * (planes - 1 - s))
            plane.withUnsafeBufferPointer { p in
                var i = 0
                while i < pixels { o[i] |= Int32(p[i]) &<< shift; i &+= 1 }
            }
        }
    }

    /// PackBits (G.3.1): n >= 0 copies n+1 literal bytes, -127...-1 repeats the next byte 1-n times, -128 is a no-op.
    private static func unpack(_ input: [UInt8], from start: Int, to end: Int, into plane: inout [UInt8],
                               segment: Int) throws(DICOMError)
    {
        let count = plane.count
        var written = 0
        var i = start
        while i < end && written < count {
            let n = Int(Int8(bitPattern: input[i]))
            i += 1
            if n >= 0 {
                let run = n + 1
                guard i + run <= end, written + run <= count else {
                    throw DICOMError(.corruptPixelData, "RLE segment \(segment) literal run passes the end", tag: .pixelData)
                }
                for k in 0..<run { plane[written + k] = input[i + k] }
                i += run
                written += run
            } else if n != -128 {
                let run = 1 - n
                guard i < end, written + run <= count else {
                    throw DICOMError(.corruptPixelData, "RLE segment \(segment) repeat run passes the end", tag: .pixelData)
                }
                let value = input[i]
                for k in 0..<run { plane[written + k] = value }
                i += 1
                written += run
            }
        }
        guard written == count else {
            throw DICOMError(.corruptPixelData, "RLE segment \(segment) decodes to \(written) bytes, not \(count)",
                             tag: .pixelData)
        }
    }
}
