public import Foundation
internal import Dispatch
public import NadirModel
internal import NadirReport
internal import NadirStore
public import NadirTestSupport
public import NadirWorkflow

/// Runs the whole demo from DICOM to reports: a synthetic trial of scenario patients is written as DICOM CT
/// series, then each scan is imported, baseline lesions are placed by seed, follow-ups are registered and
/// tracked, proposals are reviewed, every patient is assessed, and the trial report with snapshot galleries,
/// charts and exports is written. Each patient's computed responses are compared with the responses its
/// scenario was designed to produce.
public struct DemoRunner: Sendable {
    /// Where the demo writes its studies, database and reports (replaced on every run).
    public var outputDirectory: URL
    /// Who runs it, for the audit trail.
    public var user: String
    /// The patients.
    public var scenarios: [StudyScenario]
    /// The scan grid of every study.
    public var grid: StudyWriter.Grid
    /// Pixels per side of each gallery image.
    public var galleryImageSize: Int

    /// The demo trial's identifier.
    public static let trialID = TrialID("NADIR-DEMO")
    /// The reader recorded on every measurement.
    public static let reader = "RADIOLOGIST 1"

    /// Makes a runner of the demo trial (five patients on the demo grid unless told otherwise).
    public init(outputDirectory: URL, user: String, scenarios: [StudyScenario] = StudyScenario.demoTrial,
                grid: StudyWriter.Grid = .demo, galleryImageSize: Int = 192) {
        self.outputDirectory = outputDirectory
        self.user = user
        self.scenarios = scenarios
        self.grid = grid
        self.galleryImageSize = galleryImageSize
    }

    /// What the demo produced.
    public struct Result: Sendable {
        public var databasePath: String
        public var cases: [PatientCase]
        /// Every patient assessed under its resolved criteria.
        public var assessments: [SubjectAssessment]
        /// Designed against computed, per patient.
        public var verdicts: [PatientVerdict]
        /// Seconds spent per stage, in order.
        public var stages: [(name: String, seconds: Double)]
        /// Where the studies (DICOM series, ground truth) were written.
        public var studiesFolder: URL
        /// The trial report's index page.
        public var reportIndex: URL
        /// Whether every patient's responses and lesions are as designed.
        public var isAsDesigned: Bool { verdicts.allSatisfy(\.isAsDesigned) }
    }

    /// Runs the demo from scratch.
    public func run(progress: (String) -> Void = { _ in }) throws -> Result {
        var timer = StageTimer()
        let studies = outputDirectory.appendingPathComponent("studies", isDirectory: true)
        let path = try freshDatabasePath()
        let database = try CaseDatabase.create(at: path)
        let store = ImageStore(databasePath: path)
        let context = AuditContext(user: user, reason: "nadir demo")

        var written: [SubjectID: [StudyWriter.WrittenScan]] = [:]
        let writer = StudyWriter(grid: grid, formats: [.dicom])
        try timer.measure("generate studies (phantom + DICOM)") {
            for scenario in scenarios {
                written[SubjectID(scenario.subjectID)] = try writer.write(
                    scenario, to: studies.appendingPathComponent(scenario.subjectID, isDirectory: true), progress: progress)
            }
        }
        try database.write(as: context) { w in
            try w.addTrial(Trial(id: Self.trialID, protocolName: "Nadir demo: synthetic CT trial", defaultCriteria: .recist11))
            for s in scenarios {
                try w.addPatient(Patient(subjectID: SubjectID(s.subjectID), trialID: Self.trialID, cancerType: s.cancerType,
                                         criteria: s.overridesCriteria ? CriteriaID(s.criteria) : nil))
            }
        }
        let technologist = DemoTechnologist(database: database, store: store, context: context, reader: Self.reader)
        var reviews: [SubjectID: [LesionReview]] = [:]
        for scenario in scenarios {
            let subject = SubjectID(scenario.subjectID)
            try timer.measure("import scans (DICOM -> image store)") {
                try technologist.importScans(scenario, written: written[subject] ?? [], progress: progress)
            }
            try timer.measure("place baseline lesions by seed") {
                try technologist.placeBaseline(scenario, progress: progress)
            }
            reviews[subject] = try technologist.trackAndReview(scenario, timer: &timer, progress: progress)
        }
        let catalog = try CriteriaLocator.catalog()
        let assessment = AssessmentWorkflow(database: database, catalog: catalog)
        let assessments = try timer.measure("assess") {
            progress("assessing every patient under its criteria")
            return try assessment.assessTrial(Self.trialID, context: context)
        }
        var galleries: [SubjectID: [SnapshotCell]] = [:]
        try timer.measure("gallery (snapshots)") {
            let builder = GalleryBuilder(database: database, store: store, imageSize: galleryImageSize)
            for scenario in scenarios {
                let subject = SubjectID(scenario.subjectID)
                galleries[subject] = try builder.gallery(subject, progress: progress)
            }
        }
        let reportFolder = outputDirectory.appendingPathComponent("report", isDirectory: true)
        try timer.measure("report, charts, exports") {
            progress("writing the trial report, galleries, charts and exports to \(reportFolder.path)")
            let workflow = ReportWorkflow(assessment: assessment)
            // The report writes the CSV exports; the CDISC SDTM domains go beside them.
            try workflow.writeTrial(Self.trialID, to: reportFolder, context: context, galleries: galleries)
            try workflow.export(Self.trialID, format: .sdtm, to: reportFolder.appendingPathComponent("exports/sdtm"),
                                context: context)
        }
        let cases = try database.read { reader in
            try scenarios.map { try reader.patientCase(SubjectID($0.subjectID)) }
        }
        let verdicts = try scenarios.map { scenario in
            let subject = SubjectID(scenario.subjectID)
            return try PatientVerdict(scenario: scenario, assessment: assessments.first { $0.subjectID == subject },
                                      reviews: reviews[subject] ?? [])
        }
        try database.close()
        try PatientVerdict.writeSummary(verdicts, to: outputDirectory.appendingPathComponent("designed-vs-computed.md"))
        return Result(databasePath: path, cases: cases, assessments: assessments, verdicts: verdicts, stages: timer.stages,
                      studiesFolder: studies, reportIndex: reportFolder.appendingPathComponent("index.html"))
    }

    /// Creates the output folder and removes a previous demo's database, image store, studies and report.
    func freshDatabasePath() throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let path = outputDirectory.appendingPathComponent(CaseDatabase.defaultFileName).path
        for item in [path, path + "-wal", path + "-shm", path + ".images",
                     outputDirectory.appendingPathComponent("studies").path,
                     outputDirectory.appendingPathComponent("report").path] where fm.fileExists(atPath: item) {
            try fm.removeItem(atPath: item)
        }
        return path
    }
}

/// Wall-clock seconds per named stage, summed over repeated calls.
struct StageTimer {
    var stages: [(name: String, seconds: Double)] = []

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if let i = stages.firstIndex(where: { $0.name == name }) {
                stages[i].seconds += seconds
            } else {
                stages.append((name, seconds))
            }
        }
        return try body()
    }
}
