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
        .library(name: "NadirRegistration", targets: ["NadirRegistration"]),
    ],
    dependencies: [],
    targets: [
        // Values only: trial, patient, timepoint, lesion, measurement; exact fixed-point quantities.
        .target(name: "NadirModel", swiftSettings: strictSettings),
        // Image geometry (LPS, mm) and volumes.
        .target(name: "NadirImaging", swiftSettings: strictSettings),
        // Rigid/affine registration, resampling into another grid, lesion tracking across timepoints.
        .target(name: "NadirRegistration", dependencies: ["NadirImaging", "NadirModel"], swiftSettings: strictSettings),
        // The system zlib (Debian zlib1g-dev), wrapped for Swift.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NadirCompression", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // Release-build benchmarks: `swift run -c release nadir-bench` prints medians.
        .executableTarget(name: "nadir-bench", dependencies: ["NadirCompression", "NadirRegistration"], swiftSettings: strictSettings),

        .testTarget(name: "NadirModelTests", dependencies: ["NadirModel"], swiftSettings: strictSettings),
        .testTarget(name: "NadirImagingTests", dependencies: ["NadirImaging"], swiftSettings: strictSettings),
        .testTarget(name: "NadirRegistrationTests", dependencies: ["NadirRegistration", "NadirImaging", "NadirModel"], swiftSettings: strictSettings),
        .testTarget(name: "NadirCompressionTests", dependencies: ["NadirCompression"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
