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
        .executable(name: "nadir", targets: ["nadir"]),
        .library(name: "NadirModel", targets: ["NadirModel"]),
        .library(name: "NadirImaging", targets: ["NadirImaging"]),
        .library(name: "NadirCriteria", targets: ["NadirCriteria"]),
        .library(name: "NadirReport", targets: ["NadirReport"]),
        .library(name: "NadirDICOM", targets: ["NadirDICOM"]),
        .library(name: "NadirImageIO", targets: ["NadirImageIO"]),
        .library(name: "NadirRegistration", targets: ["NadirRegistration"]),
        .library(name: "NadirTracking", targets: ["NadirTracking"]),
        .library(name: "NadirSegmentation", targets: ["NadirSegmentation"]),
        .library(name: "NadirMeasurement", targets: ["NadirMeasurement"]),
        .library(name: "NadirTestSupport", targets: ["NadirTestSupport"]),
        .library(name: "NadirServer", targets: ["NadirServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // Values only: trial, patient, timepoint, lesion, measurement; exact fixed-point quantities.
        .target(name: "NadirModel", swiftSettings: strictSettings),
        // Image geometry (LPS, mm) and volumes.
        .target(name: "NadirImaging", swiftSettings: strictSettings),
        // The case database (SQLite via GRDB): migrations, audit triggers, records. Never sees DICOM or pixels.
        .target(name: "NadirStore", dependencies: ["NadirModel", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: strictSettings),
        // Lesion-level CSV import (and later SR/SDTM interchange): parse, check, plan, apply in one transaction.
        .target(name: "NadirInterchange", dependencies: ["NadirModel", "NadirStore", .product(name: "CSV", package: "CSV.swift")],
                swiftSettings: strictSettings),
        // Workflows across modules (assessment, scan import, tracking, reports): what the CLI and the demo call.
        .target(name: "NadirWorkflow", dependencies: [
            "NadirModel", "NadirStore", "NadirCriteria", "NadirReport", "NadirImaging", "NadirDICOM", "NadirImageIO",
            "NadirSegmentation", "NadirMeasurement", "NadirRegistration", "NadirTracking", .product(name: "Crypto", package: "swift-crypto"),
            "NadirInterchange",
        ],
                swiftSettings: strictSettings),
        // The demo: a whole trial run end to end, as a technologist and a clinician would.
        .target(name: "NadirDemo", dependencies: ["NadirModel", "NadirStore", "NadirInterchange", "NadirWorkflow", "NadirCriteria", "NadirTestSupport", "NadirImaging"],
                resources: [.copy("Resources/demo-trial.csv")], swiftSettings: strictSettings),
        // The reader workstation (`nadir serve`): Hummingbird 2 web server, users, sessions, pages and JSON API.
        .target(name: "NadirServer", dependencies: [
            "NadirModel", "NadirStore", "NadirWorkflow", "NadirCriteria", "NadirImaging", "NadirImageIO",
            "NadirRegistration", "NadirSegmentation",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Resources")], swiftSettings: strictSettings),
        // The command line: parse, call the library, print.
        .executableTarget(name: "nadir", dependencies: [
            "NadirModel", "NadirStore", "NadirInterchange", "NadirDemo", "NadirWorkflow", "NadirCriteria", "NadirTestSupport",
            "NadirServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strictSettings),
        // The system zlib (Debian zlib1g-dev), wrapped for Swift.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NadirCompression", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // Response criteria as data (Criteria/*.yaml) and the rule engine; never sees pixels or databases.
        .target(name: "NadirCriteria", dependencies: ["NadirModel", .product(name: "Yams", package: "Yams")],
                swiftSettings: strictSettings),
        // Per-patient and trial reports: HTML, SVG charts, PNG snapshots, CSV and CDISC SDTM exports.
        // Reads the rule engine's own result types (PatientAssessment): criteria -> report is the data flow.
        .target(name: "NadirReport", dependencies: ["NadirModel", "NadirCriteria", "NadirImaging", "NadirCompression"],
                swiftSettings: strictSettings),
        // DICOM Part 10 reading, series assembly (LPS geometry), SEG, de-identified metadata, CT writing.
        .target(name: "NadirDICOM", dependencies: ["NadirImaging", "NadirCompression"], swiftSettings: strictSettings),
        // NIfTI-1/2 and NRRD reading and writing into volumes with LPS geometry; volume content hashes (SHA-256).
        .target(name: "NadirImageIO",
                dependencies: ["NadirImaging", "NadirCompression", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strictSettings),
        // Rigid/affine registration (NCC, Mattes MI) and resampling.
        .target(name: "NadirRegistration", dependencies: ["NadirImaging"], swiftSettings: strictSettings),
        // Lesion tracking, pure: (baseline, follow-up, registration, lesions) -> proposals. Re-segmentation,
        // candidate new lesions by screened subtraction, optimal assignment; thresholds in `TrackingParameters`.
        .target(name: "NadirTracking", dependencies: [
            "NadirImaging", "NadirModel", "NadirRegistration", "NadirSegmentation", "NadirMeasurement",
        ], swiftSettings: strictSettings),
        // Label maps, connected components, morphology in mm, seeded lesion segmentation.
        .target(name: "NadirSegmentation", dependencies: ["NadirImaging", "NadirModel"], swiftSettings: strictSettings),
        // RECIST axes, Feret diameter, volumes, marching-cubes meshes, density and SULpeak.
        .target(name: "NadirMeasurement", dependencies: ["NadirImaging", "NadirModel", "NadirSegmentation"],
                swiftSettings: strictSettings),
        // Synthetic CT phantoms with ground-truth label maps (tests, the demo and `nadir phantom` only).
        .target(name: "NadirTestSupport", dependencies: ["NadirImaging", "NadirDICOM", "NadirImageIO"], swiftSettings: strictSettings),
        // Measures a raw label map for scripts/validate-measurement.py (comparison with pyradiomics).
        .executableTarget(name: "nadir-measure-validate", dependencies: ["NadirMeasurement", "NadirSegmentation"],
                          swiftSettings: strictSettings),
        // Release-build benchmarks: `swift run -c release nadir-bench` prints medians.
        .executableTarget(name: "nadir-bench", dependencies: [
            "NadirCompression", "NadirCriteria", "NadirReport", "NadirModel", "NadirImaging", "NadirDICOM", "NadirImageIO", "NadirRegistration", "NadirSegmentation", "NadirMeasurement", "NadirTestSupport",
            "NadirTracking",
        ], swiftSettings: strictSettings),

        .testTarget(name: "NadirModelTests", dependencies: ["NadirModel"], swiftSettings: strictSettings),
        .testTarget(name: "NadirImagingTests", dependencies: ["NadirImaging"], swiftSettings: strictSettings),
        .testTarget(name: "NadirStoreTests", dependencies: [
            "NadirStore", "NadirModel", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strictSettings),
        .testTarget(name: "NadirInterchangeTests", dependencies: ["NadirInterchange", "NadirStore", "NadirModel"],
                    swiftSettings: strictSettings),
        .testTarget(name: "NadirCLITests", dependencies: ["nadir", "NadirTestSupport", "NadirImageIO", "NadirImaging"],
                    swiftSettings: strictSettings),
        .testTarget(name: "NadirCompressionTests", dependencies: ["NadirCompression"], swiftSettings: strictSettings),
        .testTarget(name: "NadirCriteriaTests", dependencies: ["NadirCriteria", "NadirModel", "NadirInterchange"],
                    resources: [.copy("Fixtures"), .copy("Scenarios")], swiftSettings: strictSettings),
        .testTarget(name: "NadirReportTests", dependencies: ["NadirReport", "NadirCriteria", "NadirModel", "NadirImaging", "NadirCompression"],
                    resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "NadirDICOMTests", dependencies: ["NadirDICOM", "NadirImaging"],
                    resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "NadirImageIOTests", dependencies: ["NadirImageIO", "NadirImaging", "NadirCompression"],
                    resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "NadirDemoTests", dependencies: ["NadirDemo", "NadirTestSupport", "NadirWorkflow"],
                    swiftSettings: strictSettings),
        .testTarget(name: "NadirWorkflowTests", dependencies: [
            "NadirWorkflow", "NadirStore", "NadirModel", "NadirImaging", "NadirImageIO", "NadirTestSupport",
        ], swiftSettings: strictSettings),
        .testTarget(name: "NadirServerTests", dependencies: [
            "NadirServer", "NadirStore", "NadirModel", "NadirWorkflow", "NadirTestSupport", "NadirImageIO", "NadirImaging",
        ], swiftSettings: strictSettings),
        .testTarget(name: "NadirRegistrationTests", dependencies: ["NadirRegistration", "NadirImaging"],
                    swiftSettings: strictSettings),
        .testTarget(name: "NadirTrackingTests", dependencies: [
            "NadirTracking", "NadirRegistration", "NadirImaging", "NadirModel", "NadirSegmentation", "NadirTestSupport",
        ], swiftSettings: strictSettings),
        .testTarget(name: "NadirSegmentationTests", dependencies: ["NadirSegmentation", "NadirTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(name: "NadirMeasurementTests",
                    dependencies: ["NadirMeasurement", "NadirSegmentation", "NadirTestSupport"],
                    exclude: ["VALIDATION.md"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
