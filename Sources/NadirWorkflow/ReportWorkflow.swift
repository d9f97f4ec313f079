public import Foundation
internal import NadirInterchange
public import NadirModel
public import NadirReport
public import NadirStore

/// Writes reports and exports: each patient is (re)assessed first, so what is printed is what the rules decide
/// on the data as it stands, and the stored assessments match the report.
public struct ReportWorkflow: Sendable {
    public var assessment: AssessmentWorkflow

    public init(assessment: AssessmentWorkflow) {
        self.assessment = assessment
    }

    /// What an export writes.
    public enum ExportFormat: String, Sendable, CaseIterable {
        /// Lesion-level CSV in the import dialect (`LesionCSVWriter`), timepoint responses, best overall response
        /// per patient.
        case csv
        /// CDISC SDTM TU, TR and RS domains: CSV and SAS transport v5 (.xpt).
        case sdtm
    }

    /// The report input of one patient, assessed now.
    public func patientData(_ subject: SubjectID, context: AuditContext,
                            gallery: [SnapshotCell] = []) throws -> PatientReportData {
        let result = try assessment.assess(subject, context: context)
        let patientCase = try assessment.database.read { try $0.patientCase(subject) }
        let definition = try assessment.catalog.definition(id: result.criteria)
        return ReportDataBuilder.patient(patientCase, assessment: result, definition: definition, gallery: gallery)
    }

    /// The report input of a whole trial.
    public func trialData(_ trial: TrialID, context: AuditContext, generatedAt: Date? = nil) throws -> TrialReportData {
        guard let trialValue = try assessment.database.read({ try $0.trial(trial) }) else {
            throw StoreError(.unknownTrial, "no trial \(trial)")
        }
        let patients = try assessment.database.read { try $0.patients(trial: trial) }
        let data = try patients.map { try patientData($0.subjectID, context: context) }
        let stamp = generatedAt.map { date -> String in
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
        return TrialReportData(trial: trialValue, patients: data, generatedAt: stamp)
    }

    /// Writes one patient's report (`report.html`, `report.md`, `trend.svg`) into `folder`.
    @discardableResult
    public func writePatient(_ subject: SubjectID, to folder: URL, context: AuditContext,
                             gallery: [SnapshotCell] = []) throws -> [URL] {
        let data = try patientData(subject, context: context, gallery: gallery)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("report.html", HTMLReport.render(patient: data, generatedAt: ReportProvenance.timestamp(Date()))),
            ("report.md", PatientTable.markdownDocument(data)),
            ("trend.svg", TrendChart(data: data).svg()),
        ]
        return try files.map { name, text in
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            return url
        }
    }

    /// Writes a trial's report folder: index page, every patient, cohort charts and exports.
    public func writeTrial(_ trial: TrialID, to folder: URL, context: AuditContext, generatedAt: Date? = Date()) throws {
        try ReportWriter.write(trial: try trialData(trial, context: context, generatedAt: generatedAt), to: folder)
    }

    /// Writes a trial's exports in one format into `folder`.
    @discardableResult
    public func export(_ trial: TrialID, format: ExportFormat, to folder: URL, context: AuditContext) throws -> [URL] {
        let data = try trialData(trial, context: context)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files: [(String, String)] = switch format {
        case .csv:
            // The lesion-level file is the dialect `nadir import csv` reads (NadirInterchange owns it both ways).
            [("lesions.csv", LesionCSVWriter.write(try data.patients.map { patient in
                try assessment.database.read { try $0.patientCase(patient.patient.subjectID) }
            })), ("timepoints.csv", CSVExporter.timepoints(data)),
             ("best-overall-response.csv", CSVExporter.bestResponses(data))]
        case .sdtm:
            [("tu.csv", SDTMExporter.tu(data)), ("tr.csv", SDTMExporter.tr(data)), ("rs.csv", SDTMExporter.rs(data))]
        }
        var binary = files.map { ($0.0, Data($0.1.utf8)) }
        if format == .sdtm { binary += try SDTMExporter.transportFiles(data, created: Date()).map { ($0.name, $0.data) } }
        return try binary.map { name, bytes in
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url, options: .atomic)
            return url
        }
    }
}
