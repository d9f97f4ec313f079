public import NadirImaging

/// A square planar grid in physical LPS space: the pixels of a snapshot. Pixel (i, j) lies at
/// `center + (i - (size-1)/2) * pixelSpacing * right + (j - (size-1)/2) * pixelSpacing * down`; pixels are
/// square in millimetres, so any volume (oblique, anisotropic) displays with its true aspect.
public struct SnapshotPlane: Hashable, Sendable {
    /// The physical point at the image centre, LPS mm.
    public var center: SIMD3<Double>
    /// Unit vector to the screen's right, LPS.
    public var right: SIMD3<Double>
    /// Unit vector to the screen's bottom, LPS.
    public var down: SIMD3<Double>
    /// Millimetres per pixel.
    public var pixelSpacing: Double
    /// Pixels per side.
    public var size: Int

    /// A plane from its centre, axes, pixel spacing and size.
    public init(center: SIMD3<Double>, right: SIMD3<Double>, down: SIMD3<Double>, pixelSpacing: Double, size: Int) {
        self.center = center
        self.right = right
        self.down = down
        self.pixelSpacing = pixelSpacing
        self.size = size
    }

    /// The display orientations (radiological convention: patient left on screen right in axial and coronal,
    /// anterior on screen left in sagittal, superior up).
    public enum Orientation: String, Sendable, CaseIterable {
        case axial, coronal, sagittal

        /// (right, down) unit vectors in LPS.
        public var axes: (right: SIMD3<Double>, down: SIMD3<Double>) {
            switch self {
            case .axial: ([1, 0, 0], [0, 1, 0])
            case .coronal: ([1, 0, 0], [0, 0, -1])
            case .sagittal: ([0, 1, 0], [0, 0, -1])
            }
        }
    }

    /// A plane of an orientation centred on a point, `fieldOfView` mm across.
    public init(_ orientation: Orientation, center: SIMD3<Double>, fieldOfView: Double, size: Int) {
        let axes = orientation.axes
        self.init(center: center, right: axes.right, down: axes.down,
                  pixelSpacing: fieldOfView / Double(max(size - 1, 1)), size: size)
    }

    /// The physical point of pixel (i, j).
    public func point(i: Double, j: Double) -> SIMD3<Double> {
        let half = Double(size - 1) / 2
        return center + right * ((i - half) * pixelSpacing) + down * ((j - half) * pixelSpacing)
    }

    /// The pixel coordinates of a physical point projected onto the plane.
    public func pixel(of point: SIMD3<Double>) -> SIMD2<Double> {
        let half = Double(size - 1) / 2
        let d = point - center
        return [dot(d, right) / pixelSpacing + half, dot(d, down) / pixelSpacing + half]
    }

    /// The plane through `point` with the same orientation that shows all of `geometry`'s extent.
    public static func covering(_ geometry: ImageGeometry, orientation: Orientation, through point: SIMD3<Double>,
                                size: Int) -> SnapshotPlane {
        let axes = orientation.axes
        let s = geometry.size &- 1
        var lo = SIMD2<Double>(repeating: .infinity), hi = SIMD2<Double>(repeating: -.infinity)
        for corner in 0..<8 {
            let idx = SIMD3<Double>(corner & 1 == 0 ? 0 : Double(s.x), corner & 2 == 0 ? 0 : Double(s.y),
                                    corner & 4 == 0 ? 0 : Double(s.z))
            let d = geometry.physicalPoint(at: idx) - point
            let q = SIMD2<Double>(dot(d, axes.right), dot(d, axes.down))
            lo = pointwiseMin(lo, q)
            hi = pointwiseMax(hi, q)
        }
        let mid = (lo + hi) / 2
        let fov = max(hi.x - lo.x, hi.y - lo.y, 1)
        return SnapshotPlane(orientation, center: point + axes.right * mid.x + axes.down * mid.y,
                             fieldOfView: fov, size: size)
    }

    /// Samples a volume on the plane: `sample` receives the continuous index of each pixel (nil when the
    /// geometry is singular). Row-major output, `size * size` values.
    func sample<T>(_ geometry: ImageGeometry, fill: T, _ sample: (SIMD3<Double>) -> T) -> [T]? {
        guard let inverse = geometry.direction.inverse else { return nil }
        let toIndex = { (p: SIMD3<Double>) -> SIMD3<Double> in (inverse * (p - geometry.origin)) / geometry.spacing }
        let start = toIndex(point(i: 0, j: 0))
        let di = toIndex(point(i: 1, j: 0)) - start
        let dj = toIndex(point(i: 0, j: 1)) - start
        var out = [T](repeating: fill, count: size * size)
        out.withUnsafeMutableBufferPointer { buffer in
            var j = 0
            while j < size {
                var idx = start + dj * Double(j)
                var i = 0
                while i < size {
                    buffer[j * size + i] = sample(idx)
                    idx += di
                    i &+= 1
                }
                j &+= 1
            }
        }
        return out
    }
}

extension Volume where Voxel == Int16 {
    /// Trilinear interpolation at a continuous index; `outside` beyond the image.
    func interpolated(at c: SIMD3<Double>, outside: Double, _ voxels: UnsafeBufferPointer<Int16>) -> Double {
        let s = geometry.size
        let f = c.rounded(.down)
        let x0 = Int(f.x), y0 = Int(f.y), z0 = Int(f.z)
        // Allow the last plane exactly (single-slice volumes and edges).
        guard x0 >= 0, y0 >= 0, z0 >= 0, x0 < s.x, y0 < s.y, z0 < s.z else {
            return outside
        }
        let t = c - f
        let x1 = min(x0 + 1, s.x - 1), y1 = min(y0 + 1, s.y - 1), z1 = min(z0 + 1, s.z - 1)
        func v(_ x: Int, _ y: Int, _ z: Int) -> Double { Double(voxels[(z * s.y + y) * s.x + x]) }
        let c00 = v(x0, y0, z0) * (1 - t.x) + v(x1, y0, z0) * t.x
        let c10 = v(x0, y1, z0) * (1 - t.x) + v(x1, y1, z0) * t.x
        let c01 = v(x0, y0, z1) * (1 - t.x) + v(x1, y0, z1) * t.x
        let c11 = v(x0, y1, z1) * (1 - t.x) + v(x1, y1, z1) * t.x
        let c0 = c00 * (1 - t.y) + c10 * t.y
        let c1 = c01 * (1 - t.y) + c11 * t.y
        return c0 * (1 - t.z) + c1 * t.z
    }
}
