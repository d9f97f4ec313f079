public import NadirModel

extension LesionImportPlan {
    /// The plan as one case per patient, without a database: each patient's earliest visit is its baseline, as
    /// `nadir import csv` makes it in an empty database (`CaseWriter.addTimePoint`). What validation runs on
    /// a file use, so they read it through the same parse and plan a user's import does.
    public func patientCases() -> [PatientCase] {
        let trialsByID = Dictionary(trials.map { ($0.value.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        return patients.map(\.value).map { patient in
            let subject = patient.subjectID
            var timepoints = self.timepoints.map(\.value).filter { $0.subjectID == subject }
                .sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }
            if !timepoints.isEmpty { timepoints[0].isBaseline = true }
            let trial = trialsByID[patient.trialID]
                ?? Trial(id: patient.trialID, protocolName: patient.trialID.rawValue, defaultCriteria: patient.criteria ?? .recist11)
            return PatientCase(
                trial: trial, patient: patient, timepoints: timepoints,
                lesions: lesions.map(\.value).filter { $0.subjectID == subject }.sorted { $0.id.rawValue < $1.id.rawValue },
                measurements: measurements.map(\.value).filter { $0.subjectID == subject },
                statuses: statuses.map(\.value).filter { $0.subjectID == subject },
                visitReadings: readings.map(\.value).filter { $0.subjectID == subject })
        }
    }
}
