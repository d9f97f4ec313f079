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

    /// Makes the trial input.
    public init(trial: Trial, patients: [PatientReportData], generatedAt: String? = nil) {
        self.trial = trial
        self.patients = patients
        self.generatedAt = generatedAt
    }
}

/// Which view of a lesion a snapshot image shows.
public struct SnapshotKind: RawRepresentable, Hashable, Sendable, Codable {
    /// The kind's name.
    public var rawValue: String
    /// A kind by name.
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
    /// Which view.
    public var kind: SnapshotKind
    /// The PNG file's bytes.
    public var png: Data
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Alternative text: the plane, window and measured lengths.
    public var caption: String

    /// Makes an image record.
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
    /// The lesion.
    public var lesionID: LesionID
    /// The timepoint.
    public var visit: String
    /// The views, zoomed axial first.
    public var images: [SnapshotImage]

    /// Makes a gallery cell.
    public init(lesionID: LesionID, visit: String, images: [SnapshotImage]) {
        self.lesionID = lesionID
        self.visit = visit
        self.images = images
    }
}
