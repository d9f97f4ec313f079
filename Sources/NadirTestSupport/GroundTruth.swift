public import Foundation

/// The ground truth of a written study (`ground-truth.json`): the scenario, the grid, each lesion's centre
/// (patient space, after the body's motion) and designed size per timepoint, and the designed responses.
public struct GroundTruth: Sendable, Codable {
    /// One lesion at one timepoint.
    public struct LesionTruth: Sendable, Codable {
        /// Tracking ID.
        public var id: String
        /// Target or new.
        public var role: ScenarioLesion.Role
        /// Organ or site.
        public var organ: String
        /// Whether it is a node.
        public var isNodal: Bool
        /// Centre in patient space (LPS mm) on this scan.
        public var centre: SIMD3<Double>
        /// Semi-axes, mm (body frame).
        public var radii: SIMD3<Double>
        /// Designed long and short axial diameters, mm.
        public var longAxis: Double, shortAxis: Double
        /// Label in the phantom's label map.
        public var label: Int
    }

    /// One timepoint.
    public struct TimepointTruth: Sendable, Codable {
        /// Visit and ISO date.
        public var visit: String, date: String
        /// The body's motion: rotation (degrees about an axis) and translation (mm).
        public var rotationAxis: SIMD3<Double>, rotationDegrees: Double, translation: SIMD3<Double>
        /// The lesions present on this scan.
        public var lesions: [LesionTruth]
    }

    /// Subject, cancer type, criteria and summary.
    public var subjectID: String, cancerType: String, criteria: String, summary: String
    /// The scan grid.
    public var grid: StudyWriter.Grid
    /// Every timepoint.
    public var timepoints: [TimepointTruth]
    /// The designed response of each follow-up (published rules on the designed diameters).
    public var designedResponses: [DesignedResponse.Timepoint]

    /// The truth of a scenario on a grid.
    public init(scenario: StudyScenario, grid: StudyWriter.Grid, designed: [DesignedResponse.Timepoint]) {
        subjectID = scenario.subjectID
        cancerType = scenario.cancerType
        criteria = scenario.criteria
        summary = scenario.summary
        self.grid = grid
        designedResponses = designed
        timepoints = scenario.timepoints.enumerated().map { index, tp in
            let lesions = scenario.lesions.enumerated().compactMap { label, lesion -> LesionTruth? in
                guard let r = lesion.radii[index], let long = lesion.longAxis(at: index), let short = lesion.shortAxis(at: index)
                else { return nil }
                return LesionTruth(id: lesion.id, role: lesion.role, organ: lesion.organ, isNodal: lesion.isNodal,
                                   centre: lesion.patientCentre(under: tp.motion), radii: r, longAxis: long,
                                   shortAxis: short, label: label + 1)
            }
            return TimepointTruth(visit: tp.visit, date: tp.date, rotationAxis: tp.rotationAxis,
                                  rotationDegrees: tp.rotationDegrees, translation: tp.translation, lesions: lesions)
        }
    }

    /// Writes the truth as pretty-printed JSON.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
