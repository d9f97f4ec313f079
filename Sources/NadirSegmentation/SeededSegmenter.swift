public import NadirImaging

/// Segments one lesion from a seed point on CT without leaking into touching tissue of similar density.
///
/// Steps, all in a region of interest around the seed and in millimetres:
/// 1. Gaussian smoothing (preset sigma) against noise.
/// 2. Seed intensity: median of the smoothed image within 2 mm of the seed; noise from its MAD.
/// 3. Core: the 6-connected region from the seed within a narrow window (median ± 3 noise SD) and within the
///    preset's maximum radius of the seed (the bounded region).
/// 4. Adaptive window: from a shell 1.5-4 mm outside the core, the median of the darker and of the brighter
///    surrounding tissue; each bound is the midpoint between the lesion and that tissue (the partial-volume
///    half-way edge), or the preset's default half-width on a side with no contrasting tissue.
/// 5. Region: grown from the core within the adaptive window and the bounded region.
/// 6. Context (lung): only where the enclosing tissue (air), closed by a ball larger than the lesion, covers it;
///    this cuts a juxtapleural nodule from the chest wall however broad the contact.
/// 7. Opening by a small ball to cut thin bridges, keeping the component at the seed; 3D hole filling.
/// A plain connected threshold stops at none of these and leaks along any touching tissue of similar density.
public struct SeededSegmenter: Sendable {
    /// The tissue-specific settings.
    public var preset: SegmentationPreset

    /// Makes a segmenter for a tissue preset.
    public init(preset: SegmentationPreset) {
        self.preset = preset
    }

    /// Segments the lesion at `seed` in a CT volume (HU).
    public func segment(_ volume: Volume<Int16>, seed: SeedPoint) throws(SegmentationError) -> SegmentationResult {
        let g = volume.geometry
        try Morphology.requireOrthogonalAxes(g)
        let seedIndex: SIMD3<Int>
        switch seed {
        case .physical(let p):
            guard let i = g.index(of: p) else {
                throw SegmentationError(.seedOutsideImage, seed: p, detail: "pick a seed inside the scan")
            }
            seedIndex = i
        case .index(let i):
            guard g.contains(index: i) else {
                throw SegmentationError(.seedOutsideImage, index: i, detail: "pick a voxel inside the scan")
            }
            seedIndex = i
        }
        guard preset.maximumRadius > 0, preset.smoothingSigma >= 0, preset.openingRadius >= 0,
              preset.minimumHalfWidth > 0 else {
            throw SegmentationError(.invalidParameter, index: seedIndex, detail: "preset \(preset.name) has a negative size")
        }
        // Most lesions are small: try a small bounded region first and widen it only when the lesion reaches
        // its edge (the result inside a region the lesion does not reach is the same, at a fraction of the cost).
        var radius = min(preset.maximumRadius, max(preset.typicalRadius, 1))
        while true {
            var p = preset
            p.maximumRadius = radius
            p.enclosingClosingRadius = min(preset.enclosingClosingRadius, radius + 1)
            var result = try attempt(volume, seedIndex: seedIndex, preset: p)
            if !result.reachedSizeLimit || radius >= preset.maximumRadius {
                result.preset = preset
                return result
            }
            radius = min(preset.maximumRadius, radius * 2)
        }
    }

