public import NadirImaging
internal import Dispatch
internal import Foundation

/// A synthetic CT scan and its ground-truth label map.
public struct PhantomImage: Sendable {
    /// The CT, HU.
    public var ct: Volume<Int16>
    /// The lesions' labels (0 = background); a voxel is labelled when its centre lies inside the ellipsoid.
    public var labels: Volume<UInt16>
}

/// A synthetic CT phantom: analytic anatomy (or a uniform background), ellipsoidal lesions with partial volume,
/// Gaussian noise from a fixed seed, and a rigid motion of the whole body, rendered on any geometry
/// (oblique directions and anisotropic spacing included).
///
/// Rendering is deterministic: the noise of a voxel depends only on the seed and the voxel's offset in the grid.
public struct Phantom: Sendable {
    /// The grid to render on (LPS mm).
    public var geometry: ImageGeometry
    /// The anatomy; nil renders `background` everywhere outside lesions.
    public var anatomy: ChestAnatomy?
    /// Density (HU) outside lesions when there is no anatomy.
    public var background: Double
    /// The lesions, in the body frame; a scenario changes them per timepoint.
    public var lesions: [PhantomLesion]
    /// Where the body lies in patient space.
    public var motion: RigidMotion
    /// Standard deviation of the Gaussian noise, HU (0: none).
    public var noiseStandardDeviation: Double
    /// Seed of the noise.
    public var noiseSeed: UInt64

    /// Makes a phantom.
    public init(geometry: ImageGeometry, anatomy: ChestAnatomy? = ChestAnatomy(), background: Double = 0,
                lesions: [PhantomLesion], motion: RigidMotion = .identity, noiseStandardDeviation: Double = 12,
                noiseSeed: UInt64 = 20_240_601) {
        self.geometry = geometry
        self.anatomy = anatomy
        self.background = background
        self.lesions = lesions
        self.motion = motion
        self.noiseStandardDeviation = noiseStandardDeviation
        self.noiseSeed = noiseSeed
    }

    /// A geometry of `size` voxels centred on the patient-space origin.
    public static func centredGeometry(size: SIMD3<Int>, spacing: SIMD3<Double>,
                                       direction: Matrix3 = .identity) -> ImageGeometry {
        let half = SIMD3<Double>(size &- 1) * spacing / 2
        return ImageGeometry(size: size, origin: -(direction * half), spacing: spacing, direction: direction)
    }

    /// The body-frame point of index `i` is `bodyOrigin + bodyStep * i`.
    var bodyMapping: (origin: SIMD3<Double>, step: Matrix3) {
        let g = geometry
        let rT = motion.rotation.transposed
        let scaled = Matrix3(columns: g.direction.c0 * g.spacing.x, g.direction.c1 * g.spacing.y,
                             g.direction.c2 * g.spacing.z)
        return (rT * (g.origin - motion.translation), rT * scaled)
    }

    /// Renders the CT and the label map.
    ///
    /// Anatomy edges get partial volume like a real scanner's: each voxel is half its centre's density and
    /// half the mean of its eight corners' (a cheap box-PSF), so a structure's boundary is a ramp, not a step.
    public func render() -> PhantomImage {
        let g = geometry
        let (b0, step) = bodyMapping
        let nx = g.size.x, ny = g.size.y, nz = g.size.z
        let anatomy = anatomy, background = background
        let noise = NoiseField(seed: noiseSeed, standardDeviation: noiseStandardDeviation)
        let voxels = [Int16](unsafeUninitializedCapacity: g.voxelCount) { out, initialized in
            let box = SendableBox(out)
            let slabs = min(nz, 16)
            DispatchQueue.concurrentPerform(iterations: slabs) { slab in
                let out = box.value
                let z0 = nz * slab / slabs, z1 = nz * (slab + 1) / slabs
                guard let anatomy else {
                    for o in (z0 * nx * ny)..<(z1 * nx * ny) { out[o] = Phantom.clamp(background + noise.value(at: o)) }
                    return
                }
                // Densities at the voxel corners below and above the current slice; the upper plane of one
                // slice is the lower plane of the next.
                let cx = nx + 1
                let (sx, sy, sz) = (step.c0.x, step.c0.y, step.c0.z)
                func cornerPlane(_ zc: Double, into plane: inout [Double]) {
                    for y in 0...ny {
                        let b = b0 + step * SIMD3<Double>(-0.5, Double(y) - 0.5, zc)
                        var (px, py, pz) = (b.x, b.y, b.z)
                        for x in 0...nx {
                            plane[y * cx + x] = anatomy.density(px, py, pz)
                            px += sx; py += sy; pz += sz
                        }
                    }
                }
                var below = [Double](repeating: 0, count: cx * (ny + 1)), above = below
                cornerPlane(Double(z0) - 0.5, into: &below)
                for z in z0..<z1 {
                    cornerPlane(Double(z) + 0.5, into: &above)
                    for y in 0..<ny {
                        let b = b0 + step.c1 * Double(y) + step.c2 * Double(z)
                        var (px, py, pz) = (b.x, b.y, b.z)
                        var o = (z * ny + y) * nx
                        for x in 0..<nx {
                            let i = y * cx + x
                            let c = below[i] + below[i + 1] + below[i + cx] + below[i + cx + 1]
                                + above[i] + above[i + 1] + above[i + cx] + above[i + cx + 1]
                            let value = 0.5 * anatomy.density(px, py, pz) + 0.0625 * c + noise.value(at: o)
                            out[o] = Phantom.clamp(value)
                            px += sx; py += sy; pz += sz
                            o &+= 1
                        }
                    }
                    swap(&below, &above)
                }
            }
            initialized = g.voxelCount
        }
        guard var ct = Volume(geometry: g, voxels: voxels) else { preconditionFailure("sized by the geometry") }
        var labels = Volume<UInt16>(geometry: g, repeating: 0)
        for lesion in lesions {
            paint(lesion, ct: &ct, labels: &labels, noise: noise)
        }
        return PhantomImage(ct: ct, labels: labels)
    }

