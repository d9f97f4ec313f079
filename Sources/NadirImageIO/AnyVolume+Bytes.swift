internal import Foundation
internal import NadirImaging

extension AnyVolume {
    /// Makes a volume of `type` on `geometry`, letting `fill` write the voxel bytes straight into the volume's
    /// storage (no intermediate copy), then swapping bytes when the file's order differs from this machine's.
    static func make(type: VoxelType, geometry: ImageGeometry, bigEndian: Bool,
                     fill: (UnsafeMutableRawBufferPointer) throws -> Void) throws -> AnyVolume
    {
        let swap = bigEndian != (1.bigEndian == 1)
        switch type {
        case .uint8: return .uint8(try makeVolume(UInt8.self, geometry, swap, fill))
        case .int8: return .int8(try makeVolume(Int8.self, geometry, swap, fill))
        case .uint16: return .uint16(try makeVolume(UInt16.self, geometry, swap, fill))
        case .int16: return .int16(try makeVolume(Int16.self, geometry, swap, fill))
        case .uint32: return .uint32(try makeVolume(UInt32.self, geometry, swap, fill))
        case .int32: return .int32(try makeVolume(Int32.self, geometry, swap, fill))
        case .float32: return .float32(try makeVolume(Float.self, geometry, swap, fill))
        case .float64: return .float64(try makeVolume(Double.self, geometry, swap, fill))
        }
    }

    /// Runs `body` over the voxel bytes in this machine's byte order.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .uint8(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .int8(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .uint16(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .int16(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .uint32(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .int32(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .float32(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        case .float64(let v): try v.withUnsafeVoxels { try body(UnsafeRawBufferPointer($0)) }
        }
    }
}

private func makeVolume<T: BitwiseCopyable & Sendable>(
    _: T.Type, _ geometry: ImageGeometry, _ swap: Bool, _ fill: (UnsafeMutableRawBufferPointer) throws -> Void
) throws -> Volume<T> {
    let count = geometry.voxelCount
    let voxels = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        try fill(raw)
        if swap { swapBytes(raw, width: MemoryLayout<T>.size) }
        initialized = count
    }
    guard let volume = Volume(geometry: geometry, voxels: voxels) else {
        throw ImageIOError(.badDimensions, detail: "voxel count \(voxels.count) does not match the geometry")
    }
    return volume
}

/// Reverses the byte order of every `width`-byte word in place (big-endian files on little-endian machines).
func swapBytes(_ raw: UnsafeMutableRawBufferPointer, width: Int) {
    guard let base = raw.baseAddress else { return }
    switch width {
    case 2: swapWords(base.assumingMemoryBound(to: UInt16.self), raw.count / 2)
    case 4: swapWords(base.assumingMemoryBound(to: UInt32.self), raw.count / 4)
    case 8: swapWords(base.assumingMemoryBound(to: UInt64.self), raw.count / 8)
    default: return
    }
}

private func swapWords<W: FixedWidthInteger>(_ p: UnsafeMutablePointer<W>, _ count: Int) {
    var i = 0
    while i < count {
        p[i] = p[i].byteSwapped
        i &+= 1
    }
}
