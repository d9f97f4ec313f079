internal import NadirImaging

/// The inner loops of `Resampler`: row segments of cache-sized tiles, tiles split over the cores.
enum ResamplingKernel {
    /// Tolerance (in voxels) for points that fall on the outer voxel centres up to rounding.
    static let edgeTolerance = 1e-6

    static func linear<V: InterpolatableVoxel>(
        source: UnsafeBufferPointer<V>, sourceSize: SIMD3<Int>, target: UnsafeMutableBufferPointer<V>,
        targetSize: SIMD3<Int>, map: IndexMap
    ) {
        let nx = sourceSize.x, ny = sourceSize.y, nz = sourceSize.z
        let strideY = nx, strideZ = nx * ny
        // Neighbour steps: 0 along an axis of one voxel, so flat volumes interpolate in-plane.
        let stepX = nx > 1 ? 1 : 0, stepY = ny > 1 ? strideY : 0, stepZ = nz > 1 ? strideZ : 0
        let upper = SIMD3<Double>(Double(nx - 1), Double(ny - 1), Double(nz - 1)) + edgeTolerance
        let lastCell = SIMD3<Int>(max(nx - 2, 0), max(ny - 2, 0), max(nz - 2, 0))
        let dx = map.matrix.c0
        forEachSegment(targetSize) { y, z, xStart, xEnd in
            guard let src = source.baseAddress, let dst = target.baseAddress else { return }
            var p = map.offset + dx * Double(xStart) + map.matrix.c1 * Double(y) + map.matrix.c2 * Double(z)
            var x = xStart
            var out = (z * targetSize.y + y) * targetSize.x + xStart
            while x < xEnd {
                if p.x >= -edgeTolerance, p.y >= -edgeTolerance, p.z >= -edgeTolerance,
                   p.x <= upper.x, p.y <= upper.y, p.z <= upper.z {
                    let ix = min(max(Int(p.x), 0), lastCell.x)
                    let iy = min(max(Int(p.y), 0), lastCell.y)
                    let iz = min(max(Int(p.z), 0), lastCell.z)
                    let fx = Float(min(max(p.x - Double(ix), 0), 1))
                    let fy = Float(min(max(p.y - Double(iy), 0), 1))
                    let fz = Float(min(max(p.z - Double(iz), 0), 1))
                    let base = src + (iz * strideZ + iy * strideY + ix)
                    let c000 = base[0].floatValue, c100 = base[stepX].floatValue
                    let c010 = base[stepY].floatValue, c110 = base[stepY + stepX].floatValue
                    let c001 = base[stepZ].floatValue, c101 = base[stepZ + stepX].floatValue
                    let c011 = base[stepZ + stepY].floatValue, c111 = base[stepZ + stepY + stepX].floatValue
                    let c00 = c000 + fx * (c100 - c000), c10 = c010 + fx * (c110 - c010)
                    let c01 = c001 + fx * (c101 - c001), c11 = c011 + fx * (c111 - c011)
                    let c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01)
                    dst[out] = V(interpolated: c0 + fz * (c1 - c0))
                }
                p += dx
                out &+= 1
                x &+= 1
            }
        }
    }

    static func nearest<V: BitwiseCopyable>(
        source: UnsafeBufferPointer<V>, sourceSize: SIMD3<Int>, target: UnsafeMutableBufferPointer<V>,
        targetSize: SIMD3<Int>, map: IndexMap
    ) {
        let nx = sourceSize.x, ny = sourceSize.y, nz = sourceSize.z
        let dx = map.matrix.c0
        let limit = SIMD3<Double>(Double(nx), Double(ny), Double(nz))
        // Voxel i covers continuous indices [i - 0.5, i + 0.5); shift by 0.5 so truncation finds it.
        forEachSegment(targetSize) { y, z, xStart, xEnd in
            guard let src = source.baseAddress, let dst = target.baseAddress else { return }
            var p = map.offset + dx * Double(xStart) + map.matrix.c1 * Double(y) + map.matrix.c2 * Double(z) + 0.5
            var x = xStart
            var out = (z * targetSize.y + y) * targetSize.x + xStart
            while x < xEnd {
                if p.x >= 0, p.y >= 0, p.z >= 0, p.x < limit.x, p.y < limit.y, p.z < limit.z {
                    let ix = min(Int(p.x), nx - 1), iy = min(Int(p.y), ny - 1), iz = min(Int(p.z), nz - 1)
                    dst[out] = src[(iz * ny + iy) * nx + ix]
                }
                p += dx
                out &+= 1
                x &+= 1
            }
        }
    }

    /// Tile edge lengths (x, y, z) of the traversal: a 64 x 16 x 16 block of target voxels reads a compact
    /// source region that stays in cache, where whole rows through an oblique or rotated source would
    /// touch a new cache line for almost every voxel.
    static let tile = SIMD3<Int>(64, 16, 16)

    /// Calls `body(y, z, xStart, xEnd)` for every row segment of every tile; tiles are split over the cores.
    static func forEachSegment(_ size: SIMD3<Int>, _ body: (Int, Int, Int, Int) -> Void) {
        let tilesX = (size.x + tile.x - 1) / tile.x, tilesY = (size.y + tile.y - 1) / tile.y
        let tilesZ = (size.z + tile.z - 1) / tile.z
        Parallel.forEachChunk(count: tilesX * tilesY * tilesZ, minimumPerChunk: 1) { _, tiles in
            for t in tiles {
                let bx = t % tilesX, by = (t / tilesX) % tilesY, bz = t / (tilesX * tilesY)
                let xStart = bx * tile.x, xEnd = min(xStart + tile.x, size.x)
                for z in (bz * tile.z)..<min((bz + 1) * tile.z, size.z) {
                    for y in (by * tile.y)..<min((by + 1) * tile.y, size.y) {
                        body(y, z, xStart, xEnd)
                    }
                }
            }
        }
    }
}
