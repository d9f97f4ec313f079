public import NadirImaging
public import NadirSegmentation

/// Iso-surfaces of label masks as closed triangle meshes in patient space.
///
/// Marching cubes with each cube cut into the six tetrahedra of Kuhn's triangulation (all sharing the cube's
/// main diagonal), i.e. the marching-tetrahedra variant (Doi and Koide, IEICE Trans. 1991). Neighbouring cubes
/// cut their shared face along the same diagonal, so there are no ambiguous cases and the surface is closed
/// and manifold by construction; one vertex per grid edge (shared between cells) gives an indexed mesh.
/// Triangles are oriented so that normals point from inside to outside in patient space, whatever the sign
/// of the direction matrix's determinant.
public enum MarchingCubes {
    /// Kuhn's six tetrahedra of the unit cube, by corner number (bit 0 = x, bit 1 = y, bit 2 = z).
    static let tetrahedra: [(Int, Int, Int, Int)] = [
        (0, 1, 3, 7), (0, 1, 5, 7), (0, 2, 3, 7), (0, 2, 6, 7), (0, 4, 5, 7), (0, 4, 6, 7),
    ]

    /// The surface of `label` in `labels`: the 0.5 level of the mask, smoothed first by a Gaussian of
    /// `smoothing` times the coarser in-plane spacing (mm, every axis) when `smoothing` > 0 (see `LesionMeasurer` for why).
    public static func mesh(of label: UInt16, in labels: LabelMap, smoothing: Double = 0)
        throws(MeasurementError) -> TriangleMesh
    {
        guard let summary = labels.labelSummaries().first(where: { $0.label == label }) else {
            throw MeasurementError(.labelNotFound, label: label, detail: "the label map has no voxel of this label")
        }
        let field = LabelField(label: label, labels: labels, bounds: summary.bounds, smoothing: smoothing)
        return mesh(field)
    }

