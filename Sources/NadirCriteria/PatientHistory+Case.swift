public import NadirModel

extension PatientHistory {
    /// One reader's history from a stored (or planned) case: that reader's measurements, statuses and whole-scan
    /// readings (Deauville score -> Lugano PET, new bone-scan lesions -> PCWG3), the patient's treatment start and
    /// radiotherapy end; values proposed by tracking and not yet confirmed by a person are not assessed.
    public init(patientCase: PatientCase, reader: String) {
        self.init(patient: patientCase.patient, timepoints: patientCase.timepoints, lesions: patientCase.lesions,
                  measurements: patientCase.measurements.filter { $0.reader == reader && !$0.isProposed },
                  statuses: patientCase.statuses.filter { $0.reader == reader },
                  treatmentStart: patientCase.patient.treatmentStart,
                  pet: patientCase.visitReadings.filter { $0.reader == reader && $0.deauville != nil }.map {
                      PETReading(visit: $0.visit, deauville: $0.deauville.flatMap(DeauvilleScore.init(rawValue:)),
                                 uptakeChange: $0.uptakeChange.flatMap(UptakeChange.init(rawValue:)))
                  },
                  boneScans: patientCase.visitReadings.filter { $0.reader == reader }.compactMap { reading in
                      reading.boneNewLesions.map { BoneScanReading(visit: reading.visit, newLesionsSinceBaseline: $0) }
                  },
                  radiotherapyEnd: patientCase.patient.radiotherapyEnd)
    }
}
