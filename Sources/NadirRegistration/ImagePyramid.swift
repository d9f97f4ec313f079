internal import NadirImaging

/// A multi-resolution pyramid: level 0 is the image itself, each further level averages 2x2x2 (or 2x2x1 for
/// thick slices) blocks, so each level is a smoothed, subsampled copy placed exactly in physical space.
struct ImagePyramid: Sendable {
    /// Level 0 = full resolution, last = coarsest.
    var levels: [Volume<Float>]

    /// Builds levels until the finest spacing reaches `coarsestSpacing` mm, no axis can be halved, or
    /// `maximumLevels` levels exist (`levelCount` forces an exact count where the size allows).
    init(_ image: Volume<Float>, coarsestSpacing: Double, levelCount: Int? = nil, maximumLevels: Int = 6) {
        var levels = [image]
        while let last = levels.last, levels.count < (levelCount ?? maximumLevels) {
            let g = last.geometry
            let minSpacing = min(g.spacing.x, g.spacing.y, g.spacing.z)
            if levelCount == nil, minSpacing >= coarsestSpacing { break }
            let factors = Self.shrinkFactors(g)
            guard factors != SIMD3<Int>(1, 1, 1) else { break }
            levels.append(Self.downsample(last, factors: factors))
        }
        self.levels = levels
    }

    /// Halve the axes whose spacing is within 1.5x of the finest spacing and that keep at least 8 voxels.
    static func shrinkFactors(_ g: ImageGeometry) -> SIMD3<Int> {
        let minSpacing = min(g.spacing.x, g.spacing.y, g.spacing.z)
        var f = SIMD3<Int>(1, 1, 1)
        for axis in 0..<3 where g.spacing[axis] < 1.5 * minSpacing && g.size[axis] >= 16 {
            f[axis] = 2
        }
        return f
    }

    /// Block-averages by `factors` (1 or 2 per axis); the new voxel centre is the block's centre.
    static func downsample(_ image: Volume<Float>, factors f: SIMD3<Int>) -> Volume<Float> {
        let g = image.geometry
        let size = SIMD3<Int>(max(1, g.size.x / f.x), max(1, g.size.y / f.y), max(1, g.size.z / f.z))
        let centre = SIMD3<Double>(Double(f.x - 1), Double(f.y - 1), Double(f.z - 1)) / 2
        let geometry = ImageGeometry(size: size, origin: g.physicalPoint(at: centre),
                                     spacing: g.spacing * SIMD3<Double>(Double(f.x), Double(f.y), Double(f.z)),
                                     direction: g.direction)
        var out = Volume<Float>(geometry: geometry, repeating: 0)
        let nx = g.size.x, ny = g.size.y
        let scale = 1 / Float(f.x * f.y * f.z)
        out.withUnsafeMutableVoxels { dst in
            image.withUnsafeVoxels { src in
                Parallel.forEachChunk(count: size.y * size.z, minimumPerChunk: 4) { _, rows in
                    guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                    for row in rows {
                        let y = row % size.y, z = row / size.y
                        let outRow = d + row * size.x
                        var x = 0
                        while x < size.x {
                            outRow[x] = 0
                            x &+= 1
                        }
                        for dz in 0..<f.z {
                            for dy in 0..<f.y {
                                let inRow = s + ((z * f.z + dz) * ny + (y * f.y + dy)) * nx
                                x = 0
                                if f.x == 2 {
                                    while x < size.x {
                                        outRow[x] += inRow[2 &* x] + inRow[2 &* x &+ 1]
                                        x &+= 1
                                    }
                                } else {
                                    while x < size.x {
                                        outRow[x] += inRow[x]
                                        x &+= 1
                                    }
                                }
                            }
                        }
                        x = 0
                        while x < size.x {
                            outRow[x] *= scale
                            x &+= 1
                        }
                    }
                }
            }
        }
        return out
    }
}

/// Intensity-weighted centre of mass (image moments), used to initialise the translation so that large
/// offsets (30 mm and more) converge: ITK's `CenteredTransformInitializer` in MOMENTS mode.
enum Moments {
    /// The centre of mass in physical space of the voxels above `min + 10 % of the range`, weighted by their
    /// height above that floor (so air and lung count for nothing whatever the unit); `nil` for a constant image.
    static func centerOfMass(_ image: Volume<Float>) -> SIMD3<Double>? {
        let g = image.geometry
        var low = Float.infinity, high = -Float.infinity
        image.withUnsafeVoxels { v in
            for value in v where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
        }
        guard high > low else { return nil }
        let floor = low + 0.1 * (high - low)
        var weight = 0.0
        var sum = SIMD3<Double>.zero
        image.withUnsafeVoxels { v in
            guard let base = v.baseAddress else { return }
            for z in 0..<g.size.z {
                var rowWeight = SIMD3<Double>.zero
                var planeWeight = 0.0
                for y in 0..<g.size.y {
                    let row = base + (z * g.size.y + y) * g.size.x
                    var w = 0.0, wx = 0.0
                    var x = 0
                    while x < g.size.x {
                        let value = row[x]
                        let h = value.isFinite ? Double(max(value - floor, 0)) : 0
                        w += h
                        wx += h * Double(x)
                        x &+= 1
                    }
                    rowWeight += SIMD3(wx, w * Double(y), w * Double(z))
                    planeWeight += w
                }
                sum += rowWeight
                weight += planeWeight
            }
        }
        guard weight > 0 else { return nil }
        return g.physicalPoint(at: sum / weight)
    }
}
