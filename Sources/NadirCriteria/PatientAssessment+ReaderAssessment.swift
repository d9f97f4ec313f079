public import NadirModel

extension PatientAssessment {
    /// The timepoint results as `ReaderAssessment` rows (CDISC RS shape) for storing, with the criteria id,
    /// version and policies recorded on each row for reproduction.
    public func readerAssessments(reader: String, isAccepted: Bool) -> [ReaderAssessment] {
        timepoints.map {
            ReaderAssessment(subjectID: subjectID, visit: $0.visit, reader: reader, criteria: criteria,
                             criteriaVersion: criteriaVersion, policies: policies.recorded, target: $0.target,
                             nonTarget: $0.nonTarget, newLesions: $0.newLesions, overall: $0.overall,
                             isAccepted: isAccepted)
        }
    }
}