    /// Extracts the 0.5 level of a field.
    static func mesh(_ field: LabelField) -> TriangleMesh {
        let n = field.size
        let (nx, ny, nz) = (n.x, n.y, n.z)
        let level: Float = 0.5
        var vertices: [SIMD3<Double>] = []
        var triangles: [SIMD3<Int32>] = []
        // Vertex ids of the edges whose lower corner lies in grid layer z (two layers kept).
        let layer = nx * ny * 7
        var idStorage = [Int32](repeating: -1, count: 2 * layer)
        let g = field.geometry
        // Index space -> patient space is linear; a negative determinant mirrors, so flip every triangle then.
        let scaled = Matrix3(columns: g.direction.c0 * g.spacing.x, g.direction.c1 * g.spacing.y,
                             g.direction.c2 * g.spacing.z)
        let mirrored = scaled.determinant < 0
        let corner = (0..<8).map { SIMD3<Int>($0 & 1, ($0 >> 1) & 1, $0 >> 2) }
        let tets = tetrahedra.map { SIMD4<Int>($0.0, $0.1, $0.2, $0.3) }
        var positions: [SIMD3<Double>] = []  // index space, for orientation
        idStorage.withUnsafeMutableBufferPointer { ids in
        field.values.withUnsafeBufferPointer { f in
            func vertex(_ a: SIMD3<Int>, _ b: SIMD3<Int>, _ va: Float, _ vb: Float) -> Int32 {
                let d = b &- a
                let code = d.x + 2 * d.y + 4 * d.z - 1
                let slot = ((a.y * nx + a.x) * 7) + code
                let key = (a.z & 1) * layer + slot
                if ids[key] >= 0 { return ids[key] }
                let t = Double((level - va) / (vb - va))
                let c = SIMD3<Double>(a) + SIMD3<Double>(d) * t
                vertices.append(g.physicalPoint(at: c))
                positions.append(c)
                let id = Int32(vertices.count - 1)
                ids[key] = id
                return id
            }
            for z in 0..<(nz - 1) {
                let next = ((z + 1) & 1) * layer
                for i in 0..<layer { ids[next + i] = -1 }
                for y in 0..<(ny - 1) {
                    for x in 0..<(nx - 1) {
                        var v = SIMD8<Float>()
                        var inside = 0
                        let o = (z * ny + y) * nx + x
                        for k in 0..<8 {
                            v[k] = f[o + (k & 1) + ((k >> 1) & 1) * nx + (k >> 2) * nx * ny]
                            if v[k] >= level { inside += 1 }
                        }
                        if inside == 0 || inside == 8 { continue }
                        let base = SIMD3(x, y, z)
                        for tet in tets {
                            // Split the tetrahedron's corners into inside and outside (no heap).
                            var ins = SIMD4<Int>(), outs = SIMD4<Int>()
                            var ni = 0, no = 0
                            for k in 0..<4 {
                                if v[tet[k]] >= level { ins[ni] = tet[k]; ni += 1 } else { outs[no] = tet[k]; no += 1 }
                            }
                            if ni == 0 || no == 0 { continue }
                            func e(_ i: Int, _ o: Int) -> Int32 {
                                // Edges run from the lower corner to the upper one in every coordinate.
                                let (lo, hi) = i < o ? (i, o) : (o, i)
                                return vertex(base &+ corner[lo], base &+ corner[hi], v[lo], v[hi])
                            }
                            var first: SIMD3<Int32>, second: SIMD3<Int32>? = nil
                            if ni == 1 {
                                first = SIMD3(e(ins[0], outs[0]), e(ins[0], outs[1]), e(ins[0], outs[2]))
                            } else if ni == 3 {
                                first = SIMD3(e(ins[0], outs[0]), e(ins[1], outs[0]), e(ins[2], outs[0]))
                            } else {
                                let ac = e(ins[0], outs[0]), ad = e(ins[0], outs[1])
                                let bd = e(ins[1], outs[1]), bc = e(ins[1], outs[0])
                                first = SIMD3(ac, ad, bd)
                                second = SIMD3(ac, bd, bc)
                            }
                            // Orient outwards: along the direction from the inside corners to the outside ones.
                            var towardsOutside = SIMD3<Double>.zero
                            for k in 0..<no { towardsOutside += SIMD3<Double>(corner[outs[k]]) / Double(no) }
                            for k in 0..<ni { towardsOutside -= SIMD3<Double>(corner[ins[k]]) / Double(ni) }
                            for candidate in [first, second] {
                                guard var face = candidate else { continue }
                                let p0 = positions[Int(face.x)], p1 = positions[Int(face.y)], p2 = positions[Int(face.z)]
                                if ((crossProduct(p1 - p0, p2 - p0) * towardsOutside).sum() < 0) != mirrored {
                                    face = SIMD3(face.x, face.z, face.y)
                                }
                                triangles.append(face)
                            }
                        }
                    }
                }
            }
        }
        }
        return TriangleMesh(vertices: vertices, triangles: triangles)
    }
}

/// A label's mask as a float field in its bounding box padded with empty voxels (so the surface closes),
/// optionally smoothed; `geometry` places the box in patient space (its index 0 is the box's first voxel).
struct LabelField {
    var size: SIMD3<Int>
    var values: [Float]
    var geometry: ImageGeometry

    init(label: UInt16, labels: LabelMap, bounds: IndexRegion, smoothing: Double) {
        let g = labels.geometry
        let sigma = SIMD3<Double>(repeating: smoothing * max(g.spacing.x, g.spacing.y)) / g.spacing
        let blur = SIMD3<Int>((sigma * 3).rounded(.up))
        let pad = blur &+ 1
        let lower = bounds.lower &- pad
        size = bounds.size &+ pad &* 2
        var geometry = g
        geometry.origin = g.physicalPoint(at: lower)
        geometry.size = size
        self.geometry = geometry
        let count = size.x * size.y * size.z
        var values = [Float](repeating: 0, count: count)
        let s = size
        labels.withUnsafeVoxels { v in
            for z in bounds.lower.z...bounds.upper.z {
                for y in bounds.lower.y...bounds.upper.y {
                    let source = (z * g.size.y + y) * g.size.x
                    let target = ((z - lower.z) * s.y + (y - lower.y)) * s.x - lower.x
                    for x in bounds.lower.x...bounds.upper.x where v[source + x] == label {
                        values[target + x] = 1
                    }
                }
            }
        }
        if smoothing > 0 { values = Smoothing.gaussian(values, size: s, sigma: sigma) }
        self.values = values
    }
}
