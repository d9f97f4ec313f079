/// What was seen of a measured lesion at a timepoint (CDISC TR `TRORRES` / `TUMSTATE`; RECIST 1.1 §4.3.5 and
/// the EORTC RECIST Q&A on lesions too small to measure).
public enum MeasurementState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Diameters were measured and are recorded.
    case measured
    /// Present but too small to measure: RECIST 1.1 counts it as 5 mm (CDISC: "TOO SMALL TO MEASURE", 5).
    case tooSmallToMeasure = "too-small"
    /// Believed gone: counts as 0 mm.
    case absent
    /// Not assessed or not assessable at this timepoint: the target response is NE unless the measured
    /// lesions already prove PD.
    case notEvaluable = "not-evaluable"
}

/// How a measurement was obtained.
public enum MeasurementMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// Typed or imported diameters read by a person.
    case manual
    /// Computed from a label mask (NIfTI, NRRD, DICOM SEG).
    case mask
    /// Computed from a seeded segmentation.
    case seed
}

/// Where a value came from, so it can be reproduced and checked (pyradiomics' provenance fields).
public struct Provenance: Hashable, Sendable, Codable {
    /// The algorithm and its version, e.g. "nadir-measure 1" (nil for manual entry).
    public var algorithm: String?
    /// Content hash (SHA-256, hex) of the image the value was computed on.
    public var imageHash: String?
    /// Content hash (SHA-256, hex) of the mask the value was computed on.
    public var maskHash: String?
    /// Free-form source, e.g. "import lesions.csv row 12" or "typed".
    public var source: String?

    public init(algorithm: String? = nil, imageHash: String? = nil, maskHash: String? = nil, source: String? = nil) {
        self.algorithm = algorithm
        self.imageHash = imageHash
        self.maskHash = maskHash
        self.source = source
    }
}

/// One reader's measurement of one lesion at one timepoint.
///
/// Diameters follow RECIST 1.1 §3.1: the longest diameter in the axial plane for non-nodal lesions, the short
/// axis (longest diameter perpendicular to the long axis) for lymph nodes; both are kept when known so that
/// bidimensional criteria (WHO, RANO, Lugano) can use the product.
public struct Measurement: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var lesionID: LesionID
    public var visit: String
    public var state: MeasurementState
    public var longAxis: Length?
    public var shortAxis: Length?
    public var volume: VolumeMeasure?
    /// Mean density inside the lesion (Choi criteria).
    public var meanDensity: Density?
    /// SULpeak: mean SUL in the hottest 1 cm³ sphere (PERCIST 1.0).
    public var sulPeak: StandardizedUptake?
    public var method: MeasurementMethod
    /// Who read the scan ("INVESTIGATOR", "RADIOLOGIST 1"): CDISC TREVAL / TREVALID.
    public var reader: String
    public var provenance: Provenance
    /// Proposed by tracking and not yet confirmed by a person; proposed values are not assessed.
    public var isProposed: Bool

    public init(subjectID: SubjectID, lesionID: LesionID, visit: String, state: MeasurementState,
                longAxis: Length? = nil, shortAxis: Length? = nil, volume: VolumeMeasure? = nil,
                meanDensity: Density? = nil, sulPeak: StandardizedUptake? = nil, method: MeasurementMethod = .manual,
                reader: String, provenance: Provenance = Provenance(), isProposed: Bool = false) {
        self.subjectID = subjectID
        self.lesionID = lesionID
        self.visit = visit
        self.state = state
        self.longAxis = longAxis
        self.shortAxis = shortAxis
        self.volume = volume
        self.meanDensity = meanDensity
        self.sulPeak = sulPeak
        self.method = method
        self.reader = reader
        self.provenance = provenance
        self.isProposed = isProposed
    }

    /// The product of the perpendicular diameters (WHO, RANO, Lugano), when both are known.
    public var perpendicularProduct: Area? {
        guard let longAxis, let shortAxis else { return nil }
        return longAxis * shortAxis
    }
}
