// swift-tools-version: 6.1
// Nadir: measured, repeatable tumour response tracking.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Nadir",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "NadirModel", targets: ["NadirModel"]),
        .library(name: "NadirImaging", targets: ["NadirImaging"]),
        .library(name: "NadirSegmentation", targets: ["NadirSegmentation"]),
        .library(name: "NadirMeasurement", targets: ["NadirMeasurement"]),
        .library(name: "NadirTestSupport", targets: ["NadirTestSupport"]),
    ],
    dependencies: [],
    targets: [
        // Values only: trial, patient, timepoint, lesion, measurement; exact fixed-point quantities.
        .target(name: "NadirModel", swiftSettings: strictSettings),
        // Image geometry (LPS, mm) and volumes.
        .target(name: "NadirImaging", swiftSettings: strictSettings),
        // The system zlib (Debian zlib1g-dev), wrapped for Swift.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NadirCompression", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // Label maps, connected components, morphology in mm, seeded lesion segmentation.
        .target(name: "NadirSegmentation", dependencies: ["NadirImaging", "NadirModel"], swiftSettings: strictSettings),
        // RECIST axes, Feret diameter, volumes, marching-cubes meshes, density and SULpeak.
        .target(name: "NadirMeasurement", dependencies: ["NadirImaging", "NadirModel", "NadirSegmentation"],
                swiftSettings: strictSettings),
        // Synthetic CT phantoms with ground-truth label maps (tests, the demo and `nadir phantom` only).
        .target(name: "NadirTestSupport", dependencies: ["NadirImaging"], swiftSettings: strictSettings),
        // Release-build benchmarks: `swift run -c release nadir-bench` prints medians.
        .executableTarget(name: "nadir-bench",
                          dependencies: ["NadirCompression", "NadirSegmentation", "NadirMeasurement", "NadirTestSupport"],
                          swiftSettings: strictSettings),

        // Measures a raw label map for scripts/validate-measurement.py (comparison with pyradiomics).
        .executableTarget(name: "nadir-measure-validate", dependencies: ["NadirMeasurement", "NadirSegmentation"],
                          swiftSettings: strictSettings),

        .testTarget(name: "NadirModelTests", dependencies: ["NadirModel"], swiftSettings: strictSettings),
        .testTarget(name: "NadirImagingTests", dependencies: ["NadirImaging"], swiftSettings: strictSettings),
        .testTarget(name: "NadirCompressionTests", dependencies: ["NadirCompression"], swiftSettings: strictSettings),
        .testTarget(name: "NadirSegmentationTests", dependencies: ["NadirSegmentation", "NadirTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(name: "NadirMeasurementTests",
                    dependencies: ["NadirMeasurement", "NadirSegmentation", "NadirTestSupport"],
                    exclude: ["VALIDATION.md"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
