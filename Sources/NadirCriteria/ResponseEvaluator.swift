internal import NadirModel

/// Assesses a patient's history under one criterion and one policy set: a pure function of values.
///
/// ```swift
/// let evaluator = ResponseEvaluator(definition: try catalog.definition(id: .recist11))
/// let assessment = evaluator.assess(history)   // timepoints, BOR, baseline warnings, traces
/// ```
public struct ResponseEvaluator: Sendable {
    /// The criterion.
    public var definition: CriteriaDefinition
    /// The policies in force.
    public var policies: ResponsePolicies

    /// An evaluator; `policies` default to `ResponsePolicies(for: definition)`.
    public init(definition: CriteriaDefinition, policies: ResponsePolicies? = nil) {
        self.definition = definition
        self.policies = policies ?? ResponsePolicies(for: definition)
    }

    /// Assesses every follow-up timepoint, then the best overall response.
    public func assess(_ history: PatientHistory) -> PatientAssessment {
        let prepared = PreparedHistory(history, definition: definition)
        let standard = StandardLogic(p: prepared, keepPartialResponse: policies.continuedPartialResponse == .keepPartialResponse,
                                     progressionScope: policies.progressionScope)
        var works = standard.evaluate().works
        backdateEquivocalNewLesions(&works, standard: standard)
        switch definition.logic {
        case .irecistConfirmation: IRECISTLogic(p: prepared, standard: standard, policies: policies).apply(&works)
        case .pcwg3BoneFlare: PCWG3Logic(p: prepared, standard: standard).apply(&works)
        case .luganoPETPrecedence:
            LuganoLogic(p: prepared).applyRegrowth(&works, standard: standard)
            LuganoLogic(p: prepared).applyPETPrecedence(&works)
        case .choiDensity: ChoiLogic(p: prepared, standard: standard).apply(&works)
        case .ranoConfirmation: RANOLogic(p: prepared).apply(&works)
        default: break
        }
        let vocabulary = definition.categories
        let reference = history.treatmentStart ?? prepared.baseline?.date ?? history.timepoints.map(\.date).min()
            ?? CalendarDate(daysSinceEpoch: 0)
        let bor = BestResponseDeriver.derive(
            works.map { TimedResponse(visit: $0.timepoint.visit, date: $0.timepoint.date, outcome: $0.overall) },
            reference: reference, policies: policies, vocabulary: vocabulary, hasTargetDisease: !prepared.targets.isEmpty)
        let kind = definition.measure
        let timepoints = works.map { work -> TimePointAssessment in
            let nadir = work.nadirSum
            return TimePointAssessment(
                visit: work.timepoint.visit, date: work.timepoint.date,
                sum: work.sum.map { MeasureValue(kind: kind, units: $0) },
                baselineSum: work.baselineSum.map { MeasureValue(kind: kind, units: $0) },
                nadirSum: nadir.map { MeasureValue(kind: kind, units: $0) },
                changeFromBaseline: work.sum.flatMap { s in work.baselineSum.map { Change(current: s, reference: $0, kind: kind) } },
                changeFromNadir: work.sum.flatMap { s in nadir.map { Change(current: s, reference: $0, kind: kind) } },
                target: work.target.map(vocabulary.term(for:)), nonTarget: work.nonTarget.map(vocabulary.term(for:)),
                newLesions: work.newLesions, overall: vocabulary.term(for: work.overall), trace: work.trace)
        }
        return PatientAssessment(
            subjectID: history.patient.subjectID, criteria: definition.id, criteriaVersion: definition.version,
            criteriaFile: prepared.fileName, policies: policies,
            baselineConformance: BaselineConformance(p: prepared).findings(), timepoints: timepoints,
            bestOverallResponse: bor)
    }

    /// An equivocal new lesion later confirmed dates progression to the first scan that showed it
    /// (RECIST 1.1 §4.3.3; RANO-BM likewise).
    func backdateEquivocalNewLesions(_ works: inout [TimepointWork], standard: StandardLogic) {
        guard definition.newLesions.meanProgression else { return }
        for (index, work) in works.enumerated() {
            for id in work.equivocalNewIDs where !works[index].newLesionIDs.contains(id) {
                guard let confirming = works[(index + 1)...].first(where: { $0.newLesionIDs.contains(id) }) else { continue }
                works[index].newLesions = true
                works[index].newLesionIDs.append(id)
                works[index].trace.append(RuleTrace(
                    rule: "newLesions.backdated", source: standard.p.source("newLesions", "RECIST 1.1 §4.3.3: PD dated to the first scan showing an equivocal lesion later confirmed"),
                    compared: "\(id) equivocal here, unequivocal at \(confirming.timepoint.visit)", result: "PD"))
                works[index].overall = .progression
            }
        }
    }
}
