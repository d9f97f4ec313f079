internal import Foundation
public import NadirCriteria
public import NadirModel
public import NadirStore

/// One reader's assessment of a patient, as `nadir assess` reports it.
public struct ReaderResult: Sendable, Encodable {
    public var reader: String
    /// Whether this reader's assessments are the accepted (adjudicated) ones.
    public var isAccepted: Bool
    public var assessment: PatientAssessment

    /// Encodes the assessment's own keys (subjectID, criteria, timepoints, bestOverallResponse, ...) with
    /// `reader` and `accepted` beside them.
    public func encode(to encoder: any Encoder) throws {
        try assessment.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(reader, forKey: .reader)
        try container.encode(isAccepted, forKey: .accepted)
    }

    enum Keys: String, CodingKey { case reader, accepted }
}

/// A patient assessed under its resolved criteria, every reader.
public struct SubjectAssessment: Sendable {
    public var subjectID: SubjectID
    public var criteria: CriteriaID
    /// How the criteria were chosen: patient override, cancer type or trial default.
    public var criteriaSource: String
    public var readers: [ReaderResult]

    /// The accepted reader's result, else the first reader's.
    public var primary: ReaderResult? { readers.first(where: \.isAccepted) ?? readers.first }
}

/// Assesses patients with the rule engine and stores the results (one transaction per patient).
public struct AssessmentWorkflow: Sendable {
    public var database: CaseDatabase
    public var catalog: CriteriaCatalog

    public init(database: CaseDatabase, catalog: CriteriaCatalog) {
        self.database = database
        self.catalog = catalog
    }

    /// Assesses one patient for every reader who recorded data, and stores each reader's timepoint responses
    /// with the criteria id, version and policies used.
    ///
    /// A single reader's assessment is accepted; with several readers the stored adjudication is kept.
    public func assess(_ subject: SubjectID, context: AuditContext) throws -> SubjectAssessment {
        let patientCase = try database.read { try $0.patientCase(subject) }
        let (criteriaID, source) = catalog.resolveID(patient: patientCase.patient, trial: patientCase.trial)
        let definition = try catalog.definition(id: criteriaID)
        let evaluator = ResponseEvaluator(definition: definition, policies: ResponsePolicies(for: definition))
        let readers = patientCase.readers
        guard !readers.isEmpty else {
            throw WorkflowError(.noMeasurements, subject: subject, "nothing is recorded for \(subject) yet; import or record measurements first")
        }
        let storedAccepted = Set(patientCase.assessments.filter { $0.isAccepted && $0.criteria == criteriaID }.map(\.reader))
        var results: [ReaderResult] = []
        for reader in readers {
            // Proposed (tracked, unconfirmed) values are not assessed until a person confirms them.
            let history = PatientHistory(patientCase: patientCase, reader: reader)
            let accepted = readers.count == 1 || storedAccepted.contains(reader)
            results.append(ReaderResult(reader: reader, isAccepted: accepted, assessment: evaluator.assess(history)))
        }
        try database.write(as: context) { writer in
            for result in results {
                let traces = Dictionary(uniqueKeysWithValues: result.assessment.timepoints.map { ($0.visit, $0.trace) })
                for row in result.assessment.readerAssessments(reader: result.reader, isAccepted: result.isAccepted) {
                    try writer.save(row, detail: try Self.traceJSON(traces[row.visit] ?? []))
                }
            }
        }
        return SubjectAssessment(subjectID: subject, criteria: criteriaID, criteriaSource: "\(source)", readers: results)
    }

    /// Assesses every patient of a trial.
    public func assessTrial(_ trial: TrialID, context: AuditContext) throws -> [SubjectAssessment] {
        let patients = try database.read { try $0.patients(trial: trial) }
        return try patients.map { try assess($0.subjectID, context: context) }
    }

    static func traceJSON(_ trace: [RuleTrace]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(trace), as: UTF8.self)
    }
}
