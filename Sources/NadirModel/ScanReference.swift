/// The file format a scan was imported from.
public enum ScanFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case dicom, nifti, nrrd
}

/// Image geometry as plain numbers (LPS, mm), for records that must not depend on imaging types.
public struct GeometryDescription: Hashable, Sendable, Codable {
    /// Voxels along i, j, k.
    public var size: [Int]
    /// Centre of the first voxel, LPS mm.
    public var origin: [Double]
    /// Voxel spacing, mm.
    public var spacing: [Double]
    /// Direction cosines, the three index axes one after another (column-major 3x3), LPS.
    public var direction: [Double]

    public init(size: [Int], origin: [Double], spacing: [Double], direction: [Double]) {
        self.size = size
        self.origin = origin
        self.spacing = spacing
        self.direction = direction
    }
}

/// Where a timepoint's pixels live and what they are: the imported scan, by content hash.
///
/// The pixels are kept in Nadir's image store beside the database (`storedPath`, relative to it); the source
/// path and its hash are kept so a moved or changed source is detected, never silently read.
public struct ScanReference: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var visit: String
    public var format: ScanFormat
    public var sourcePath: String
    /// SHA-256 of the source file(s), hex.
    public var sourceHash: String
    /// SHA-256 of the voxel values and geometry, hex: the scan's identity whatever its file format.
    public var contentHash: String
    /// Path of the stored copy, relative to the image store.
    public var storedPath: String
    public var voxelType: String
    public var geometry: GeometryDescription
    public var modality: String?
    public var studyUID: String?
    public var seriesUID: String?
    public var sliceThickness: Length?
    /// Reader diagnostics (uneven spacing, gantry tilt, ...), one sentence each.
    public var diagnostics: [String]

    public init(subjectID: SubjectID, visit: String, format: ScanFormat, sourcePath: String, sourceHash: String,
                contentHash: String, storedPath: String, voxelType: String, geometry: GeometryDescription,
                modality: String?, studyUID: String?, seriesUID: String?, sliceThickness: Length?,
                diagnostics: [String]) {
        self.subjectID = subjectID
        self.visit = visit
        self.format = format
        self.sourcePath = sourcePath
        self.sourceHash = sourceHash
        self.contentHash = contentHash
        self.storedPath = storedPath
        self.voxelType = voxelType
        self.geometry = geometry
        self.modality = modality
        self.studyUID = studyUID
        self.seriesUID = seriesUID
        self.sliceThickness = sliceThickness
        self.diagnostics = diagnostics
    }
}

/// How a follow-up scan was aligned to the reference (baseline) scan.
public struct RegistrationSummary: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var visit: String
    public var referenceVisit: String
    /// The transform as the registration module encodes it (JSON).
    public var transformJSON: String
    /// The metric's name, e.g. "mattes-mutual-information".
    public var metric: String
    public var finalMetric: Double
    public var iterations: Int
    public var stopReason: String

    public init(subjectID: SubjectID, visit: String, referenceVisit: String, transformJSON: String, metric: String,
                finalMetric: Double, iterations: Int, stopReason: String) {
        self.subjectID = subjectID
        self.visit = visit
        self.referenceVisit = referenceVisit
        self.transformJSON = transformJSON
        self.metric = metric
        self.finalMetric = finalMetric
        self.iterations = iterations
        self.stopReason = stopReason
    }
}

/// How a lesion was segmented at a timepoint, so it can be re-segmented and re-measured the same way.
public struct LesionSegmentation: Hashable, Sendable, Codable {
    /// Whether a person has confirmed a proposed (tracked) segmentation.
    public enum Status: String, Hashable, Sendable, Codable {
        case proposed, confirmed, rejected
    }

    public var subjectID: SubjectID
    public var lesionID: LesionID
    public var visit: String
    public var method: MeasurementMethod
    /// The seed, LPS mm (seeded segmentation).
    public var seed: [Double]?
    /// The tissue preset of a seeded segmentation ("liver", "lung", "node", ...).
    public var preset: String?
    /// The label mask, relative to the image store (mask segmentation).
    public var maskPath: String?
    public var maskLabel: Int?
    public var maskHash: String?
    public var status: Status
    /// Where the segmented lesion lies on the visit's scan (centroid, bounding box, key slice).
    public var location: LesionLocation?

    public init(subjectID: SubjectID, lesionID: LesionID, visit: String, method: MeasurementMethod, seed: [Double]? = nil,
                preset: String? = nil, maskPath: String? = nil, maskLabel: Int? = nil, maskHash: String? = nil,
                status: Status = .confirmed, location: LesionLocation? = nil) {
        self.subjectID = subjectID
        self.lesionID = lesionID
        self.visit = visit
        self.method = method
        self.seed = seed
        self.preset = preset
        self.maskPath = maskPath
        self.maskLabel = maskLabel
        self.maskHash = maskHash
        self.status = status
        self.location = location
    }
}
