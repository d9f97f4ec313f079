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
        .library(name: "NadirImageIO", targets: ["NadirImageIO"]),
    ],
    dependencies: [
        // SHA-256 for volume content hashes (Crypto module; BoringSSL-backed on Linux).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Values only: trial, patient, timepoint, lesion, measurement; exact fixed-point quantities.
        .target(name: "NadirModel", swiftSettings: strictSettings),
        // Image geometry (LPS, mm) and volumes.
        .target(name: "NadirImaging", swiftSettings: strictSettings),
        // The system zlib (Debian zlib1g-dev), wrapped for Swift.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NadirCompression", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // NIfTI-1/2 and NRRD reading and writing into volumes with LPS geometry; volume content hashes.
        .target(name: "NadirImageIO",
                dependencies: ["NadirImaging", "NadirCompression", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strictSettings),
        // Release-build benchmarks: `swift run -c release nadir-bench` prints medians.
        .executableTarget(name: "nadir-bench", dependencies: ["NadirCompression", "NadirImageIO", "NadirImaging"],
                          swiftSettings: strictSettings),

        .testTarget(name: "NadirModelTests", dependencies: ["NadirModel"], swiftSettings: strictSettings),
        .testTarget(name: "NadirImagingTests", dependencies: ["NadirImaging"], swiftSettings: strictSettings),
        .testTarget(name: "NadirCompressionTests", dependencies: ["NadirCompression"], swiftSettings: strictSettings),
        .testTarget(name: "NadirImageIOTests", dependencies: ["NadirImageIO", "NadirImaging", "NadirCompression"],
                    resources: [.copy("Fixtures")], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
