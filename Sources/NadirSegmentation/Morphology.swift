public import NadirImaging

extension BoxMask {
    /// Voxels within `radius` mm of the mask (dilation by a ball).
    func dilated(radius: Double) -> BoxMask {
        guard radius > 0 else { return self }
        let m = voxels
        let d = DistanceTransform.squaredDistance(size: size, spacing: spacing) { m[$0] != 0 }
        let r2 = radius * radius * (1 + 1e-9)
        var out = self
        for i in 0..<count { out.voxels[i] = d[i] <= r2 ? 1 : 0 }
        return out
    }

    /// Voxels whose ball of `radius` mm holds no background (erosion; the box border does not erode).
    func eroded(radius: Double) -> BoxMask {
        guard radius > 0 else { return self }
        let m = voxels
        let d = DistanceTransform.squaredDistance(size: size, spacing: spacing) { m[$0] == 0 }
        let r2 = radius * radius * (1 + 1e-9)
        var out = self
        for i in 0..<count { out.voxels[i] = (m[i] != 0 && d[i] > r2) ? 1 : 0 }
        return out
    }

    /// Opening by a ball: removes parts thinner than the ball and cuts bridges narrower than it.
    func opened(radius: Double) -> BoxMask { eroded(radius: radius).dilated(radius: radius) }

    /// Closing by a ball: fills gaps and notches narrower than the ball.
    func closed(radius: Double) -> BoxMask { dilated(radius: radius).eroded(radius: radius) }
}

/// Morphology of one label of a label map, with balls of a radius in millimetres (anisotropic spacing handled
/// exactly through a Euclidean distance transform in mm, not a structuring element counted in voxels).
///
/// Each operation works in the label's bounding box grown by the radius; voxels it adds take the label only
/// where they were background (other labels are never overwritten), voxels it removes become background.
/// The grid's axes must be orthogonal (as in every axial CT and MR series; resample gantry-tilted ones first).
public enum Morphology {
    /// The kind of operation.
    public enum Operation: String, Sendable, CaseIterable {
        /// Dilation by a ball.
        case dilate
        /// Erosion by a ball.
        case erode
        /// Erosion then dilation: removes thin parts and cuts thin bridges.
        case open
        /// Dilation then erosion: fills thin gaps and notches.
        case close
        /// Fills cavities not connected to the outside (3D, 6-connected background).
        case fillHoles
    }

    /// Applies `operation` with a ball of `radius` mm to `label` in `labels`.
    public static func apply(_ operation: Operation, radius: Double = 0, to label: UInt16, in labels: LabelMap)
        throws(SegmentationError) -> LabelMap
    {
        guard radius.isFinite, radius >= 0 else {
            throw SegmentationError(.invalidParameter, label: label, detail: "radius \(radius) mm must be >= 0")
        }
        try requireOrthogonalAxes(labels.geometry, label: label)
        guard let summary = labels.labelSummaries().first(where: { $0.label == label }) else {
            throw SegmentationError(.labelNotFound, label: label, detail: "the label map has no voxel of this label")
        }
        let g = labels.geometry
        let margin = SIMD3<Int>((SIMD3(repeating: radius) / g.spacing).rounded(.up)) &+ 1
        let box = summary.bounds.padded(by: margin, clippedTo: g.size)
        var mask = BoxMask(size: box.size, spacing: g.spacing)
        labels.withUnsafeVoxels { v in
            forEach(box, in: g.size) { i, o in mask.voxels[i] = v[o] == label ? 1 : 0 }
        }
        let result: BoxMask
        switch operation {
        case .dilate: result = mask.dilated(radius: radius)
        case .erode: result = mask.eroded(radius: radius)
        case .open: result = mask.opened(radius: radius)
        case .close: result = mask.closed(radius: radius)
        case .fillHoles: result = mask.fillingHoles()
        }
        var out = labels
        out.withUnsafeMutableVoxels { v in
            forEach(box, in: g.size) { i, o in
                if result.voxels[i] != 0 {
                    if v[o] == 0 { v[o] = label }
                } else if v[o] == label {
                    v[o] = 0
                }
            }
        }
        return out
    }

    static func requireOrthogonalAxes(_ g: ImageGeometry, label: UInt16? = nil) throws(SegmentationError) {
        let d = g.direction
        let worst = max(abs(dot(d.c0, d.c1)), abs(dot(d.c0, d.c2)), abs(dot(d.c1, d.c2)))
        guard worst < 1e-4 else {
            throw SegmentationError(.invalidParameter, label: label,
                                    detail: "the image axes are not orthogonal (gantry tilt?); resample to an orthogonal grid first")
        }
    }

    /// Calls `body(boxOffset, volumeOffset)` for every voxel of `box` in a volume of `size`.
    static func forEach(_ box: IndexRegion, in size: SIMD3<Int>, _ body: (Int, Int) -> Void) {
        let s = box.size
        var i = 0
        for z in 0..<s.z {
            for y in 0..<s.y {
                var o = ((box.lower.z + z) * size.y + box.lower.y + y) * size.x + box.lower.x
                for _ in 0..<s.x {
                    body(i, o)
                    i &+= 1
                    o &+= 1
                }
            }
        }
    }
}
