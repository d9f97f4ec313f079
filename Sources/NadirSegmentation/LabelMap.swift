public import NadirImaging

/// A label map aligned to a scan: one 16-bit label per voxel (0 = background), on the scan's `ImageGeometry`.
///
/// A plain `Volume<UInt16>` rather than a new type: NIfTI, NRRD and DICOM SEG label maps read as integer
/// volumes, registration resamples volumes, and every `Volume` operation (crop, geometry checks) applies
/// unchanged. 65535 labels are far more than the lesions of a case; connected-component labelling, which can
/// exceed that, returns `Volume<UInt32>` and relabels into a `LabelMap` only the components that fit.
public typealias LabelMap = Volume<UInt16>

/// How many voxels a label has and where it lies.
public struct LabelSummary: Hashable, Sendable {
    /// The label value.
    public var label: UInt16
    /// Number of voxels with this label.
    public var voxelCount: Int
    /// The smallest box of indices holding every voxel of the label.
    public var bounds: IndexRegion
}

extension Volume {
    /// Makes a volume whose voxels `initialize` writes; it must initialise every voxel of the buffer.
    public init(geometry: ImageGeometry, initializingVoxelsWith initialize: (UnsafeMutableBufferPointer<Voxel>) -> Void) {
        let count = geometry.voxelCount
        let voxels = [Voxel](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            initialize(buffer)
            initialized = count
        }
        guard let volume = Volume(geometry: geometry, voxels: voxels) else {
            preconditionFailure("voxel count is the geometry's by construction")
        }
        self = volume
    }

    /// The voxels of `region` as a volume of their own, on a geometry at the same place in patient space.
    public func cropped(to region: IndexRegion) -> Volume {
        var g = geometry
        g.origin = geometry.physicalPoint(at: region.lower)
        g.size = region.size
        let size = region.size
        let source = geometry.size
        return Volume(geometry: g) { out in
            withUnsafeVoxels { input in
                var o = 0
                for z in 0..<size.z {
                    for y in 0..<size.y {
                        let start = ((region.lower.z + z) * source.y + region.lower.y + y) * source.x + region.lower.x
                        var x = 0
                        while x < size.x {
                            out[o] = input[start + x]
                            o &+= 1
                            x &+= 1
                        }
                    }
                }
            }
        }
    }
}

extension Volume where Voxel == UInt16 {
    /// Makes a label map from an integer volume read from a file (NIfTI, NRRD, DICOM SEG).
    ///
    /// Throws `invalidLabelValue` with the voxel index of the first value that is not a whole number in 0...65535.
    public init(labelsFrom volume: AnyVolume) throws(SegmentationError) {
        /// Converts every voxel with `exact` (nil for a value that is not a whole number in 0...65535).
        func convert<T>(_ v: Volume<T>, _ exact: (T) -> UInt16?) throws(SegmentationError) -> LabelMap {
            var bad: Int?
            let out = LabelMap(geometry: v.geometry) { out in
                v.withUnsafeVoxels { input in
                    for i in 0..<input.count {
                        guard let value = exact(input[i]) else {
                            if bad == nil { bad = i }
                            out[i] = 0
                            continue
                        }
                        out[i] = value
                    }
                }
            }
            if let bad { throw Self.badValue(at: bad, in: v.geometry) }
            return out
        }
        switch volume {
        case .uint8(let v): self = try convert(v) { UInt16(exactly: $0) }
        case .int8(let v): self = try convert(v) { UInt16(exactly: $0) }
        case .uint16(let v): self = v
        case .int16(let v): self = try convert(v) { UInt16(exactly: $0) }
        case .uint32(let v): self = try convert(v) { UInt16(exactly: $0) }
        case .int32(let v): self = try convert(v) { UInt16(exactly: $0) }
        case .float32(let v): self = try convert(v) { UInt16(exactly: $0) }
        case .float64(let v): self = try convert(v) { UInt16(exactly: $0) }
        }
    }

    private static func badValue(at offset: Int, in geometry: ImageGeometry) -> SegmentationError {
        let nx = geometry.size.x, ny = geometry.size.y
        let index = SIMD3<Int>(offset % nx, (offset / nx) % ny, offset / (nx * ny))
        return SegmentationError(.invalidLabelValue, index: index,
                                 detail: "a label map holds whole numbers 0...65535; convert or threshold the file first")
    }

