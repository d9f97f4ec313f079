import NadirImaging
import NadirSegmentation
import NadirTestSupport
import Testing

/// The phantom itself: lesions land where the analytic shape and the rigid motion put them.
@Suite struct PhantomTests {
    @Test func lesionLabelsFollowTheRigidMotionOnAnObliqueGrid() throws {
        let lesion = SyntheticCT.liverMetastasis
        let motion = RigidMotion(axis: [0.3, -0.2, 1], degrees: 12, translation: [8, -5, 11])
        let direction = Matrix3.rotation(axis: [1, 0.5, 0], degrees: 10)
        let phantom = SyntheticCT.around(lesion, extent: 45, spacing: [0.9, 0.8, 1.2], direction: direction,
                                         motion: motion, noise: 0)
        let labels = phantom.renderLabels()
        let g = labels.geometry
        var sum = SIMD3<Double>.zero
        var count = 0
        for z in 0..<g.size.z { for y in 0..<g.size.y { for x in 0..<g.size.x where labels[x, y, z] == lesion.label {
            sum += g.physicalPoint(at: SIMD3(x, y, z))
            count += 1
        } } }
        // The centroid of the labelled voxels is the moved centre (to sampling accuracy).
        let centroid = sum / Double(count)
        #expect(norm(centroid - motion.apply(lesion.centre)) < 0.1)
        // The voxel count matches the analytic volume within 2 %.
        let volume = Double(count) * g.voxelVolume
        #expect(abs(volume / lesion.analyticVolume - 1) < 0.02)
    }

    @Test func densitiesAreTheTissuesOfTheAnatomy() {
        // Without noise, a voxel deep inside each structure has exactly its tissue's density.
        let anatomy = ChestAnatomy()
        let d = anatomy.densities
        #expect(anatomy.density(at: ChestAnatomy.liver.centre + [0, 0, -30]) == d.liver)
        #expect(anatomy.density(at: ChestAnatomy.rightLung.centre) == d.lung)
        #expect(anatomy.density(at: [ChestAnatomy.aorta.axis.x, ChestAnatomy.aorta.axis.y, 10]) == d.vessel)
        #expect(anatomy.density(at: [0, 110, 0]) == d.fat)
        #expect(anatomy.density(at: [0, 200, 0]) == d.air)
    }

    @Test func lesionCoreHasItsOwnDensityAndNoiseHasTheRequestedSD() {
        let lesion = SyntheticCT.liverMetastasis
        let phantom = SyntheticCT.around(lesion, extent: 30, spacing: [1, 1, 1], noise: 10)
        let image = phantom.render()
        var values: [Double] = []
        let g = image.ct.geometry
        for z in 0..<g.size.z { for y in 0..<g.size.y { for x in 0..<g.size.x {
            let p = g.physicalPoint(at: SIMD3(x, y, z))
            if lesion.normalizedRadiusSquared(ofBodyPoint: p) < 0.5 { values.append(Double(image.ct[x, y, z])) }
        } } }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        // Standard error of the mean of ~2000 samples with SD 10 is ~0.25 HU; rounding to integers adds ~0.3 HU SD.
        #expect(abs(mean - lesion.hounsfield) < 1.0)
        #expect(abs(sd - 10) < 0.6)
    }
}
