import Foundation
import NadirImageIO
import Testing

/// Grammar fuzzing of NRRD headers with a fixed seed: plausible and implausible values for every field the
/// reader uses. Each header must give a volume or an `ImageIOError`, never a crash or a huge allocation.
@Suite struct NRRDFuzzTests {
    struct Generator {
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick(_ options: [String]) -> String { options[next(options.count)] }
    }

    @Test func generatedHeadersNeverCrash() {
        var g = Generator()
        var read = 0, refused = 0
        let numbers = ["0", "1", "2", "3", "-1", "7", "65536", "99999999999", "x", "", "2.5", "nan"]
        let valid: [(String, String)] = [
            ("type", "uchar"), ("dimension", "3"), ("sizes", "2 3 4"), ("encoding", "raw"), ("endian", "little"),
            ("space", "RAS"), ("space directions", "(1,0,0) (0,1,0) (0,0,2.5)"), ("space origin", "(1,2,3)"),
            ("byte skip", "0"), ("line skip", "0"),
        ]
        for _ in 0..<2000 {
            var fields = valid
            for _ in 0..<g.next(4) {  // 0-3 fields get another value, or vanish
                let k = g.next(fields.count)
                let name = fields[k].0
                let value: String
                switch name {
                case "type": value = g.pick(["short", "float", "double", "int64", "block", "bogus", "unsigned int"])
                case "dimension": value = g.pick(["2", "4", "0", "17", "-3", "x"])
                case "sizes": value = (0..<g.next(5)).map { _ in g.pick(numbers) }.joined(separator: " ")
                case "encoding": value = g.pick(["gzip", "gz", "ascii", "bzip2", ""])
                case "endian": value = g.pick(["big", "middle"])
                case "space": value = g.pick(["left-posterior-superior", "scanner-xyz", "nowhere"])
                case "space directions": value = (0..<g.next(5)).map { _ in
                    g.pick(["(1,0,0)", "(0,0,2.5)", "none", "(0,0,0)", "(1,2)", "(nan,0,0)", "(1e308,1e308,0)", "("])
                }.joined(separator: " ")
                case "space origin": value = g.pick(["(a,b,c)", "none", "(inf,0,0)", "(1, 2, 3)"])
                default: value = g.pick(numbers)
                }
                if g.next(5) == 0 { fields.remove(at: k) } else { fields[k].1 = value }
            }
            if g.next(10) == 0 { fields.append(("data file", g.pick(["missing.raw", "LIST", "f%03d.raw 1 3 1"]))) }
            if g.next(10) == 0 { fields.append(("spacings", g.pick(["1 1 1", "0 -1 nan", "0.5"]))) }
            let lines = ["NRRD000\(g.next(10))"] + fields.map { "\($0.0): \($0.1)" }
            var bytes = Array((lines.joined(separator: "\n") + "\n\n").utf8)
            bytes += (0..<(24 + g.next(600))).map { _ in UInt8(truncatingIfNeeded: g.next(256)) }
            do {
                _ = try NRRDReader().read(data: Data(bytes))
                read += 1
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(read + refused == 2000)
        #expect(read > 0)      // some generated headers are valid and must be read
        #expect(refused > 1000)
    }
}
