internal import NadirImaging
internal import Foundation

/// One synthetic patient's imaging study over time: cancer type, criteria, lesions whose size at every
/// timepoint is designed, the body's rigid motion per scan, and the response each timepoint is designed to get.
///
/// The designed categories are computed here from the designed diameters by the published rules
/// (`DesignedResponse`), never from Nadir's own output, so the demo and its test compare against them.
public struct StudyScenario: Hashable, Sendable, Codable {
    /// A short name ("nsclc-responder").
    public var name: String
    /// The trial subject ID.
    public var subjectID: String
    /// The cancer type key of `Criteria/cancer-types.yaml` ("nsclc", "crc", "hcc", "melanoma", "dlbcl").
    public var cancerType: String
    /// The criteria the patient is assessed by (criteria ID in `Criteria/`).
    public var criteria: String
    /// Whether `criteria` overrides the cancer type's default (e.g. iRECIST on an immunotherapy protocol).
    public var overridesCriteria: Bool
    /// One sentence saying what the scenario shows.
    public var summary: String
    /// The scans, baseline first.
    public var timepoints: [ScenarioTimepoint]
    /// The lesions (targets placed at baseline, new lesions appearing later).
    public var lesions: [ScenarioLesion]

    /// Makes a scenario.
    public init(name: String, subjectID: String, cancerType: String, criteria: String, overridesCriteria: Bool = false,
                summary: String, timepoints: [ScenarioTimepoint], lesions: [ScenarioLesion]) {
        self.name = name
        self.subjectID = subjectID
        self.cancerType = cancerType
        self.criteria = criteria
        self.overridesCriteria = overridesCriteria
        self.summary = summary
        self.timepoints = timepoints
        self.lesions = lesions
    }

    /// The phantom lesions present at timepoint `index` (body frame), labelled 1, 2, ... in lesion order.
    public func phantomLesions(at index: Int) -> [PhantomLesion] {
        lesions.enumerated().compactMap { offset, lesion in
            guard index < lesion.radii.count, let radii = lesion.radii[index] else { return nil }
            return PhantomLesion(label: UInt16(offset + 1), name: lesion.id, centre: lesion.centre, radii: radii,
                                 hounsfield: lesion.hounsfield)
        }
    }

    /// The designed response category of every follow-up timepoint (baseline excluded), by the published rules.
    public func designedResponses() throws(ScenarioError) -> [DesignedResponse.Timepoint] {
        try DesignedResponse.evaluate(self)
    }
}

/// One scan of a scenario: its visit, date and where the body lies.
public struct ScenarioTimepoint: Hashable, Sendable, Codable {
    /// Visit label ("BASELINE", "WEEK 6").
    public var visit: String
    /// Scan date, ISO 8601 (YYYY-MM-DD).
    public var date: String
    /// Axis of the body's rotation (patient LPS).
    public var rotationAxis: SIMD3<Double>
    /// Rotation angle, degrees (a patient repositioned on the table: up to ~5 degrees).
    public var rotationDegrees: Double
    /// Translation, mm (up to ~20 mm).
    public var translation: SIMD3<Double>

    /// Makes a timepoint.
    public init(visit: String, date: String, rotationAxis: SIMD3<Double> = [0, 0, 1], rotationDegrees: Double = 0,
                translation: SIMD3<Double> = .zero) {
        self.visit = visit
        self.date = date
        self.rotationAxis = rotationAxis
        self.rotationDegrees = rotationDegrees
        self.translation = translation
    }

    /// The body's rigid motion at this scan.
    public var motion: RigidMotion {
        RigidMotion(axis: rotationAxis, degrees: rotationDegrees, translation: translation)
    }

    /// The date as YYYYMMDD (DICOM DA).
    public var dicomDate: String { date.replacingOccurrences(of: "-", with: "") }
}

/// A lesion of a scenario: an axis-aligned ellipsoid in the body frame whose semi-axes change per timepoint.
public struct ScenarioLesion: Hashable, Sendable, Codable {
    /// What the lesion is recorded as.
    public enum Role: String, Hashable, Sendable, Codable {
        /// A target lesion chosen at baseline.
        case target
        /// A new lesion appearing after baseline.
        case new
    }

    /// Tracking ID ("T01", "NEW01").
    public var id: String
    /// Target or new.
    public var role: Role
    /// Organ or site ("LUNG", "LIVER", "LYMPH NODE").
    public var organ: String
    /// Whether the lesion is a lymph node (measured by its short axis under RECIST).
    public var isNodal: Bool
    /// The seeded-segmentation preset a reader would pick ("lung", "liver", "node").
    public var preset: String
    /// Centre in the body frame, LPS mm.
    public var centre: SIMD3<Double>
    /// Density, HU.
    public var hounsfield: Double
    /// Semi-axes (x, y, z) in mm at each timepoint; nil where the lesion is absent (not yet appeared, or gone).
    public var radii: [SIMD3<Double>?]

    /// Makes a lesion.
    public init(id: String, role: Role = .target, organ: String, isNodal: Bool = false, preset: String,
                centre: SIMD3<Double>, hounsfield: Double, radii: [SIMD3<Double>?]) {
        self.id = id
        self.role = role
        self.organ = organ
        self.isNodal = isNodal
        self.preset = preset
        self.centre = centre
        self.hounsfield = hounsfield
        self.radii = radii
    }

    /// The designed longest axial diameter at a timepoint (mm): 2 max(a, b) of the axis-aligned ellipsoid; nil if absent.
    public func longAxis(at index: Int) -> Double? {
        guard index < radii.count, let r = radii[index] else { return nil }
        return 2 * max(r.x, r.y)
    }

    /// The designed short axis at a timepoint (mm): 2 min(a, b), perpendicular to the long axis in the axial plane.
    public func shortAxis(at index: Int) -> Double? {
        guard index < radii.count, let r = radii[index] else { return nil }
        return 2 * min(r.x, r.y)
    }

    /// Where the centre appears in patient space at a timepoint with the given motion.
    public func patientCentre(under motion: RigidMotion) -> SIMD3<Double> { motion.apply(centre) }
}

/// A scenario that cannot be evaluated or written: says what and where.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public var rawValue: String
        /// The scenario's criteria have no designed-response rules here.
        public static let unsupportedCriteria = Code(rawValue: "unsupportedCriteria")
        /// A designed size lies too close to a threshold for the outcome to be robust.
        public static let marginTooSmall = Code(rawValue: "marginTooSmall")
        /// The scenario is inconsistent (lesion radii count differs from the timepoints, no target...).
        public static let invalidScenario = Code(rawValue: "invalidScenario")
        /// Writing the study failed.
        public static let io = Code(rawValue: "io")
        /// The code's name.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The scenario.
    public var scenario: String
    /// The visit, if one.
    public var visit: String?
    /// What happened and what to do.
    public var message: String

    /// Makes an error.
    public init(_ code: Code, scenario: String, visit: String? = nil, _ message: String) {
        self.code = code
        self.scenario = scenario
        self.visit = visit
        self.message = message
    }

    /// One line naming the scenario, the visit and the problem.
    public var description: String {
        "scenario \(scenario)\(visit.map { ", visit \($0)" } ?? ""): \(message) [\(code)]"
    }
}
