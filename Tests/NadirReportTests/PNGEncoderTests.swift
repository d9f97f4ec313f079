import Foundation
@testable import NadirReport
import Testing

/// PNGEncoder output decoded by the tests' own reader (bitwise CRC, system zlib inflate, all five filters), which is
/// itself first checked against PNGs written by Pillow.
@Suite struct PNGEncoderTests {
    static func grayFormula(_ w: Int, _ h: Int) -> [UInt8] {
        var out: [UInt8] = []
        for y in 0..<h { for x in 0..<w { out.append(UInt8((x * 37 + y * 11) % 256)) } }
        return out
    }

    static func rgbFormula(_ w: Int, _ h: Int) -> [UInt8] {
        var out: [UInt8] = []
        for y in 0..<h {
            for x in 0..<w {
                out.append(UInt8((x * 40) % 256))
                out.append(UInt8((y * 60) % 256))
                out.append(UInt8((x * y * 13) % 256))
            }
        }
        return out
    }

    @Test func testReaderDecodesPillowFixturesToTheirFormulas() throws {
        let gray = try TestPNGReader.decode(try FixtureFiles.data("png/gray-7x5.png"))
        #expect(gray.width == 7 && gray.height == 5 && gray.colorType == 0)
        #expect(gray.pixels == Self.grayFormula(7, 5))
        let rgb = try TestPNGReader.decode(try FixtureFiles.data("png/rgb-6x4.png"))
        #expect(rgb.width == 6 && rgb.height == 4 && rgb.colorType == 2)
        #expect(rgb.pixels == Self.rgbFormula(6, 4))
    }

    @Test(arguments: [(7, 5), (1, 1), (64, 33)])
    func grayRoundTrips(width: Int, height: Int) throws {
        let pixels = Self.grayFormula(width, height)
        let png = try PNGEncoder.encode(gray8: pixels, width: width, height: height)
        let decoded = try TestPNGReader.decode(png)
        #expect(decoded.width == width && decoded.height == height)
        #expect(decoded.bitDepth == 8 && decoded.colorType == 0)
        #expect(decoded.pixels == pixels)
        #expect(decoded.chunkTypes == ["IHDR", "IDAT", "IEND"])
    }

    @Test func rgbRoundTripsWithEveryFilterChoice() throws {
        // Flat rows favour Sub, repeated rows favour Up, noise favours None: all three filters get used.
        var pixels = Self.rgbFormula(40, 30)
        var state: UInt32 = 12345
        for i in 0..<(40 * 3 * 10) {
            state = state &* 1_103_515_245 &+ 12345
            pixels[40 * 3 * 20 + i] = UInt8(truncatingIfNeeded: state >> 16)
        }
        let png = try PNGEncoder.encode(rgb8: pixels, width: 40, height: 30)
        let decoded = try TestPNGReader.decode(png)
        #expect(decoded.pixels == pixels)
        #expect(decoded.colorType == 2)
    }

    @Test func rejectsABufferOfTheWrongSize() {
        #expect(throws: ReportError.self) { try PNGEncoder.encode(gray8: [0, 1, 2], width: 2, height: 2) }
        #expect(throws: ReportError.self) { try PNGEncoder.encode(rgb8: [], width: 0, height: 0) }
    }
}
