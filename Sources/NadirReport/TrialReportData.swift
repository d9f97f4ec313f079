public import Foundation
public import NadirModel

/// A trial and its patients' report data: the input of the cohort charts, the exports and the index page.
public struct TrialReportData: Hashable, Sendable, Codable {
    /// The trial.
    public var trial: Trial
    /// Every patient, in the order the index page lists them.
    public var patients: [PatientReportData]
    /// When the report was generated (ISO 8601), shown on every page; nil leaves it out (reproducible output).
    public var generatedAt: String?

    public init(trial: Trial, patients: [PatientReportData], generatedAt: String? = nil) {
        self.trial = trial
        self.patients = patients
        self.generatedAt = generatedAt
    }
}

/// Which view of a lesion a snapshot image shows.
public struct SnapshotKind: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The key axial slice, cropped around the lesion.
    public static let axialZoom = SnapshotKind(rawValue: "axial-zoom")
    /// The whole axial slice through the lesion.
    public static let axialFull = SnapshotKind(rawValue: "axial-full")
    /// A coronal reformat through the lesion.
    public static let coronal = SnapshotKind(rawValue: "coronal")
    /// A sagittal reformat through the lesion.
    public static let sagittal = SnapshotKind(rawValue: "sagittal")
}

/// One rendered PNG image of a lesion.
public struct SnapshotImage: Hashable, Sendable, Codable {
    public var kind: SnapshotKind
    /// The PNG file's bytes.
    public var png: Data
    public var width: Int
    public var height: Int
    /// Alternative text: the plane, window and measured lengths.
    public var caption: String

    public init(kind: SnapshotKind, png: Data, width: Int, height: Int, caption: String) {
        self.kind = kind
        self.png = png
        self.width = width
        self.height = height
        self.caption = caption
    }
}

/// The images of one lesion at one timepoint: one cell of the gallery grid.
public struct SnapshotCell: Hashable, Sendable, Codable {
    public var lesionID: LesionID
    public var visit: String
    public var images: [SnapshotImage]

    public init(lesionID: LesionID, visit: String, images: [SnapshotImage]) {
        self.lesionID = lesionID
        self.visit = visit
        self.images = images
    }
}
