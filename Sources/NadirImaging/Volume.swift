/// A 3D image: voxels in x-fastest order over an `ImageGeometry`.
///
/// Value semantics with copy-on-write storage (the voxel array). Inner loops should use
/// `withUnsafeVoxels` / `withUnsafeMutableVoxels`, not the checked subscript.
public struct Volume<Voxel: BitwiseCopyable & Sendable>: Sendable {
    public internal(set) var geometry: ImageGeometry
    public internal(set) var voxels: [Voxel]

    /// Makes a volume from voxels in x-fastest order; `nil` when the count does not match the geometry.
    public init?(geometry: ImageGeometry, voxels: [Voxel]) {
        guard voxels.count == geometry.voxelCount else { return nil }
        self.geometry = geometry
        self.voxels = voxels
    }

    /// Makes a volume filled with one value.
    public init(geometry: ImageGeometry, repeating value: Voxel) {
        self.geometry = geometry
        self.voxels = [Voxel](repeating: value, count: geometry.voxelCount)
    }

    /// Checked access by index (tests and rare look-ups; not for loops over all voxels).
    public subscript(x: Int, y: Int, z: Int) -> Voxel {
        get { voxels[geometry.offset(x: x, y: y, z: z)] }
        set { voxels[geometry.offset(x: x, y: y, z: z)] = newValue }
    }

    /// Runs `body` over the voxel buffer.
    @inlinable
    public func withUnsafeVoxels<R>(_ body: (UnsafeBufferPointer<Voxel>) throws -> R) rethrows -> R {
        try voxels.withUnsafeBufferPointer(body)
    }

    /// Runs `body` over the mutable voxel buffer.
    public mutating func withUnsafeMutableVoxels<R>(_ body: (UnsafeMutableBufferPointer<Voxel>) throws -> R)
        rethrows -> R
    {
        try voxels.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// The same voxels placed on another geometry with the same size (e.g. after registration).
    public func replacingGeometry(_ newGeometry: ImageGeometry) -> Volume? {
        guard newGeometry.size == geometry.size else { return nil }
        var copy = self
        copy.geometry = newGeometry
        return copy
    }
}
