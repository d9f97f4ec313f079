import NadirImaging
@testable import NadirRegistration
import Testing

@Suite struct ImagePyramidTests {
    static let tolerance: Float = 1e-3

    @Test func blockAveragesOfARampSitAtTheBlockCentres() {
        // Thick slices: x and y halve first, z (3 mm) only once x/y reach 2.4 mm.
        let g = ImageGeometry(size: [32, 32, 20], origin: [-10, 5, 30], spacing: [1.2, 1.2, 3],
                              direction: Versor(axis: [1, 1, 0], angle: 0.3).matrix)
        let image = ResamplerTests.rampVolume(g)
        let pyramid = ImagePyramid(image, coarsestSpacing: 4)
        #expect(pyramid.levels.count == 3)
        #expect(pyramid.levels[1].geometry.spacing == [2.4, 2.4, 3])
        #expect(pyramid.levels[2].geometry.spacing == [4.8, 4.8, 6])
        for level in pyramid.levels {
            let lg = level.geometry
            for z in 0..<lg.size.z {
                for y in 0..<lg.size.y {
                    for x in 0..<lg.size.x {
                        let expected = Float(ResamplerTests.ramp(lg.physicalPoint(at: SIMD3<Int>(x, y, z))))
                        #expect(abs(level[x, y, z] - expected) < Self.tolerance * max(1, abs(expected)))
                    }
                }
            }
        }
    }

    @Test func centreOfMassOfABallIsItsCentre() {
        let g = ImageGeometry(size: [40, 40, 40], origin: [-20, -20, -20], spacing: [1, 1, 1])
        var v = Volume<Float>(geometry: g, repeating: -1000)
        let c = SIMD3<Double>(3.5, -4, 6)  // on the grid or half-way: the voxelised ball is symmetric
        for z in 0..<40 {
            for y in 0..<40 {
                for x in 0..<40 {
                    let d = g.physicalPoint(at: SIMD3<Int>(x, y, z)) - c
                    if (d * d).sum() < 100 { v[x, y, z] = 50 }
                }
            }
        }
        let com = Moments.centerOfMass(v)
        #expect(com.map { TransformTests.close($0, c, 1e-9) } == true)
        #expect(Moments.centerOfMass(Volume<Float>(geometry: g, repeating: 3)) == nil)
    }
}
