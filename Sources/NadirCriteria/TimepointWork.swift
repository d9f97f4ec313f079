internal import NadirModel

/// The working state of one follow-up timepoint while logic runs over it.
struct TimepointWork {
    var timepoint: TimePoint
    /// Baseline targets' readings at this timepoint.
    var readings: [LesionID: LesionReading] = [:]
    /// The complete sum (every target evaluable), `nil` otherwise.
    var sum: Int64?
    /// The sum of the evaluable targets.
    var partialSum: Int64 = 0
    var baselineSum: Int64?
    /// The smallest complete sum before this timepoint, baseline included.
    var nadirSum: Int64?
    var target: Outcome?
    var nonTarget: Outcome?
    /// Whether a non-target shows unequivocal progression.
    var nonTargetProgressed = false
    var newLesions = false
    /// Unequivocal new lesions present at this timepoint.
    var newLesionIDs: [LesionID] = []
    /// New lesions recorded as equivocal at this timepoint.
    var equivocalNewIDs: [LesionID] = []
    /// iRECIST new-lesion target sum (measurable new lesions, at most 5, 2 per organ).
    var newTargetSum: Int64 = 0
    var overall: Outcome = .notEvaluable
    var trace: [RuleTrace] = []

    init(timepoint: TimePoint) { self.timepoint = timepoint }
}

extension PreparedHistory {
    /// Text of a value in the measure ("9.8 mm").
    func text(_ units: Int64) -> String { MeasureValue(kind: definition.measure, units: units).description }

    /// Text of a percentage change, for traces ("-30.0 %").
    func percentText(_ change: Int64, of reference: Int64) -> String {
        guard let percent = ExactArithmetic.displayPercent(change: change, reference: reference) else { return "n/a %" }
        return "\(percent) %"
    }
}