    /// The anatomy's density at a body point with the same partial volume as `render` (no lesions, no noise).
    func blurredDensity(at b: SIMD3<Double>) -> Double {
        guard let anatomy else { return background }
        let step = bodyMapping.step
        var c = 0.0
        for k in 0..<8 {
            let u = SIMD3<Double>(Double(k & 1), Double((k >> 1) & 1), Double(k >> 2)) - 0.5
            c += anatomy.density(at: b + step * u)
        }
        return 0.5 * anatomy.density(at: b) + 0.0625 * c
    }

    /// Renders only the ground-truth label map (fast: lesion bounding boxes only).
    public func renderLabels() -> Volume<UInt16> {
        var labels = Volume<UInt16>(geometry: geometry, repeating: 0)
        for lesion in lesions {
            labels.withUnsafeMutableVoxels { l in
                forEachVoxel(near: lesion) { offset, _, q in if q <= 1 { l[offset] = lesion.label } }
            }
        }
        return labels
    }

    static func clamp(_ value: Double) -> Int16 {
        Int16(max(-32768, min(32767, value.rounded())))
    }

    /// Calls `body(offset, body-frame point, normalised radius²)` for every voxel whose centre lies within one
    /// voxel diagonal of the lesion's bounding sphere.
    func forEachVoxel(near lesion: PhantomLesion, _ body: (Int, SIMD3<Double>, Double) -> Void) {
        let g = geometry
        let (b0, step) = bodyMapping
        guard let inverse = step.inverse else { return }
        let reach = lesion.radii.max() + norm(g.spacing)
        let c = inverse * (lesion.centre - b0)
        let rows = [inverse.row(0), inverse.row(1), inverse.row(2)]
        let half = SIMD3<Double>(norm(rows[0]), norm(rows[1]), norm(rows[2])) * reach
        let lo = pointwiseMax(SIMD3<Int>((c - half).rounded(.down)), .zero)
        let hi = pointwiseMin(SIMD3<Int>((c + half).rounded(.up)), g.size &- 1)
        guard all(lo .<= hi) else { return }
        for z in lo.z...hi.z {
            for y in lo.y...hi.y {
                for x in lo.x...hi.x {
                    let b = b0 + step * SIMD3<Double>(Double(x), Double(y), Double(z))
                    body(g.offset(x: x, y: y, z: z), b, lesion.normalizedRadiusSquared(ofBodyPoint: b))
                }
            }
        }
    }

    /// Writes a lesion into the CT (with partial volume from 4x4x4 sub-samples near its surface) and labels.
    func paint(_ lesion: PhantomLesion, ct: inout Volume<Int16>, labels: inout Volume<UInt16>, noise: NoiseField) {
        let step = bodyMapping.step
        let band = norm(step * SIMD3<Double>(repeating: 0.5)) / lesion.radii.min() * 1.5
        ct.withUnsafeMutableVoxels { ct in
        labels.withUnsafeMutableVoxels { labels in
        forEachVoxel(near: lesion) { offset, b, q in
            let r = q.squareRoot()
            var fraction: Double
            if r < 1 - band { fraction = 1 } else if r > 1 + band { fraction = 0 } else {
                var inside = 0
                for k in 0..<64 {
                    let u = SIMD3<Double>(Double(k & 3), Double((k >> 2) & 3), Double(k >> 4)) / 4 - 0.375
                    if lesion.contains(bodyPoint: b + step * u) { inside += 1 }
                }
                fraction = Double(inside) / 64
            }
            if q <= 1 { labels[offset] = lesion.label }
            guard fraction > 0 else { return }
            let base = blurredDensity(at: b)
            ct[offset] = Phantom.clamp(base * (1 - fraction) + lesion.hounsfield * fraction + noise.value(at: offset))
        }
        }
        }
    }
}

/// Gaussian noise that depends only on a seed and the voxel offset (SplitMix64 hash, Box-Muller transform).
struct NoiseField: Sendable {
    var seed: UInt64
    var standardDeviation: Double

    @inline(__always)
    func value(at offset: Int) -> Double {
        guard standardDeviation > 0 else { return 0 }
        var z = (seed ^ (UInt64(offset >> 1) &* 0xD1B5_4A32_D192_ED03)) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let u1 = (Double(z >> 32) + 0.5) / 4_294_967_296.0
        let u2 = Double(z & 0xFFFF_FFFF) / 4_294_967_296.0
        let r = (-2 * log(u1)).squareRoot() * standardDeviation
        return offset & 1 == 0 ? r * cos(2 * Double.pi * u2) : r * sin(2 * Double.pi * u2)
    }
}

/// Carries a buffer into a concurrent loop whose iterations write disjoint rows.
struct SendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
