import ArgumentParser
import NadirCriteria
import NadirModel
import NadirStore
import NadirWorkflow

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess response per timepoint and best overall response, and store the result.",
        discussion: """
            Criteria come from the patient's override, else its cancer type (Criteria/cancer-types.yaml), else the
            trial's default. Every category carries the rule that fired (--trace). Results are stored with the
            criteria id, version and policies, so a report can be reproduced; a changed result is audited.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The trial subject ID (or use --trial).") var subject: SubjectID?
    @Option(help: "Assess every patient of this trial.") var trial: TrialID?
    @Option(help: "Show this reader only (default: the accepted reader).") var reader: String?
    @Flag(help: "Show the rule trace behind every category.") var trace = false
    @Option(help: "The criteria folder (default: $NADIR_CRITERIA, ./Criteria, the source tree's).") var criteria: String?
    @Option(help: "A site criteria folder added to the shipped one (repeatable).") var siteCriteria: [String] = []

    func validate() throws {
        if (subject == nil) == (trial == nil) {
            throw ValidationError("give a subject ID or --trial, not both")
        }
    }

    func run() throws {
        try runReporting {
            let workflow = AssessmentWorkflow(
                database: try options.openDatabase(),
                catalog: try CriteriaLocator.catalog(explicit: criteria, siteDirectories: siteCriteria))
            let results: [SubjectAssessment]
            if let subject {
                results = [try workflow.assess(subject, context: options.context("assess \(subject)"))]
            } else if let trial {
                results = try workflow.assessTrial(trial, context: options.context("assess --trial \(trial)"))
            } else {
                results = []
            }
            let chosen: [ReaderResult] = try results.map { result in
                if let reader {
                    guard let match = result.readers.first(where: { $0.reader == reader }) else {
                        throw WorkflowError(.unknownReader, subject: result.subjectID,
                                            "no reader \(reader); readers: \(result.readers.map(\.reader).joined(separator: ", "))")
                    }
                    return match
                }
                guard let primary = result.primary else {
                    throw WorkflowError(.noMeasurements, subject: result.subjectID, "no assessment")
                }
                return primary
            }
            if options.json {
                if subject != nil, let only = chosen.first { try Output.json(only) } else { try Output.json(chosen) }
                return
            }
            for (result, readerResult) in zip(results, chosen) {
                print(AssessmentText(result: result, reader: readerResult, showTrace: trace).render())
                print("")
            }
        }
    }
}
