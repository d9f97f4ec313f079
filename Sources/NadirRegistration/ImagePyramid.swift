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
