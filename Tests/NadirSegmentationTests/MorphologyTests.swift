import NadirImaging
import NadirSegmentation
import Testing

/// Morphology with balls in mm against brute-force set definitions evaluated voxel by voxel.
@Suite struct MorphologyTests {
    static let geometry = ImageGeometry(size: [26, 22, 12], origin: [5, -3, 40], spacing: [0.7, 0.9, 2.0])

    /// A blob plus a one-voxel bridge to a second blob, on an anisotropic grid.
    static func labels() -> LabelMap {
        var l = LabelMap(geometry: geometry, repeating: 0)
        for z in 3..<9 { for y in 4..<16 { for x in 3..<11 { l[x, y, z] = 4 } } }
        for x in 11..<15 { l[x, 10, 6] = 4 }  // thin bridge
        for z in 3..<9 { for y in 5..<15 { for x in 15..<23 { l[x, y, z] = 4 } } }
        l[20, 6, 4] = 9  // another label, never overwritten
        return l
    }

    /// Physical distance between two voxel centres.
    static func distance(_ a: SIMD3<Int>, _ b: SIMD3<Int>) -> Double {
        norm(SIMD3<Double>(a &- b) * geometry.spacing)
    }

    static func bruteForce(_ l: LabelMap, radius: Double, erode: Bool) -> Set<SIMD3<Int>> {
        let s = geometry.size
        // Every offset whose centre-to-centre distance is within the radius: the ball, drawn voxel by voxel.
        var ball: [SIMD3<Int>] = []
        for dz in -3...3 { for dy in -4...4 { for dx in -5...5 where distance(SIMD3(dx, dy, dz), .zero) <= radius {
            ball.append(SIMD3(dx, dy, dz))
        } } }
        func isInside(_ p: SIMD3<Int>) -> Bool? {
            geometry.contains(index: p) ? l[p.x, p.y, p.z] == 4 : nil
        }
        var out = Set<SIMD3<Int>>()
        for z in 0..<s.z { for y in 0..<s.y { for x in 0..<s.x {
            let p = SIMD3(x, y, z)
            if erode {
                // Kept when no in-image voxel of the ball is outside the label.
                if isInside(p) == true, !ball.contains(where: { isInside(p &+ $0) == false }) { out.insert(p) }
            } else if ball.contains(where: { isInside(p &+ $0) == true }) {
                out.insert(p)
            }
        } } }
        return out
    }

    static func voxels(_ l: LabelMap, _ label: UInt16) -> Set<SIMD3<Int>> {
        let s = geometry.size
        var out = Set<SIMD3<Int>>()
        for z in 0..<s.z { for y in 0..<s.y { for x in 0..<s.x where l[x, y, z] == label { out.insert(SIMD3(x, y, z)) } } }
        return out
    }

    @Test(arguments: [0.8, 1.5, 2.3])
    func erosionAndDilationMatchTheBallDefinitions(radius: Double) throws {
        let l = Self.labels()
        let eroded = try Morphology.apply(.erode, radius: radius, to: 4, in: l)
        #expect(Self.voxels(eroded, 4) == Self.bruteForce(l, radius: radius, erode: true))
        let dilated = try Morphology.apply(.dilate, radius: radius, to: 4, in: l)
        var expected = Self.bruteForce(l, radius: radius, erode: false)
        expected.remove(SIMD3(20, 6, 4))  // the other label keeps its voxel
        #expect(Self.voxels(dilated, 4) == expected)
        #expect(dilated[20, 6, 4] == 9)
    }

    @Test func openingCutsTheThinBridge() throws {
        let opened = try Morphology.apply(.open, radius: 1.0, to: 4, in: Self.labels())
        #expect(opened[12, 10, 6] == 0)
        #expect(ConnectedComponents.label(opened.mask(of: 4), connectivity: .twentySix).count == 2)
    }

    @Test func fillHolesFillsEnclosedCavitiesOnly() throws {
        var l = Self.labels()
        l[6, 9, 5] = 0  // enclosed cavity
        l[3, 9, 5] = 0  // notch open to the outside
        let filled = try Morphology.apply(.fillHoles, to: 4, in: l)
        #expect(filled[6, 9, 5] == 4)
        #expect(filled[3, 9, 5] == 0)
    }

    @Test func missingLabelAndNegativeRadiusAreErrors() {
        #expect(throws: SegmentationError.self) { try Morphology.apply(.open, radius: 1, to: 5, in: Self.labels()) }
        #expect(throws: SegmentationError.self) { try Morphology.apply(.open, radius: -1, to: 4, in: Self.labels()) }
    }
}
