public import Foundation

/// A closed triangle mesh in patient space (LPS mm): the surface of a lesion.
public struct TriangleMesh: Sendable {
    /// Vertex positions, LPS mm.
    public var vertices: [SIMD3<Double>]
    /// Triangles as vertex indices, counter-clockwise seen from outside (normals point outwards).
    public var triangles: [SIMD3<Int32>]

    /// Makes a mesh.
    public init(vertices: [SIMD3<Double>], triangles: [SIMD3<Int32>]) {
        self.vertices = vertices
        self.triangles = triangles
    }

    /// The enclosed volume (mm³) by the divergence theorem: the sum of the signed volumes of the tetrahedra
    /// formed by each triangle and the origin (positive for outward normals).
    public var volume: Double {
        var sum = 0.0
        for t in triangles {
            let a = vertices[Int(t.x)], b = vertices[Int(t.y)], c = vertices[Int(t.z)]
            sum += (a * crossProduct(b, c)).sum()
        }
        return sum / 6
    }

    /// The surface area (mm²).
    public var surfaceArea: Double {
        var sum = 0.0
        for t in triangles {
            let a = vertices[Int(t.x)], b = vertices[Int(t.y)], c = vertices[Int(t.z)]
            let n = crossProduct(b - a, c - a)
            sum += (n * n).sum().squareRoot()
        }
        return sum / 2
    }

    /// Whether every edge is shared by exactly two triangles, traversed once in each direction (a closed,
    /// consistently oriented 2-manifold).
    public var isWatertight: Bool {
        var directed: [UInt64: Int] = [:]
        directed.reserveCapacity(triangles.count * 3)
        for t in triangles {
            for (a, b) in [(t.x, t.y), (t.y, t.z), (t.z, t.x)] {
                directed[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] += 1
            }
        }
        for (key, count) in directed {
            let reverse = (key << 32) | (key >> 32)
            guard count == 1, directed[reverse] == 1 else { return false }
        }
        return !triangles.isEmpty
    }

    /// Binary STL (little-endian: 80-byte header, triangle count, then normal, three vertices and a zero
    /// attribute per triangle), coordinates in mm (LPS).
    public func stl(header: String = "nadir lesion mesh, LPS mm") -> Data {
        var data = Data(capacity: 84 + triangles.count * 50)
        var head = Array(header.utf8.prefix(80))
        head += [UInt8](repeating: 0, count: 80 - head.count)
        data.append(contentsOf: head)
        func append(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func append(_ f: Float) { append(f.bitPattern) }
        append(UInt32(triangles.count))
        for t in triangles {
            let a = vertices[Int(t.x)], b = vertices[Int(t.y)], c = vertices[Int(t.z)]
            var n = crossProduct(b - a, c - a)
            let length = (n * n).sum().squareRoot()
            n = length > 0 ? n / length : .zero
            for p in [n, a, b, c] {
                append(Float(p.x))
                append(Float(p.y))
                append(Float(p.z))
            }
            data.append(contentsOf: [0, 0])
        }
        return data
    }

    /// Wavefront OBJ text: `v x y z` lines (LPS mm) then `f i j k` lines (1-based), shared vertices kept.
    public func obj(comment: String = "nadir lesion mesh, LPS mm") -> String {
        var out = "# \(comment)\n"
        out.reserveCapacity(vertices.count * 40 + triangles.count * 24)
        for v in vertices {
            out += "v \(v.x) \(v.y) \(v.z)\n"
        }
        for t in triangles {
            out += "f \(t.x + 1) \(t.y + 1) \(t.z + 1)\n"
        }
        return out
    }
}

@inline(__always)
func crossProduct(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}
