import NadirImaging
import Testing

@Suite struct ImageGeometryTests {
    /// An oblique geometry: axes rotated 30 degrees about S, anisotropic spacing.
    static let oblique: ImageGeometry = {
        let c = 0.8660254037844386, s = 0.5
        return ImageGeometry(size: [64, 48, 20], origin: [-120.5, 33.25, 400], spacing: [0.7, 0.8, 2.5],
                             direction: Matrix3(columns: [c, s, 0], [-s, c, 0], [0, 0, 1]))
    }()

    @Test func physicalPointFollowsTheDICOMEquation() {
        // DICOM PS3.3 C.7.6.2.1.1: P = S + i * dr * Δr + j * dc * Δc (+ k along the normal).
        let g = Self.oblique
        let p = g.physicalPoint(at: SIMD3<Int>(10, 4, 3))
        let expected = g.origin + g.direction.c0 * (10 * 0.7) + g.direction.c1 * (4 * 0.8) + g.direction.c2 * (3 * 2.5)
        #expect(norm(p - expected) < 1e-9)
    }

    @Test func continuousIndexInvertsPhysicalPoint() throws {
        let g = Self.oblique
        let index = SIMD3<Double>(12.25, 7.5, 3.75)
        let back = try #require(g.continuousIndex(of: g.physicalPoint(at: index)))
        #expect(norm(back - index) < 1e-9)
        #expect(g.index(of: g.physicalPoint(at: SIMD3<Int>(63, 47, 19))) == SIMD3<Int>(63, 47, 19))
        #expect(g.index(of: g.physicalPoint(at: SIMD3<Double>(64.6, 0, 0))) == nil)
    }

    @Test func congruenceUsesPhysicalTolerance() {
        var other = Self.oblique
        other.origin.x += 5e-5
        #expect(Self.oblique.isCongruent(with: other, tolerance: 1e-4))
        other.origin.x += 1e-3
        #expect(!Self.oblique.isCongruent(with: other, tolerance: 1e-4))
    }

    @Test func singularDirectionHasNoInverse() {
        let flat = Matrix3(columns: [1, 0, 0], [1, 0, 0], [0, 0, 1])
        #expect(flat.inverse == nil)
    }

    @Test func volumeRejectsWrongVoxelCount() {
        let g = ImageGeometry(size: [2, 2, 2])
        #expect(Volume<Int16>(geometry: g, voxels: [1, 2, 3]) == nil)
        var v = Volume<Int16>(geometry: g, repeating: 0)
        v[1, 1, 1] = 7
        #expect(v.voxels[7] == 7)
    }
}

@Suite struct AnyVolumeTests {
    @Test func convertsIntegerVoxelsToFloatExactly() throws {
        let g = ImageGeometry(size: [3, 1, 1], spacing: [0.5, 0.5, 2])
        let v = try #require(Volume<Int16>(geometry: g, voxels: [-1024, 0, 3071]))
        let f = AnyVolume.int16(v).float32()
        #expect(f.voxels == [-1024, 0, 3071])
        #expect(f.geometry == g)
        #expect(AnyVolume.int16(v).voxelTypeName == "int16")
    }
}
