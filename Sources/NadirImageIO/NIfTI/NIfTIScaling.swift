public import NadirImaging

/// NIfTI `scl_slope`/`scl_inter` (nifti1.h: "y = scl_slope * x + scl_inter"; a slope of 0 means no scaling).
///
/// Nadir's rule for the voxel type of the result:
/// - slope 0, NaN or infinite, or slope 1 with intercept 0: the stored voxels, unchanged;
/// - integer voxels with a whole-number slope and intercept: an integer volume again, exact: the stored type
///   when every scaled value fits it, else int16, else int32, else float64 (exact up to 2^53);
/// - any other scaling: float32 for 8- and 16-bit integer and float32 voxels (the result is rounded once, to
///   float32's 24-bit precision, as SimpleITK's float output is), float64 for 32-bit integer and float64 voxels.
/// A non-finite intercept counts as 0. Every change of type is reported as a `scalingChangedType` diagnostic.
public struct NIfTIScaling: Sendable, Hashable {
    /// `scl_slope`.
    public var slope: Double
    /// `scl_inter`.
    public var intercept: Double

    /// Makes the scaling of a header's fields.
    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept.isFinite ? intercept : 0
    }

    /// Whether the fields ask for any change of the stored values.
    public var isIdentity: Bool { !slope.isFinite || slope == 0 || (slope == 1 && intercept == 0) }

    /// The scaled volume and, when the voxel type changed, a diagnostic saying so.
    public func apply(to volume: AnyVolume) -> (AnyVolume, ImageIODiagnostic?) {
        guard !isIdentity else { return (volume, nil) }
        let result: AnyVolume
        switch volume {
        case .uint8(let v): result = scaleInteger(v, wide: false)
        case .int8(let v): result = scaleInteger(v, wide: false)
        case .uint16(let v): result = scaleInteger(v, wide: false)
        case .int16(let v): result = scaleInteger(v, wide: false)
        case .uint32(let v): result = scaleInteger(v, wide: true)
        case .int32(let v): result = scaleInteger(v, wide: true)
        case .float32(let v): result = .float32(map(v) { Float(Double($0) * slope + intercept) })
        case .float64(let v): result = .float64(map(v) { $0 * slope + intercept })
        }
        let before = volume.voxelTypeName, after = result.voxelTypeName
        let note = before == after ? nil
            : ImageIODiagnostic(.scalingChangedType, field: "scl_slope/scl_inter",
                                detail: "scl_slope \(slope), scl_inter \(intercept) applied: \(before) voxels became \(after)")
        return (result, note)
    }

    private func scaleInteger<S: FixedWidthInteger & BitwiseCopyable & Sendable>(_ v: Volume<S>, wide: Bool) -> AnyVolume {
        let whole = slope == slope.rounded() && intercept == intercept.rounded()
            && abs(slope) < 0x1p31 && abs(intercept) < 0x1p52
        guard whole else {
            return wide ? .float64(map(v) { Double($0) * slope + intercept })
                        : .float32(map(v) { Float(Double($0) * slope + intercept) })
        }
        let (low, high) = range(v)
        let a = Double(low) * slope + intercept, b = Double(high) * slope + intercept
        let (lo, hi) = (min(a, b), max(a, b))
        let s = Int64(slope), i = Int64(intercept)
        func fits<T: FixedWidthInteger>(_: T.Type) -> Bool { lo >= Double(T.min) && hi <= Double(T.max) }
        if fits(S.self) { return wrap(map(v) { S(truncatingIfNeeded: Int64($0) &* s &+ i) }) }
        if fits(Int16.self) { return .int16(map(v) { Int16(truncatingIfNeeded: Int64($0) &* s &+ i) }) }
        if fits(Int32.self) { return .int32(map(v) { Int32(truncatingIfNeeded: Int64($0) &* s &+ i) }) }
        return .float64(map(v) { Double(Int64($0) &* s &+ i) })
    }

    private func wrap<S>(_ v: Volume<S>) -> AnyVolume {
        switch v {
        case let v as Volume<UInt8>: .uint8(v)
        case let v as Volume<Int8>: .int8(v)
        case let v as Volume<UInt16>: .uint16(v)
        case let v as Volume<Int16>: .int16(v)
        case let v as Volume<UInt32>: .uint32(v)
        case let v as Volume<Int32>: .int32(v)
        case let v as Volume<Float>: .float32(v)
        case let v as Volume<Double>: .float64(v)
        default: preconditionFailure("AnyVolume holds every voxel type")
        }
    }
}

/// The smallest and largest voxel (0, 0 for an empty volume).
func range<S: FixedWidthInteger & BitwiseCopyable & Sendable>(_ v: Volume<S>) -> (S, S) {
    v.withUnsafeVoxels { p in
        guard var low = p.first else { return (0, 0) }
        var high = low
        var k = 0
        while k < p.count {
            let x = p[k]
            low = min(low, x)
            high = max(high, x)
            k &+= 1
        }
        return (low, high)
    }
}

/// A voxel-by-voxel map over the unsafe buffers (specialised in this module, unlike a cross-module generic).
func map<S: BitwiseCopyable & Sendable, T: BitwiseCopyable & Sendable>(_ v: Volume<S>, _ f: (S) -> T) -> Volume<T> {
    let count = v.geometry.voxelCount
    let out = v.withUnsafeVoxels { source in
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            var k = 0
            while k < count {
                buffer.initializeElement(at: k, to: f(source[k]))
                k &+= 1
            }
            initialized = count
        }
    }
    guard let result = Volume(geometry: v.geometry, voxels: out) else {
        preconditionFailure("the mapped voxel count matches the geometry by construction")
    }
    return result
}
