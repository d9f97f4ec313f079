import NadirImaging
import NadirSegmentation
import NadirTestSupport
import Testing

/// Seeded segmentation against the phantom's ground-truth label map (voxel centres inside the analytic
/// ellipsoid), on lesions that make a plain threshold region grower leak.
@Suite struct SeededSegmenterTests {
    /// The issue's bar: Dice >= 0.90 on every lesion.
    static let minimumDice = 0.90

    static let grids: [(spacing: SIMD3<Double>, direction: Matrix3)] = [
        ([0.7, 0.7, 1.0], .identity),
        ([0.9, 0.8, 2.5], Matrix3.rotation(axis: [0.2, 0.1, 1], degrees: 20)),
    ]

    static func preset(for lesion: PhantomLesion) -> SegmentationPreset {
        switch SyntheticCT.presetName(of: lesion) {
        case "liver": .liver
        case "lung": .lung
        default: .lymphNode
        }
    }

    static func dice(_ a: LabelMap, _ b: LabelMap, label: UInt16) -> Double {
        var both = 0, na = 0, nb = 0
        for i in 0..<a.voxels.count {
            let x = a.voxels[i] == label, y = b.voxels[i] == label
            if x { na += 1 }
            if y { nb += 1 }
            if x && y { both += 1 }
        }
        return na + nb == 0 ? 0 : 2 * Double(both) / Double(na + nb)
    }

    @Test(arguments: SyntheticCT.lesions, [0, 1])
    func segmentsEveryPhantomLesionWithoutLeaking(lesion: PhantomLesion, grid: Int) throws {
        // Given a CT crop around the lesion, with its neighbours (pleura, aorta, liver) and noise.
        let motion = RigidMotion(axis: [0, 1, 0.2], degrees: 4, translation: [3, -2, 5])
        let (spacing, direction) = Self.grids[grid]
        let phantom = SyntheticCT.around(lesion, extent: 90, spacing: spacing, direction: direction, motion: motion)
        let image = phantom.render()
        // When we seed at a point 30 % of the way from the centre to the surface.
        let seed = lesion.centre(under: motion) + lesion.axes(under: motion).c0 * (0.3 * lesion.radii.x)
        let result = try SeededSegmenter(preset: Self.preset(for: lesion)).segment(image.ct, seed: .physical(seed))
        let mask = try result.labelMap(on: image.ct.geometry, label: lesion.label)
        // Then the mask matches the analytic lesion.
        let dice = Self.dice(mask, image.labels, label: lesion.label)
        #expect(dice >= Self.minimumDice, "\(lesion.name) on grid \(grid): Dice \(dice)")
        #expect(!result.reachedSizeLimit)
    }

    @Test func plainThresholdGrowerLeaksFromTheJuxtapleuralNodule() throws {
        // The independent baseline: a 6-connected threshold grower (ITK ConnectedThreshold) in a soft-tissue
        // window around the nodule's 20 HU leaks through the pleural contact into the chest wall (40 HU).
        let lesion = SyntheticCT.juxtapleuralNodule
        let phantom = SyntheticCT.around(lesion, extent: 50, spacing: [0.8, 0.8, 1.5])
        let image = phantom.render()
        let g = image.ct.geometry
        let seed = try #require(g.index(of: lesion.centre))
        var grown = LabelMap(geometry: g, repeating: 0)
        var stack = [seed]
        while let p = stack.popLast() {
            guard g.contains(index: p), grown[p.x, p.y, p.z] == 0 else { continue }
            let v = image.ct[p.x, p.y, p.z]
            guard v >= -50, v <= 100 else { continue }
            grown[p.x, p.y, p.z] = lesion.label
            for d in [SIMD3(1, 0, 0), SIMD3(-1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, -1, 0), SIMD3(0, 0, 1), SIMD3(0, 0, -1)] {
                stack.append(p &+ d)
            }
        }
        #expect(Self.dice(grown, image.labels, label: lesion.label) < 0.5)
    }

    @Test func seedOutsideTheScanIsAnError() {
        let phantom = SyntheticCT.around(SyntheticCT.lungNodule, extent: 20, spacing: [1, 1, 1])
        let ct = phantom.render().ct
        #expect(throws: SegmentationError.self) {
            try SeededSegmenter(preset: .lung).segment(ct, seed: .physical([1000, 0, 0]))
        }
        #expect(throws: SegmentationError.self) {
            try SeededSegmenter(preset: .lung).segment(ct, seed: .index([-1, 0, 0]))
        }
    }

    @Test func seedInAirIsRejectedForTheLiverPreset() throws {
        let lesion = SyntheticCT.lungNodule
        let phantom = SyntheticCT.around(lesion, extent: 40, spacing: [1, 1, 1])
        let ct = phantom.render().ct
        // 15 mm lateral of the nodule is aerated lung (-850 HU): no liver lesion there.
        do {
            _ = try SeededSegmenter(preset: .liver).segment(ct, seed: .physical(lesion.centre + [0, 15, 0]))
            Issue.record("expected seedNotInLesion")
        } catch {
            #expect(error.code == .seedNotInLesion)
        }
    }
}
