/// An 8-bit RGB raster (row-major from the top-left) with the few drawing operations snapshots need.
public struct RGBImage: Hashable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Three bytes per pixel, R G B.
    public var pixels: [UInt8]

    /// An RGB colour.
    public struct Color: Hashable, Sendable {
        /// Red, green and blue, 0-255.
        public var r: UInt8, g: UInt8, b: UInt8
        /// A colour from its components.
        public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
            self.r = r
            self.g = g
            self.b = b
        }
        /// Contour colour.
        public static let contour = Color(255, 200, 0)
        /// Long-axis colour.
        public static let longAxis = Color(0, 220, 255)
        /// Short-axis colour.
        public static let shortAxis = Color(255, 80, 200)
        /// Label text.
        public static let white = Color(255, 255, 255)
        /// Label background.
        public static let black = Color(0, 0, 0)
    }

    /// A black image.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        pixels = [UInt8](repeating: 0, count: self.width * self.height * 3)
    }

    /// An RGB image from 8-bit grey levels.
    public init(gray: [UInt8], width: Int, height: Int) {
        self.init(width: width, height: height)
        let count = min(gray.count, width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            gray.withUnsafeBufferPointer { g in
                var i = 0
                while i < count {
                    let v = g[i]
                    out[3 * i] = v
                    out[3 * i + 1] = v
                    out[3 * i + 2] = v
                    i &+= 1
                }
            }
        }
    }

    /// The colour at a pixel (nil outside).
    public func pixel(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let o = (y * width + x) * 3
        return Color(pixels[o], pixels[o + 1], pixels[o + 2])
    }

    /// Sets a pixel; pixels outside the image are ignored.
    public mutating func set(x: Int, y: Int, _ c: Color) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let o = (y * width + x) * 3
        pixels[o] = c.r
        pixels[o + 1] = c.g
        pixels[o + 2] = c.b
    }

    /// Fills a rectangle (clipped).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ c: Color) {
        let x0 = max(0, x), x1 = min(width, x + w), y0 = max(0, y), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            for xx in x0..<x1 { set(x: xx, y: yy, c) }
        }
    }

    /// Draws a line between pixel-centre coordinates, `thickness` pixels wide, stepping half a pixel.
    public mutating func line(from a: SIMD2<Double>, to b: SIMD2<Double>, _ c: Color, thickness: Int = 1) {
        let d = b - a
        let steps = max(1, Int((max(abs(d.x), abs(d.y)) * 2).rounded(.up)))
        let half = thickness / 2
        for s in 0...steps {
            let p = a + d * (Double(s) / Double(steps))
            let px = Int(p.x.rounded()), py = Int(p.y.rounded())
            for oy in -half...(thickness - 1 - half) {
                for ox in -half...(thickness - 1 - half) { set(x: px + ox, y: py + oy, c) }
            }
        }
    }

    /// Draws text with the built-in 5 x 7 font at integer `scale`, on a dark box so it reads on any image.
    public mutating func text(_ string: String, x: Int, y: Int, _ c: Color, scale: Int = 1) {
        let w = BitmapFont.width(of: string, scale: scale)
        fill(x: x - scale, y: y - scale, width: w + 2 * scale, height: (BitmapFont.glyphHeight + 2) * scale,
             Color(0, 0, 0))
        var cursor = x
        for ch in string {
            let rows = BitmapFont.rows(for: ch)
            for (ry, bits) in rows.enumerated() {
                for rx in 0..<BitmapFont.glyphWidth where bits & (0x10 >> UInt8(rx)) != 0 {
                    fill(x: cursor + rx * scale, y: y + ry * scale, width: scale, height: scale, c)
                }
            }
            cursor += BitmapFont.advance * scale
        }
    }

}
