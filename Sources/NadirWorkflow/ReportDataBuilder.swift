internal import Foundation
public import NadirCriteria
public import NadirModel
public import NadirReport

/// Puts what the case database holds beside what the rule engine decided: the report reads the engine's own
/// `PatientAssessment` of each reader (no translation) and the stored accepted flags (adjudication).
public enum ReportDataBuilder {
    /// The report input of one patient: every lesion, every reader's read, the stored per-visit rows and
    /// adjudications, and the criteria with the thresholds the charts draw.
    public static func patient(_ patientCase: PatientCase, assessment: SubjectAssessment,
                               definition: CriteriaDefinition, gallery: [SnapshotCell] = []) -> PatientReportData {
        let lesions = patientCase.lesions.map { lesion in
            LesionRecord(lesion: lesion,
                         measurements: patientCase.measurements.filter { $0.lesionID == lesion.id },
                         statuses: patientCase.statuses.filter { $0.lesionID == lesion.id })
        }
        let stored = patientCase.assessments.filter { $0.criteria == assessment.criteria }
        // With several readers a stored accepted flag is an adjudication; with one reader it is implied.
        let adjudications = Dictionary(grouping: stored, by: \.visit).compactMap { visit, rows -> Adjudication? in
            guard Set(rows.map(\.reader)).count > 1, let accepted = rows.first(where: \.isAccepted) else { return nil }
            return Adjudication(visit: visit, acceptedReader: accepted.reader)
        }.sorted { $0.visit < $1.visit }
        let primary = assessment.primary?.assessment
        let data = PatientReportData(
            patient: patientCase.patient, trial: patientCase.trial,
            criteria: CriteriaSummary(definition, policies: primary?.policies.recorded ?? [:]),
            timepoints: patientCase.timepoints, lesions: lesions,
            reads: assessment.readers.map { ReaderRead(reader: $0.reader, assessment: $0.assessment) },
            readers: patientCase.readers.map { ReportReader.inferred(from: $0) },
            readerAssessments: stored, adjudications: adjudications,
            treatmentStart: patientCase.baseline?.date, lastOnStudy: patientCase.timepoints.map(\.date).max(),
            gallery: gallery)
        var result = data
        result.isOngoing = data.firstProgressionDate == nil
        return result
    }
}
