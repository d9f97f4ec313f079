import Foundation
import NadirImaging
import NadirRegistration
import Testing

/// Registration truth: phantom pairs rendered with a known rigid transform; the target registration error
/// is computed from that transform at lesion centres and on a grid of body points.
@Suite struct RigidRegistrarTests {
    /// The accuracy the issue demands at every lesion centre and body grid point, mm.
    static let maximumTRE = 0.5

    static let fixedGeometry = ImageGeometry(size: [96, 96, 96], origin: [-118.75, -118.75, -118.75],
                                             spacing: [2.5, 2.5, 2.5])

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var degrees: SIMD3<Double>
        var translation: SIMD3<Double>
        var metric: Metric
        var obliqueMoving: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "NCC, 8 degree yaw, 25 mm shift", degrees: [4, -3, 8], translation: [12, -8, 25],
             metric: .normalizedCrossCorrelation, obliqueMoving: false),
        Case(name: "Mattes MI, 10 degrees, 30 mm shift, oblique anisotropic follow-up grid", degrees: [5, 0, -10],
             translation: [30, 0, -10], metric: .mattesMutualInformation(bins: 32), obliqueMoving: true),
        Case(name: "Mattes MI, 10 degree roll, 30 mm diagonal shift", degrees: [10, 6, 0],
             translation: [-17, 17, 17], metric: .mattesMutualInformation(bins: 32), obliqueMoving: false),
    ]

    static func truth(_ c: Case) -> RigidTransform {
        RigidTransform(rotation: Versor(eulerAnglesXYZ: c.degrees * (Double.pi / 180)), translation: c.translation,
                       center: [5, -10, 0])
    }

    static func movingGeometry(oblique: Bool) -> ImageGeometry {
        guard oblique else { return fixedGeometry }
        let direction = Versor(axis: [1, 2, 0.5], angle: 20 * Double.pi / 180).matrix
        let size = SIMD3<Int>(110, 110, 72)
        let spacing = SIMD3<Double>(2.1, 2.1, 3.2)
        // Centre the oblique grid on the anatomy's origin.
        let half = SIMD3<Double>(Double(size.x - 1), Double(size.y - 1), Double(size.z - 1)) * spacing / 2
        return ImageGeometry(size: size, origin: -(direction * half), spacing: spacing, direction: direction)
    }

    @Test(arguments: cases)
    func recoversKnownRigidTransform(_ c: Case) throws {
        let truth = Self.truth(c)
        let fixed = try TestPhantom(lesions: TestPhantom.baselineLesions, seed: 11).render(on: Self.fixedGeometry)
        let moving = try TestPhantom(lesions: TestPhantom.followUpLesions, seed: 12)
            .render(on: Self.movingGeometry(oblique: c.obliqueMoving), anatomyToScan: truth.affineTransform)
        var configuration = RegistrationConfiguration(metric: c.metric)
        configuration.samplesPerLevel = 20_000
        let result = try RigidRegistrar(configuration).register(fixed: fixed, moving: moving)

        let lesionErrors = targetRegistrationErrors(result.transform, truth,
                                                    at: TestPhantom.baselineLesions.map(\.center))
        let gridErrors = targetRegistrationErrors(result.transform, truth, at: bodyGridPoints)
        #expect(gridErrors.count > 40)
        #expect((lesionErrors.max() ?? .infinity) < Self.maximumTRE, "lesion TRE \(lesionErrors)")
        #expect((gridErrors.max() ?? .infinity) < Self.maximumTRE, "body grid TRE max \(gridErrors.max() ?? -1)")
        #expect(result.iterations > 0)
    }

    /// A follow-up acquired in another contrast phase: soft tissue enhanced non-linearly (tissue above
    /// -200 HU mapped through `1.6 v + 80`, lung and air unchanged). Mattes MI does not assume a linear
    /// relation between the two scans' intensities.
    @Test func mutualInformationToleratesANonLinearContrastChange() throws {
        let c = Self.cases[2]
        let truth = Self.truth(c)
        let fixed = try TestPhantom(lesions: TestPhantom.baselineLesions, seed: 41).render(on: Self.fixedGeometry)
        let moving = try TestPhantom(lesions: TestPhantom.followUpLesions, seed: 42)
            .render(on: Self.fixedGeometry, anatomyToScan: truth.affineTransform)
            .converted { $0 < -200 ? $0 : 1.6 * $0 + 80 }
        var configuration = RegistrationConfiguration(metric: .mattesMutualInformation(bins: 32))
        configuration.samplesPerLevel = 20_000
        let result = try RigidRegistrar(configuration).register(fixed: fixed, moving: moving)
        let errors = targetRegistrationErrors(result.transform, truth,
                                              at: bodyGridPoints + TestPhantom.baselineLesions.map(\.center))
        #expect((errors.max() ?? .infinity) < Self.maximumTRE, "TRE max \(errors.max() ?? -1)")
    }
}
