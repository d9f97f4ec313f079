/// Fast exact text for fixed-point values in traces ("9.8", "12.0", "-0.25"), the same text as
/// `FixedPointQuantity.formatted`, written straight into the string's buffer (traces format millions of
/// numbers per second in the benchmark).
enum DecimalText {
    static func format(_ units: Int64, fractionDigits: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let magnitude = units.magnitude
        var whole = magnitude / scale
        var fraction = magnitude % scale
        var fractionCount = fractionDigits
        while fractionCount > 1, fraction % 10 == 0 {
            fraction /= 10
            fractionCount -= 1
        }
        var wholeCount = 1
        var probe = whole
        while probe >= 10 {
            probe /= 10
            wholeCount += 1
        }
        return String(unsafeUninitializedCapacity: wholeCount + fractionCount + 2) { buffer in
            var count = 0
            if units < 0 {
                buffer[0] = UInt8(ascii: "-")
                count = 1
            }
            var index = count + wholeCount - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
                index -= 1
            } while whole > 0
            count += wholeCount
            guard fractionDigits > 0 else { return count }
            buffer[count] = UInt8(ascii: ".")
            count += 1
            index = count + fractionCount - 1
            for _ in 0..<fractionCount {
                buffer[index] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                index -= 1
            }
            return count + fractionCount
        }
    }
}
