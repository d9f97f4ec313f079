public import NadirModel

/// Writes Nadir's lesion-level CSV: the dialect `LesionCSVParser` reads (README "CSV import"), so an export
/// imports back into an empty database with the same lesions, values and therefore the same responses.
///
/// One row per lesion, visit and reader that has a measurement or a status, in patient, date, lesion and
/// reader order. Values proposed by tracking and not yet confirmed are left out: they are not assessed, and a
/// re-import would make them confirmed values. Every cell goes through `CSVText.record` (RFC 4180 quoting,
/// OWASP formula neutralisation).
public enum LesionCSVWriter {
    /// The columns written, in order (every required column and the optional ones an export can fill).
    public static let columns: [LesionCSVColumn] = [
        .trial, .subject, .cancerType, .criteria, .treatmentStart, .radiotherapyEnd, .visit, .date, .sliceThickness, .lesion, .role, .organ, .nodal,
        .parents, .relation, .reader, .state, .longAxis, .shortAxis, .volume, .densityHU, .sulPeak,
        .deauville, .uptakeChange, .boneNewLesions,
    ]

    /// The whole file: header and rows for every case given.
    public static func write(_ cases: [PatientCase]) -> String {
        var out = CSVText.record(columns.map(\.rawValue))
        for patientCase in cases {
            for row in rows(patientCase) { out += CSVText.record(row) }
        }
        return out
    }

    /// The rows of one patient, as field texts in `columns` order.
    public static func rows(_ patientCase: PatientCase) -> [[String]] {
        let patient = patientCase.patient
        // The criteria a re-import must give the patient to resolve the same way: its own override, or the
        // trial's default when no cancer type would otherwise decide (CriteriaCatalog.resolveID order).
        let criteria = patient.criteria ?? (patient.cancerType == nil ? patientCase.trial.defaultCriteria : nil)
        let measurements = patientCase.measurements.filter { !$0.isProposed }
        var out: [[String]] = []
        let timepoints = patientCase.timepoints.sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }
        let lesions = patientCase.lesions.sorted { $0.id.rawValue < $1.id.rawValue }
        for timepoint in timepoints {
            for lesion in lesions {
                let visitMeasurements = measurements.filter { $0.visit == timepoint.visit && $0.lesionID == lesion.id }
                let visitStatuses = patientCase.statuses.filter { $0.visit == timepoint.visit && $0.lesionID == lesion.id }
                let readers = Set(visitMeasurements.map(\.reader) + visitStatuses.map(\.reader)).sorted()
                for reader in readers {
                    var state = ""
                    var long = "", short = "", volume = "", density = "", sul = ""
                    if let m = visitMeasurements.first(where: { $0.reader == reader }) {
                        state = m.state.rawValue
                        long = m.longAxis?.formatted ?? ""
                        short = m.shortAxis?.formatted ?? ""
                        volume = m.volume?.formatted ?? ""
                        density = m.meanDensity?.formatted ?? ""
                        sul = m.sulPeak?.formatted ?? ""
                    } else if let s = visitStatuses.first(where: { $0.reader == reader }) {
                        state = s.status.rawValue
                    }
                    let reading = patientCase.visitReadings.first { $0.visit == timepoint.visit && $0.reader == reader }
                    let fields: [LesionCSVColumn: String] = [
                        .deauville: reading?.deauville ?? "", .uptakeChange: reading?.uptakeChange ?? "",
                        .boneNewLesions: reading?.boneNewLesions.map(String.init) ?? "",
                        .trial: patient.trialID.rawValue, .subject: patient.subjectID.rawValue,
                        .cancerType: patient.cancerType ?? "", .criteria: criteria?.rawValue ?? "",
                        .treatmentStart: patient.treatmentStart?.iso8601 ?? "",
                        .radiotherapyEnd: patient.radiotherapyEnd?.iso8601 ?? "",
                        .visit: timepoint.visit, .date: timepoint.date.iso8601,
                        .sliceThickness: timepoint.sliceThickness?.formatted ?? "",
                        .lesion: lesion.id.rawValue, .role: lesion.role.rawValue, .organ: lesion.organ,
                        .nodal: lesion.isNodal ? "yes" : "no",
                        .parents: lesion.parents.map(\.rawValue).joined(separator: ";"),
                        .relation: lesion.relation?.rawValue ?? "", .reader: reader, .state: state,
                        .longAxis: long, .shortAxis: short, .volume: volume, .densityHU: density, .sulPeak: sul,
                    ]
                    out.append(columns.map { fields[$0] ?? "" })
                }
            }
        }
        return out
    }
}
