import Foundation

/// Decodes frames of pixel data into stored values (before rescale), for the transfer syntaxes this reader
/// supports: native (PS3.5 8.1.1), RLE Lossless (Annex G) and JPEG Lossless Process 14 (ITU T.81 Annex H).
enum DICOMPixelDecoder {
    /// Writes the stored values of frame `index` (masked to Bits Stored and sign-extended) into `out`,
    /// which must hold `format.pixelsPerFrame` values.
    static func decodeFrame(_ index: Int, of file: DICOMFile, format: DICOMPixelFormat,
                            into out: UnsafeMutableBufferPointer<Int32>) throws(DICOMError)
    {
        precondition(out.count >= format.pixelsPerFrame)
        let syntax = file.transferSyntax
        guard let element = file.dataSet.element(.pixelData) else {
            throw DICOMError(.missingAttribute, "the image has no Pixel Data", tag: .pixelData)
        }
        guard syntax.isPixelDataSupported else {
            throw DICOMError(.unsupportedTransferSyntax, "pixel data in \(syntax) (\(syntax.uid)) cannot be decoded; "
                             + "convert the files to a supported syntax (e.g. dcmdjpeg, dcmdjpls)", tag: .pixelData)
        }
        try withBytes(file.dataSet.buffer) { (raw: UnsafeRawBufferPointer) throws(DICOMError) in
            if let fragments = element.fragments {
                let frame = try frameBytes(index, fragments: fragments, table: element.basicOffsetTable,
                                           frames: format.numberOfFrames, raw: raw)
                if syntax == .rleLossless {
                    try RLEDecoder.decode(frame, format: format, into: out)
                } else {
                    try JPEGLosslessDecoder.decode(frame, rows: format.rows, columns: format.columns, into: out)
                }
                normalize(out, format: format)
                return
            }
            guard element.items == nil, format.bitsAllocated >= 8 else {
                throw DICOMError(.unsupportedPixelFormat, "native pixel data with \(format.bitsAllocated) bits "
                                 + "allocated is not an image this reader decodes as a volume", tag: .pixelData)
            }
            let frameBytes = format.nativeFrameBits / 8
            let start = element.valueOffset + index * frameBytes
            guard index * frameBytes + frameBytes <= element.valueLength else {
                throw DICOMError(.truncated, "Pixel Data holds \(element.valueLength) bytes, fewer than frame "
                                 + "\(index + 1) of \(format.rows)x\(format.columns)x\(format.bitsAllocated) bits needs",
                                 tag: .pixelData, byteOffset: element.headerOffset)
            }
            let base = raw.baseAddress! + start
            decodeNative(base, count: format.pixelsPerFrame, format: format, bigEndian: file.dataSet.isBigEndian,
                         into: out)
        }
    }

    /// Converts native samples to stored values.
    static func decodeNative(_ base: UnsafeRawPointer, count: Int, format: DICOMPixelFormat, bigEndian: Bool,
                             into out: UnsafeMutableBufferPointer<Int32>)
    {
        let o = out.baseAddress!
        var i = 0
        switch format.bitsAllocated {
        case 8:
            let p = base.assumingMemoryBound(to: UInt8.self)
            while i < count { o[i] = Int32(p[i]); i &+= 1 }
        case 16:
            if !bigEndian && format.bitsStored == 16 {
                if format.isSigned {
                    while i < count { o[i] = Int32(base.loadUnaligned(fromByteOffset: i &* 2, as: Int16.self)); i &+= 1 }
                } else {
                    while i < count { o[i] = Int32(base.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)); i &+= 1 }
                }
                return
            }
            while i < count {
                let v = base.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)
                o[i] = Int32(bigEndian ? UInt16(bigEndian: v) : UInt16(littleEndian: v))
                i &+= 1
            }
        default:
            while i < count {
                let v = base.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self)
                o[i] = Int32(bitPattern: bigEndian ? UInt32(bigEndian: v) : UInt32(littleEndian: v))
                i &+= 1
            }
        }
        normalize(out, format: format)
    }

    /// Keeps the low Bits Stored bits and sign-extends them when Pixel Representation is 1 (PS3.5 8.1.1).
    static func normalize(_ out: UnsafeMutableBufferPointer<Int32>, format: DICOMPixelFormat) {
        let bits = format.bitsStored
        guard bits < 32 else { return }
        let count = format.pixelsPerFrame
        let o = out.baseAddress!
        var i = 0
        if format.isSigned {
            let shift = Int32(32 - bits)
            while i < count { o[i] = (o[i] &<< shift) &>> shift; i &+= 1 }
        } else {
            let mask = Int32((1 << bits) - 1)
            while i < count { o[i] &= mask; i &+= 1 }
        }
    }

    /// The bytes of frame `index` of encapsulated pixel data: by the Basic Offset Table when present, one
    /// fragment per frame when the counts match, or all fragments for a single frame (PS3.5 A.4).
    static func frameBytes(_ index: Int, fragments: [Range<Int>], table: [Int]?, frames: Int,
                           raw: UnsafeRawBufferPointer) throws(DICOMError) -> [UInt8]
    {
        var selected: [Range<Int>]
        if frames == 1 {
            selected = fragments
        } else if let table, table.count == frames, let first = fragments.first {
            // Offsets count from the first byte of the first fragment's Item tag.
            let origin = first.lowerBound - 8
            let start = origin + table[index]
            let end = index + 1 < frames ? origin + table[index + 1] : Int.max
            selected = fragments.filter { $0.lowerBound - 8 >= start && $0.lowerBound - 8 < end }
        } else if fragments.count == frames {
            selected = [fragments[index]]
        } else {
            throw DICOMError(.corruptPixelData, "\(fragments.count) fragments for \(frames) frames and no usable "
                             + "Basic Offset Table", tag: .pixelData)
        }
        guard !selected.isEmpty else {
            throw DICOMError(.corruptPixelData, "no fragment holds frame \(index + 1)", tag: .pixelData)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(selected.reduce(0) { $0 + $1.count })
        for range in selected { bytes.append(contentsOf: raw[range]) }
        return bytes
    }
}
