/// The columns of Nadir's lesion-level CSV, the shape trial staff keep in spreadsheets (one row per lesion per
/// visit per reader). Documented in README.md.
public enum LesionCSVColumn: String, CaseIterable, Sendable {
    case subject, visit, date, lesion, role, organ, nodal, state
    case longAxis = "long_axis_mm"
    case shortAxis = "short_axis_mm"
    case volume = "volume_mm3"
    // Optional columns.
    case reader, trial
    case cancerType = "cancer_type"
    case criteria
    case sliceThickness = "slice_thickness_mm"
    /// Parent lesions of a split fragment or merged lesion, separated by ';'.
    case parents
    /// "split" or "merged".
    case relation
    /// Mean density of a measured lesion in Hounsfield units, typed (Choi 2007: portal-venous CT).
    case densityHU = "density_hu"
    /// SULpeak of a measured lesion, g/mL (PERCIST 1.0, Wahl 2009).
    case sulPeak = "sul_peak"
    /// Per visit and reader: Deauville score 1-5 or X of the PET scan (Lugano 2014).
    case deauville
    /// Per visit and reader: uptake of residual disease vs baseline, reduced / unchanged / increased (Lugano).
    case uptakeChange = "uptake_change"
    /// Per visit and reader: new bone-scan lesions vs the baseline bone scan (PCWG3 2+2 rule).
    case boneNewLesions = "bone_new_lesions"
    /// Per patient: start of study treatment (SD minimum duration reference, RECIST 1.1 §4.4).
    case treatmentStart = "treatment_start"
    /// Per patient: end of radiotherapy (RANO 2.0 12-week rule).
    case radiotherapyEnd = "radiotherapy_end"

    /// Whether every file must have the column.
    public var isRequired: Bool {
        switch self {
        case .subject, .visit, .date, .lesion, .role, .organ, .nodal, .state, .longAxis, .shortAxis, .volume: true
        default: false
        }
    }

    /// The header line of a file with every required column, in order.
    public static var requiredHeader: String {
        allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ",")
    }
}
