import NadirImaging
@testable import NadirRegistration
import Testing

@Suite struct ResamplerTests {
    /// Float round-off of trilinear interpolation of values up to a few hundred.
    static let valueTolerance: Float = 2e-3

    static let source = ImageGeometry(size: [40, 36, 30], origin: [-50, -40, -35], spacing: [2.5, 2.2, 2.4])
    /// A linear function of the physical position: trilinear interpolation reproduces it exactly.
    static func ramp(_ p: SIMD3<Double>) -> Double { 0.7 * p.x - 1.3 * p.y + 2.1 * p.z + 5 }

    static func rampVolume(_ g: ImageGeometry) -> Volume<Float> {
        var v = Volume<Float>(geometry: g, repeating: 0)
        for z in 0..<g.size.z {
            for y in 0..<g.size.y {
                for x in 0..<g.size.x { v[x, y, z] = Float(ramp(g.physicalPoint(at: SIMD3<Int>(x, y, z)))) }
            }
        }
        return v
    }

    static let obliqueTarget = ImageGeometry(
        size: [30, 28, 25], origin: [-30, -25, -20], spacing: [1.7, 1.9, 2.3],
        direction: Versor(axis: [0.3, -1, 0.6], angle: 0.5).matrix)
    static let transform = RigidTransform(rotation: Versor(eulerAnglesXYZ: [0.1, -0.05, 0.2]),
                                          translation: [3, -4, 2.5], center: [1, 2, 3])

    @Test func linearResamplingOfARampOntoAnObliqueGridIsExact() throws {
        let out = try Resampler.resample(Self.rampVolume(Self.source), onto: Self.obliqueTarget,
                                         transform: Self.transform, defaultValue: -9999)
        var inside = 0
        for z in 0..<Self.obliqueTarget.size.z {
            for y in 0..<Self.obliqueTarget.size.y {
                for x in 0..<Self.obliqueTarget.size.x {
                    let q = Self.transform.apply(to: Self.obliqueTarget.physicalPoint(at: SIMD3<Int>(x, y, z)))
                    guard let k = Self.source.continuousIndex(of: q) else { continue }
                    let upper = SIMD3<Double>(Double(Self.source.size.x - 1), Double(Self.source.size.y - 1),
                                              Double(Self.source.size.z - 1))
                    let isInside = all(k .>= SIMD3(repeating: 1e-6)) && all(k .<= upper - 1e-6)
                    let isOutside = any(k .< SIMD3(repeating: -1e-6)) || any(k .> upper + 1e-6)
                    if isInside {
                        inside += 1
                        #expect(abs(out[x, y, z] - Float(Self.ramp(q))) < Self.valueTolerance)
                    } else if isOutside {
                        #expect(out[x, y, z] == -9999)
                    }
                }
            }
        }
        #expect(inside > 5_000)
    }

    @Test func identityResamplingOntoTheSameGridReturnsTheVoxels() throws {
        let v = Self.rampVolume(Self.source)
        let out = try Resampler.resample(v, onto: Self.source)
        #expect(zip(out.voxels, v.voxels).allSatisfy { abs($0 - $1) < Self.valueTolerance })
    }

    /// Bounds-checked twin of the nearest-neighbour kernel: ImageGeometry's own rounding of each mapped point.
    @Test(arguments: [Interpolation.nearestNeighbor])
    func nearestNeighbourLabelsMatchBoundsCheckedLookUp(_ interpolation: Interpolation) throws {
        var labels = Volume<UInt8>(geometry: Self.source, repeating: 0)
        for z in 0..<Self.source.size.z {
            for y in 0..<Self.source.size.y {
                for x in 0..<Self.source.size.x { labels[x, y, z] = UInt8((x / 5 + 3 * (y / 7) + 11 * (z / 4)) % 251) }
            }
        }
        let out = try Resampler.resample(labels, onto: Self.obliqueTarget, transform: Self.transform,
                                         interpolation: interpolation, defaultValue: 255)
        var mismatches = 0, inside = 0
        for z in 0..<Self.obliqueTarget.size.z {
            for y in 0..<Self.obliqueTarget.size.y {
                for x in 0..<Self.obliqueTarget.size.x {
                    let q = Self.transform.apply(to: Self.obliqueTarget.physicalPoint(at: SIMD3<Int>(x, y, z)))
                    let expected = Self.source.index(of: q).map { labels[$0.x, $0.y, $0.z] } ?? 255
                    if expected != 255 { inside += 1 }
                    if out[x, y, z] != expected { mismatches += 1 }
                }
            }
        }
        // Points exactly half-way between voxels may round either way; none should here.
        #expect(mismatches == 0)
        #expect(inside > 5_000)
    }

    @Test func int16LinearResamplingRoundsTheFloatResult() throws {
        let floats = Self.rampVolume(Self.source)
        let ints = floats.converted { Int16($0.rounded()) }
        let a = try Resampler.resample(ints, onto: Self.obliqueTarget, transform: Self.transform)
        let b = try Resampler.resample(ints.converted { Float($0) }, onto: Self.obliqueTarget, transform: Self.transform)
        #expect(zip(a.voxels, b.voxels).allSatisfy { abs(Float($0) - $1) <= 0.5 + 1e-3 })
        #expect(zip(a.voxels, b.voxels).contains { abs(Float($0) - $1) > 0.05 })  // really interpolated
    }

    @Test func singularSourceGeometryIsReported() {
        var g = Self.source
        g.direction = Matrix3(rows: [1, 0, 0], [1, 0, 0], [0, 0, 1])
        let v = Volume<Float>(geometry: g, repeating: 1)
        #expect(throws: RegistrationError.self) { try Resampler.resample(v, onto: Self.source) }
    }
}
