public import NadirImaging

/// Ready-made phantoms: the chest CT with the lesions that defeat a plain threshold region grower.
public enum SyntheticCT {
    /// A liver metastasis, hypodense (38 HU) in liver (60 HU), an oblique ellipsoid.
    public static let liverMetastasis = PhantomLesion(
        label: 1, name: "liver metastasis", centre: [-50, -15, -60], radii: [16, 12, 11],
        orientation: Matrix3.rotation(axis: [0.3, 0.2, 1], degrees: 35), hounsfield: 38)
    /// A small liver metastasis (45 HU), near-spherical.
    public static let smallLiverMetastasis = PhantomLesion(
        label: 2, name: "small liver metastasis", centre: [-20, -40, -85], radii: [7, 6.5, 6.5], hounsfield: 45)
    /// A lung nodule (20 HU) touching the lateral pleura of the right lung (embedded 1.5 mm into the chest wall).
    public static let juxtapleuralNodule = PhantomLesion(
        label: 3, name: "juxtapleural lung nodule",
        centre: [ChestAnatomy.rightLung.centre.x - ChestAnatomy.rightLung.radii.x + 8 - 1.5, -5, 70],
        radii: [8, 9, 8.5], hounsfield: 20)
    /// A mediastinal lymph node (35 HU) in fat, touching the contrast-filled descending aorta (180 HU).
    public static let mediastinalNode: PhantomLesion = {
        let a = ChestAnatomy.aorta
        let direction = SIMD2<Double>(-0.6, -0.8)
        let r = SIMD3<Double>(7, 6, 8)
        // Centre so that the node's surface just reaches the aorta's wall along `direction`.
        let c = a.axis + direction * (a.radius + r.y + 0.3)
        return PhantomLesion(label: 4, name: "mediastinal lymph node next to the aorta", centre: [c.x, c.y, 60],
                             radii: r, orientation: Matrix3.rotation(axis: [0, 0, 1], degrees: 36.87),
                             hounsfield: 35)
    }()
    /// A lung nodule (10 HU) free in the left lung.
    public static let lungNodule = PhantomLesion(
        label: 5, name: "left lung nodule", centre: [85, 10, 95], radii: [6, 6, 6], hounsfield: 10)

    /// All lesions of the chest phantom.
    public static let lesions = [liverMetastasis, smallLiverMetastasis, juxtapleuralNodule, mediastinalNode, lungNodule]

    /// The seeded-segmentation preset name each lesion is meant for.
    public static func presetName(of lesion: PhantomLesion) -> String {
        switch lesion.label {
        case 1, 2: "liver"
        case 3, 5: "lung"
        default: "lymph node"
        }
    }

    /// The noise SD (HU) of a slice `thickness` mm thick, for `sd1mm` HU at 1 mm: quantum noise falls as the
    /// square root of the photons per voxel, which grow with slice thickness.
    public static func noise(_ sd1mm: Double, sliceThickness thickness: Double) -> Double {
        sd1mm / max(thickness, 0.1).squareRoot()
    }

    /// A chest phantom on a 512x512xN grid (or any size) centred on the body.
    public static func chest(size: SIMD3<Int> = [512, 512, 300], spacing: SIMD3<Double> = [0.7, 0.7, 1.0],
                             direction: Matrix3 = .identity, motion: RigidMotion = .identity,
                             lesions: [PhantomLesion] = SyntheticCT.lesions, noise: Double = 12) -> Phantom {
        Phantom(geometry: Phantom.centredGeometry(size: size, spacing: spacing, direction: direction),
                lesions: lesions, motion: motion,
                noiseStandardDeviation: Self.noise(noise, sliceThickness: spacing.z))
    }

    /// A chest phantom cropped to a box of `extent` mm around one lesion (for quick tests), on the given grid.
    public static func around(_ lesion: PhantomLesion, extent: Double = 80, spacing: SIMD3<Double>,
                              direction: Matrix3 = .identity, motion: RigidMotion = .identity,
                              lesions: [PhantomLesion] = SyntheticCT.lesions, noise: Double = 12) -> Phantom {
        let size = SIMD3<Int>((SIMD3(repeating: extent) / spacing).rounded(.up)) &+ 1
        var g = Phantom.centredGeometry(size: size, spacing: spacing, direction: direction)
        g.origin += lesion.centre(under: motion)
        return Phantom(geometry: g, lesions: lesions, motion: motion,
                       noiseStandardDeviation: Self.noise(noise, sliceThickness: spacing.z))
    }
}
