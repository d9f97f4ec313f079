public import Foundation
internal import NadirCriteria
internal import NadirModel
public import NadirTestSupport
public import NadirWorkflow

/// One demo patient: the responses its scenario was designed to produce (published rules on the designed sizes)
/// against the responses Nadir computed from the images, and whether tracking followed every lesion.
public struct PatientVerdict: Sendable, Codable {
    /// One follow-up timepoint.
    public struct Row: Sendable, Codable {
        /// The visit.
        public var visit: String
        /// The designed overall response and the computed one.
        public var designed: String, computed: String
        /// Designed and computed percent change of the sum from baseline.
        public var designedChange: Double, computedChange: Double?
        /// Whether they agree.
        public var matches: Bool { designed == computed }
    }

    /// Subject, scenario name, cancer type, the scenario's criteria and the criteria Nadir resolved.
    public var subjectID: String, scenario: String, cancerType: String, criteria: String, resolvedCriteria: String
    /// Every follow-up.
    public var rows: [Row]
    /// What happened to each lesion at each follow-up.
    public var reviews: [LesionReview]

    /// Whether every follow-up's overall response is the designed one, under the designed criteria.
    public var responsesMatch: Bool { criteria == resolvedCriteria && !rows.isEmpty && rows.allSatisfy(\.matches) }
    /// Whether tracking matched every lesion to itself and found every designed new lesion.
    public var lesionsMatch: Bool { reviews.allSatisfy(\.isCorrect) }
    /// Both.
    public var isAsDesigned: Bool { responsesMatch && lesionsMatch }

    /// Compares a scenario's designed responses with a computed assessment.
    public init(scenario: StudyScenario, assessment: SubjectAssessment?, reviews: [LesionReview]) throws {
        subjectID = scenario.subjectID
        self.scenario = scenario.name
        cancerType = scenario.cancerType
        criteria = scenario.criteria
        resolvedCriteria = assessment?.criteria.rawValue ?? "-"
        self.reviews = reviews
        let computed = assessment?.primary?.assessment.timepoints ?? []
        rows = try scenario.designedResponses().map { designed in
            let tp = computed.first { $0.visit == designed.visit }
            return Row(visit: designed.visit, designed: designed.overall, computed: tp?.overall.rawValue ?? "-",
                       designedChange: designed.changeFromBaseline, computedChange: tp?.changeFromBaseline?.percent)
        }
    }

    /// Text lines: one per follow-up, then tracking problems if any.
    public var lines: [String] {
        var out = ["\(subjectID) \(cancerType) \(resolvedCriteria) (\(scenario)): \(isAsDesigned ? "as designed" : "NOT as designed")"]
        for row in rows {
            let change = row.computedChange.map { String(format: "%+.1f %%", $0) } ?? "-"
            out.append(String(format: "  %-9@ designed %-6@ (%+.1f %%)  computed %-6@ (%@)  %@", row.visit as NSString,
                              row.designed as NSString, row.designedChange, row.computed as NSString, change as NSString,
                              (row.matches ? "ok" : "DIFFERENT") as NSString))
        }
        for review in reviews where !review.isCorrect {
            out.append("  \(review.visit) \(review.scenarioLesion ?? "?") recorded as \(review.recordedAs): \(review.outcome)"
                       + (review.distance.map { String(format: ", %.1f mm from its designed centre", $0) } ?? ""))
        }
        let rejected = reviews.filter { $0.scenarioLesion == nil }.count
        if rejected > 0 { out.append("  \(rejected) spurious candidate new lesion\(rejected == 1 ? "" : "s") rejected by the reviewer") }
        return out
    }

    /// Writes a Markdown table of every patient's designed and computed responses.
    public static func writeSummary(_ verdicts: [PatientVerdict], to url: URL) throws {
        var text = "# Nadir demo: designed against computed responses\n\n"
        text += "Designed responses come from each scenario's designed diameters by the published rules; computed ones from the images.\n\n"
        text += "| subject | cancer type | criteria | visit | designed | computed | designed change | computed change |\n"
        text += "|---|---|---|---|---|---|---|---|\n"
        for v in verdicts {
            for row in v.rows {
                let computed = row.computedChange.map { String(format: "%+.1f %%", $0) } ?? "-"
                text += "| \(v.subjectID) | \(v.cancerType) | \(v.resolvedCriteria) | \(row.visit) | \(row.designed) | \(row.computed) | "
                text += String(format: "%+.1f %%", row.designedChange) + " | \(computed) |\n"
            }
        }
        text += "\nTracking: \(verdicts.flatMap(\.reviews).filter(\.isCorrect).count) of \(verdicts.flatMap(\.reviews).count) lesion reviews as designed.\n"
        try Data(text.utf8).write(to: url, options: .atomic)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(verdicts).write(to: url.deletingPathExtension().appendingPathExtension("json"), options: .atomic)
    }
}
