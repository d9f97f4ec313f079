public import Foundation
public import NadirInterchange
public import NadirModel
internal import NadirStore
public import NadirWorkflow

/// The quick demo without images (`nadir demo --csv-only`): the bundled lesion-level CSV (`DemoTrial`) imported
/// as a technologist would from typed diameters, assessed, and reported. Seconds instead of minutes, and it shows
/// the CSV path, which the imaging demo does not use.
public struct CSVDemoRunner: Sendable {
    /// Where the demo writes its database and reports.
    public var outputDirectory: URL
    /// Who runs it, for the audit trail.
    public var user: String

    public init(outputDirectory: URL, user: String) {
        self.outputDirectory = outputDirectory
        self.user = user
    }

    /// What the demo produced.
    public struct Result: Sendable {
        public var databasePath: String
        public var importSummary: ImportSummary
        public var cases: [PatientCase]
        /// Every patient assessed under its resolved criteria.
        public var assessments: [SubjectAssessment]
        /// The trial report's index page.
        public var reportIndex: URL
    }

    /// Runs the CSV demo from scratch (an existing demo database is replaced).
    public func run(progress: (String) -> Void = { _ in }) throws -> Result {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let path = outputDirectory.appendingPathComponent(CaseDatabase.defaultFileName).path
        for suffix in ["", "-wal", "-shm", ".images"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        progress("creating the case database at \(path)")
        let database = try CaseDatabase.create(at: path)
        progress("importing the demo trial (lesion-level CSV)")
        let summary = try LesionCSVImport.run(
            data: try DemoTrial.csv(), fileName: "demo-trial.csv", database: database, trial: nil, reader: user,
            context: AuditContext(user: user, reason: "nadir demo: import demo-trial.csv"))
        let context = AuditContext(user: user, reason: "nadir demo")
        let workflow = AssessmentWorkflow(database: database, catalog: try CriteriaLocator.catalog())
        progress("assessing every patient under its criteria (cancer type or override)")
        let assessments = try workflow.assessTrial(TrialID(DemoTrial.trialID), context: context)
        let reportFolder = outputDirectory.appendingPathComponent("report")
        progress("writing the trial report, charts and exports to \(reportFolder.path)")
        try ReportWorkflow(assessment: workflow).writeTrial(TrialID(DemoTrial.trialID), to: reportFolder, context: context)
        let cases = try database.read { reader in
            try reader.patients().map { try reader.patientCase($0.subjectID) }
        }
        try database.close()
        return Result(databasePath: path, importSummary: summary, cases: cases, assessments: assessments,
                      reportIndex: reportFolder.appendingPathComponent("index.html"))
    }
}
