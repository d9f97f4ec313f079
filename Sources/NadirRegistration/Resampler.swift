public import NadirImaging

/// How values between voxel centres are obtained.
public enum Interpolation: String, Hashable, Sendable, Codable {
    /// Trilinear interpolation of the eight surrounding voxels (images).
    case linear
    /// The value of the nearest voxel (label maps and masks: never invents labels).
    case nearestNeighbor
}

/// Resamples volumes and label maps into another scan's grid through a spatial transform.
///
/// For each voxel of the target geometry at physical point `x`, the source is sampled at `transform(x)`:
/// the transform maps **target-space points to source-space points**, which is exactly what
/// `RigidRegistrar` returns when the target is the fixed image and the source the moving image. Works for
/// any geometry (oblique directions included) because the whole index-to-index map is one affine map.
/// Points outside the source get `defaultValue`. Runs on all cores.
public enum Resampler {
    /// Resamples a `Float` volume.
    public static func resample(_ volume: Volume<Float>, onto geometry: ImageGeometry,
                                transform: some SpatialTransform = AffineTransform3D.identity,
                                interpolation: Interpolation = .linear, defaultValue: Float = 0) throws -> Volume<Float> {
        try resampleGeneric(volume, onto: geometry, transform: transform.affineTransform,
                            interpolation: interpolation, defaultValue: defaultValue)
    }

    /// Resamples an `Int16` volume (CT in HU); linear results are rounded to the nearest integer.
    public static func resample(_ volume: Volume<Int16>, onto geometry: ImageGeometry,
                                transform: some SpatialTransform = AffineTransform3D.identity,
                                interpolation: Interpolation = .linear, defaultValue: Int16 = 0) throws -> Volume<Int16> {
        try resampleGeneric(volume, onto: geometry, transform: transform.affineTransform,
                            interpolation: interpolation, defaultValue: defaultValue)
    }

    /// Resamples a `UInt8` volume (masks, small label maps); use `.nearestNeighbor` for labels.
    public static func resample(_ volume: Volume<UInt8>, onto geometry: ImageGeometry,
                                transform: some SpatialTransform = AffineTransform3D.identity,
                                interpolation: Interpolation = .nearestNeighbor, defaultValue: UInt8 = 0) throws -> Volume<UInt8> {
        try resampleGeneric(volume, onto: geometry, transform: transform.affineTransform,
                            interpolation: interpolation, defaultValue: defaultValue)
    }

    /// Resamples a `UInt16` volume (label maps, MR); use `.nearestNeighbor` for labels.
    public static func resample(_ volume: Volume<UInt16>, onto geometry: ImageGeometry,
                                transform: some SpatialTransform = AffineTransform3D.identity,
                                interpolation: Interpolation = .nearestNeighbor, defaultValue: UInt16 = 0) throws -> Volume<UInt16> {
        try resampleGeneric(volume, onto: geometry, transform: transform.affineTransform,
                            interpolation: interpolation, defaultValue: defaultValue)
    }

    /// Resamples an `Int32` volume (label maps); use `.nearestNeighbor` for labels (linear is exact only up to 2^24).
    public static func resample(_ volume: Volume<Int32>, onto geometry: ImageGeometry,
                                transform: some SpatialTransform = AffineTransform3D.identity,
                                interpolation: Interpolation = .nearestNeighbor, defaultValue: Int32 = 0) throws -> Volume<Int32> {
        try resampleGeneric(volume, onto: geometry, transform: transform.affineTransform,
                            interpolation: interpolation, defaultValue: defaultValue)
    }

    /// Called with a concrete voxel type and a concrete transform by each overload, so the optimiser
    /// specialises the kernels (a generic transform parameter would leave them unspecialised: 10x slower).
    static func resampleGeneric<V: InterpolatableVoxel>(
        _ volume: Volume<V>, onto geometry: ImageGeometry, transform: AffineTransform3D,
        interpolation: Interpolation, defaultValue: V
    ) throws -> Volume<V> {
        let map = try IndexMap(target: geometry, source: volume.geometry, transform: transform)
        var out = Volume<V>(geometry: geometry, repeating: defaultValue)
        guard geometry.voxelCount > 0, volume.geometry.voxelCount > 0 else { return out }
        out.withUnsafeMutableVoxels { target in
            volume.withUnsafeVoxels { source in
                switch interpolation {
                case .linear:
                    ResamplingKernel.linear(source: source, sourceSize: volume.geometry.size, target: target,
                                            targetSize: geometry.size, map: map)
                case .nearestNeighbor:
                    ResamplingKernel.nearest(source: source, sourceSize: volume.geometry.size, target: target,
                                             targetSize: geometry.size, map: map)
                }
            }
        }
        return out
    }
}

/// The affine map from a target voxel index to the continuous source index: `k(i) = K i + b`.
struct IndexMap {
    var matrix: Matrix3
    var offset: SIMD3<Double>

    init(target: ImageGeometry, source: ImageGeometry, transform: AffineTransform3D) throws {
        guard let toSource = source.physicalToIndex else {
            throw RegistrationError(.singularGeometry, image: "source",
                                    detail: "direction \(source.direction) or spacing \(source.spacing) is singular")
        }
        guard target.physicalToIndex != nil else {
            throw RegistrationError(.singularGeometry, image: "target",
                                    detail: "direction \(target.direction) or spacing \(target.spacing) is singular")
        }
        let a = transform.matrix
        matrix = toSource * (a * target.indexToPhysical)
        offset = toSource * (a * (target.origin - transform.center) + transform.center + transform.translation
            - source.origin)
    }
}

/// Voxel types that linear interpolation can produce (computed in `Float`).
protocol InterpolatableVoxel: BitwiseCopyable, Sendable {
    /// The value as a `Float`.
    var floatValue: Float { get }
    /// The voxel nearest to an interpolated value (rounded and clamped for integer types).
    init(interpolated value: Float)
}

extension Float: InterpolatableVoxel {
    var floatValue: Float { self }
    init(interpolated value: Float) { self = value }
}

extension Int16: InterpolatableVoxel {
    var floatValue: Float { Float(self) }
    init(interpolated value: Float) { self = Int16(Swift.min(Swift.max(value.rounded(), -32768), 32767)) }
}

extension UInt8: InterpolatableVoxel {
    var floatValue: Float { Float(self) }
    init(interpolated value: Float) { self = UInt8(Swift.min(Swift.max(value.rounded(), 0), 255)) }
}

extension UInt16: InterpolatableVoxel {
    var floatValue: Float { Float(self) }
    init(interpolated value: Float) { self = UInt16(Swift.min(Swift.max(value.rounded(), 0), 65535)) }
}

extension Int32: InterpolatableVoxel {
    var floatValue: Float { Float(self) }
    init(interpolated value: Float) { self = Int32(Swift.min(Swift.max(Double(value.rounded()), -2_147_483_648), 2_147_483_647)) }
}
