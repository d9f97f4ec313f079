public import NadirModel

extension PatientHistory {
    /// One reader's history from a stored (or planned) case: that reader's measurements and statuses; values
    /// proposed by tracking and not yet confirmed by a person are not assessed.
    public init(patientCase: PatientCase, reader: String) {
        self.init(patient: patientCase.patient, timepoints: patientCase.timepoints, lesions: patientCase.lesions,
                  measurements: patientCase.measurements.filter { $0.reader == reader && !$0.isProposed },
                  statuses: patientCase.statuses.filter { $0.reader == reader },
                  treatmentStart: patientCase.patient.treatmentStart, radiotherapyEnd: patientCase.patient.radiotherapyEnd)
    }
}
