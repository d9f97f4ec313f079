extension DICOMSeriesReader {
    /// The fast path for native 16-bit little-endian frames (the common CT/MR case): mask or sign-extend to
    /// Bits Stored, rescale with a whole slope and intercept, and store as Int16 in one pass (PS3.5 8.1.1,
    /// PS3.3 C.11.1.1.2). Returns false if a value falls outside Int16.
    static func nativeInt16(_ source: UnsafeRawPointer, format: DICOMPixelFormat, into out: UnsafeMutablePointer<Int16>,
                            slope: Int32, intercept: Int32) -> Bool
    {
        let n = format.pixelsPerFrame
        let sixteenBitSafe = format.isSigned ? format.bitsStored == 16 : format.bitsStored <= 15
        if slope == 1 && sixteenBitSafe && intercept >= Int32(Int16.min) && intercept <= Int32(Int16.max) {
            return nativeInt16Shift(source, count: n, signed: format.isSigned, bitsStored: format.bitsStored,
                                    into: out, intercept: Int16(intercept))
        }
        var low = Int32.max, high = Int32.min
        var i = 0
        if format.isSigned {
            let shift = Int32(32 - format.bitsStored)
            while i < n {
                let raw = Int32(Int16(littleEndian: source.loadUnaligned(fromByteOffset: i &* 2, as: Int16.self)))
                let v = ((raw &<< shift) &>> shift) &* slope &+ intercept
                low = min(low, v)
                high = max(high, v)
                out[i] = Int16(truncatingIfNeeded: v)
                i &+= 1
            }
        } else {
            let mask = UInt16(truncatingIfNeeded: (1 << format.bitsStored) - 1)
            while i < n {
                let raw = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)) & mask
                let v = Int32(raw) &* slope &+ intercept
                low = min(low, v)
                high = max(high, v)
                out[i] = Int16(truncatingIfNeeded: v)
                i &+= 1
            }
        }
        // |stored| < 2^16 and |slope| < 2^15 keep the products inside Int32, so low/high are exact.
        return low >= Int32(Int16.min) && high <= Int32(Int16.max)
    }

    /// The commonest case in 16-bit lanes (SSE2/NEON min, max and add): slope 1 and stored values that fit Int16
    /// (signed 16-bit, or unsigned up to 15 bits). The range check is done on the stored minimum and maximum.
    private static func nativeInt16Shift(_ source: UnsafeRawPointer, count n: Int, signed: Bool, bitsStored: Int,
                                         into out: UnsafeMutablePointer<Int16>, intercept: Int16) -> Bool
    {
        var low = Int16.max, high = Int16.min
        var i = 0
        if signed {
            while i < n {
                let v = Int16(littleEndian: source.loadUnaligned(fromByteOffset: i &* 2, as: Int16.self))
                low = min(low, v)
                high = max(high, v)
                out[i] = v &+ intercept
                i &+= 1
            }
        } else {
            let mask = UInt16(truncatingIfNeeded: (1 << bitsStored) - 1)
            while i < n {
                let raw = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self)) & mask
                let v = Int16(bitPattern: raw)
                low = min(low, v)
                high = max(high, v)
                out[i] = v &+ intercept
                i &+= 1
            }
        }
        let first = Int32(low) + Int32(intercept), last = Int32(high) + Int32(intercept)
        return n == 0 || first >= Int32(Int16.min) && last <= Int32(Int16.max)
    }
}