    /// Every non-zero label with its voxel count and bounding box, in increasing label order (one pass, split
    /// across the cores by slabs of slices).
    public func labelSummaries() -> [LabelSummary] {
        let nx = geometry.size.x, ny = geometry.size.y, nz = geometry.size.z
        let slabs = max(1, min(nz, 4))
        var parts = [[UInt16: LabelSummary]](repeating: [:], count: slabs)
        withUnsafeVoxels { v in
            parts.withUnsafeMutableBufferPointer { parts in
                Parallel.forEach(slabs) { s in
                    var found: [UInt16: LabelSummary] = [:]
                    guard let base = v.baseAddress else { return }
                    for z in (nz * s / slabs)..<(nz * (s + 1) / slabs) {
                        for y in 0..<ny {
                            let row = (z * ny + y) * nx
                            var x = 0
                            while x < nx {
                                // Skip background 16 voxels at a time: label maps are mostly zero.
                                if x &+ 16 <= nx {
                                    let p = UnsafeRawPointer(base + row + x)
                                    let any = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                                        | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                                        | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                                    if any == 0 {
                                        x &+= 16
                                        continue
                                    }
                                }
                                if x &+ 4 <= nx, UnsafeRawPointer(base + row + x).loadUnaligned(as: UInt64.self) == 0 {
                                    x &+= 4
                                    continue
                                }
                                let label = base[row + x]
                                if label != 0 {
                                    // A run of the same label: one dictionary update per run.
                                    var end = x &+ 1
                                    while end < nx, base[row + end] == label { end &+= 1 }
                                    let lo = SIMD3(x, y, z), hi = SIMD3(end - 1, y, z)
                                    if var summary = found[label] {
                                        summary.voxelCount += end - x
                                        summary.bounds = summary.bounds.union(IndexRegion(lower: lo, upper: hi))
                                        found[label] = summary
                                    } else {
                                        found[label] = LabelSummary(label: label, voxelCount: end - x,
                                                                    bounds: IndexRegion(lower: lo, upper: hi))
                                    }
                                    x = end
                                    continue
                                }
                                x &+= 1
                            }
                        }
                    }
                    parts[s] = found
                }
            }
        }
        var merged: [UInt16: LabelSummary] = [:]
        for part in parts {
            for (label, s) in part {
                if var m = merged[label] {
                    m.voxelCount += s.voxelCount
                    m.bounds = m.bounds.union(s.bounds)
                    merged[label] = m
                } else {
                    merged[label] = s
                }
            }
        }
        return merged.values.sorted { $0.label < $1.label }
    }

    /// A binary mask (1 inside) of one label.
    public func mask(of label: UInt16) -> Volume<UInt8> {
        converted { $0 == label ? 1 : 0 }
    }

    /// Writes `mask`'s non-zero voxels as `label` into this map, at the place the mask's geometry says.
    ///
    /// The mask must lie on this map's grid (same spacing and direction, origin on a voxel of this grid);
    /// voxels outside this map are ignored. With `overwrite` false, voxels holding another label are kept.
    public mutating func paste(_ mask: Volume<UInt8>, as label: UInt16, overwrite: Bool = false)
        throws(SegmentationError)
    {
        guard let c = geometry.continuousIndex(of: mask.geometry.origin) else {
            throw SegmentationError(.geometryMismatch, label: label, detail: "the label map's direction is singular")
        }
        let shift = SIMD3<Int>(Int(c.x.rounded()), Int(c.y.rounded()), Int(c.z.rounded()))
        var probe = mask.geometry
        probe.origin = geometry.physicalPoint(at: shift)
        guard norm(c - SIMD3<Double>(shift)) < 1e-3, probe.isCongruent(with: mask.geometry, tolerance: 1e-3) else {
            throw SegmentationError(.geometryMismatch, label: label,
                                    detail: "the mask is not on the label map's voxel grid; resample it first")
        }
        let ms = mask.geometry.size, size = geometry.size
        mask.withUnsafeVoxels { m in
            withUnsafeMutableVoxels { out in
                for z in 0..<ms.z {
                    for y in 0..<ms.y {
                        for x in 0..<ms.x where m[(z * ms.y + y) * ms.x + x] != 0 {
                            let p = shift &+ SIMD3(x, y, z)
                            guard all(p .>= .zero), all(p .< size) else { continue }
                            let o = (p.z * size.y + p.y) * size.x + p.x
                            if overwrite || out[o] == 0 || out[o] == label { out[o] = label }
                        }
                    }
                }
            }
        }
    }
}

extension Volume where Voxel == Int16 {
    /// A binary mask (1 inside) of the voxels whose value lies in `window` (e.g. bone: 200...3071 HU).
    public func mask(in window: ClosedRange<Int16>) -> Volume<UInt8> {
        let lo = window.lowerBound, hi = window.upperBound
        return Volume<UInt8>(geometry: geometry) { out in
            withUnsafeVoxels { v in
                var i = 0
                let n = v.count
                while i < n {
                    let x = v[i]
                    out[i] = (x >= lo && x <= hi) ? 1 : 0
                    i &+= 1
                }
            }
        }
    }
}
