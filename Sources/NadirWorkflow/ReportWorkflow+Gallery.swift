public import Foundation
public import NadirModel
public import NadirReport
public import NadirStore

extension ReportWorkflow {
    /// The report input of a whole trial with each patient's snapshot gallery (patients without one get none).
    public func trialData(_ trial: TrialID, context: AuditContext, galleries: [SubjectID: [SnapshotCell]],
                          generatedAt: Date? = nil) throws -> TrialReportData {
        guard let trialValue = try assessment.database.read({ try $0.trial(trial) }) else {
            throw StoreError(.unknownTrial, "no trial \(trial)")
        }
        let patients = try assessment.database.read { try $0.patients(trial: trial) }
        let data = try patients.map { try patientData($0.subjectID, context: context, gallery: galleries[$0.subjectID] ?? []) }
        let stamp = generatedAt.map { date -> String in
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
        return TrialReportData(trial: trialValue, patients: data, generatedAt: stamp)
    }

    /// Writes a trial's report folder (index page, every patient with its gallery, cohort charts, exports).
    public func writeTrial(_ trial: TrialID, to folder: URL, context: AuditContext,
                           galleries: [SubjectID: [SnapshotCell]], generatedAt: Date? = Date()) throws {
        try ReportWriter.write(trial: try trialData(trial, context: context, galleries: galleries, generatedAt: generatedAt),
                               to: folder)
    }

    /// Writes a trial's report folder with every patient's snapshot gallery built from the image store
    /// (`GalleryBuilder`): what `nadir report --trial` writes. Patients without stored segmentations get none.
    public func writeTrial(_ trial: TrialID, to folder: URL, context: AuditContext, store: ImageStore,
                           progress: (String) -> Void = { _ in }, generatedAt: Date? = Date()) throws {
        let patients = try assessment.database.read { try $0.patients(trial: trial) }
        let builder = GalleryBuilder(database: assessment.database, store: store)
        var galleries: [SubjectID: [SnapshotCell]] = [:]
        for patient in patients { galleries[patient.subjectID] = try builder.gallery(patient.subjectID, progress: progress) }
        try writeTrial(trial, to: folder, context: context, galleries: galleries, generatedAt: generatedAt)
    }

    /// Writes one patient's report (`report.html` with its snapshot gallery, `report.md`, `trend.svg`).
    @discardableResult
    public func writePatient(_ subject: SubjectID, to folder: URL, context: AuditContext, store: ImageStore,
                             progress: (String) -> Void = { _ in }) throws -> [URL] {
        let gallery = try GalleryBuilder(database: assessment.database, store: store).gallery(subject, progress: progress)
        return try writePatient(subject, to: folder, context: context, gallery: gallery)
    }
}