    private func attempt(_ volume: Volume<Int16>, seedIndex: SIMD3<Int>, preset p: SegmentationPreset)
        throws(SegmentationError) -> SegmentationResult
    {
        let g = volume.geometry
        // Region of interest: the bounded region plus room for the context closing and the shell.
        let reach = p.maximumRadius + 5
        let half = SIMD3<Int>((SIMD3(repeating: reach) / g.spacing).rounded(.up))
        let region = IndexRegion(lower: seedIndex, upper: seedIndex).padded(by: half, clippedTo: g.size)
        let roi = volume.cropped(to: region)
        let work = RegionWork(size: region.size, spacing: g.spacing, seed: seedIndex &- region.lower)
        let smooth = work.smoothed(roi, sigma: p.smoothingSigma)

        // 2. Seed intensity and noise.
        let near = work.values(smooth, within: max(2.0, g.spacing.max() * 0.75))
        let mu = RegionWork.median(near)
        let noise = 1.4826 * RegionWork.median(near.map { abs($0 - mu) })
        guard p.plausibleIntensity.contains(mu) else {
            throw SegmentationError(.seedNotInLesion, index: seedIndex,
                                    detail: "seed intensity \(Int(mu.rounded())) HU is outside the \(p.name) preset's "
                                        + "\(Int(p.plausibleIntensity.lowerBound))...\(Int(p.plausibleIntensity.upperBound)) HU; "
                                        + "check the seed or the preset")
        }
        let delta = min(max(3 * noise, p.minimumHalfWidth), max(p.minimumHalfWidth, p.defaultHalfWidth / 2))
        let bounded = work.ball(radius: p.maximumRadius)

        // 3. Core.
        let core = work.grow(smooth, window: (mu - delta)...(mu + delta), allowed: bounded, from: nil,
                             nearSeedWithin: 2.0)
        guard !core.isEmpty else {
            throw SegmentationError(.seedNotInLesion, index: seedIndex, detail: "no voxel near the seed fits its own intensity")
        }
        // 4. Adaptive window from the surrounding shell.
        let (window, tight) = work.adaptiveWindow(smooth, core: core, mu: mu, delta: delta, preset: p)
        // 5. Region.
        let grown = work.grow(smooth, window: window, allowed: bounded, from: core, nearSeedWithin: 0)
        var region5 = grown
        // 6. Context.
        if let enclosing = p.enclosingTissue {
            // The closing needs room beyond the region; air (-850 HU) stands far enough from its threshold
            // that the raw values serve, so the wider box is never smoothed.
            let more = SIMD3<Int>((SIMD3(repeating: p.enclosingClosingRadius) / g.spacing).rounded(.up))
            let outer = region.padded(by: more, clippedTo: g.size)
            var air = BoxMask(size: outer.size, spacing: g.spacing)
            volume.cropped(to: outer).withUnsafeVoxels { v in
                for i in 0..<air.count where enclosing.contains(Double(v[i])) { air.voxels[i] = 1 }
            }
            let closed = air.closed(radius: p.enclosingClosingRadius)
            let inner = IndexRegion(lower: region.lower &- outer.lower, upper: region.upper &- outer.lower)
            let envelope = BoxMask.crop(closed.voxels, size: outer.size, to: inner)
            for i in 0..<region5.count where envelope[i] == 0 { region5.voxels[i] = 0 }
        }
        // 7. Opening, component at the seed, holes: in the region's own bounding box (plus the ball).
        let regrow = p.enclosingTissue == nil ? 0.0 : 1.5
        let margin = SIMD3<Int>((SIMD3(repeating: max(p.openingRadius, regrow)) / g.spacing).rounded(.up)) &+ 1
        guard let box = region5.bounds(margin: margin) else {
            throw SegmentationError(.seedNotInLesion, index: seedIndex, detail: "no region grew from the seed")
        }
        let sub = region5.cropped(to: box)
        let seedInBox = work.seed &- box.lower
        var cut = sub.opened(radius: p.openingRadius).keepingComponent(nearest: seedInBox, connectivity: .twentySix)
        if cut.isEmpty { cut = sub.keepingComponent(nearest: seedInBox, connectivity: .twentySix) }
        if regrow > 0 {
            // The envelope also shaves the lesion where it meets the wall (the part embedded in the wall and
            // the fillet a ball cannot leave); win back what lies within 1.5 mm of the lesion, in the grown
            // region and in the tight window, whose top lies half-way between the lesion and the wall.
            let allowed = grown.cropped(to: box)
            let values = BoxMask.crop(smooth, size: region.size, to: box)
            cut = cut.dilated(radius: regrow)
            for i in 0..<cut.count where allowed.voxels[i] == 0 || !tight.contains(values[i]) { cut.voxels[i] = 0 }
            cut = cut.keepingComponent(nearest: seedInBox, connectivity: .twentySix)
        }
        var lesion = BoxMask(size: region.size, spacing: g.spacing)
        lesion.paste(cut.fillingHoles(), at: box)
        guard !lesion.isEmpty else {
            throw SegmentationError(.seedNotInLesion, index: seedIndex, detail: "the lesion vanished after cutting bridges")
        }
        // Reaching the bounded region's surface means the lesion may continue beyond it.
        let limit = (p.maximumRadius - g.spacing.max()) * (p.maximumRadius - g.spacing.max())
        var touches = false
        var count = 0
        work.forEachVoxel { i, d2 in
            guard lesion.voxels[i] != 0 else { return }
            count += 1
            if d2 >= limit { touches = true }
        }
        var geometry = g
        geometry.origin = g.physicalPoint(at: region.lower)
        geometry.size = region.size
        guard let mask = Volume<UInt8>(geometry: geometry, voxels: lesion.voxels) else {
            preconditionFailure("the box mask has the region's size by construction")
        }
        return SegmentationResult(mask: mask, region: region, seedIndex: seedIndex, seedIntensity: mu,
                                  intensityWindow: window, voxelCount: count, reachedSizeLimit: touches, preset: p)
    }
}
