internal import NadirModel

/// iRECIST (Seymour 2017, Table 2; EORTC iRECIST Q&A): RECIST 1.1 progression is iUPD until confirmed as iCPD
/// at a later assessment (4-8 weeks) by a further target-sum increase (>= 5 mm, additive since iUPD), any
/// further non-target or new-lesion progression (a new-lesion target sum +5 mm, or any growth of a new
/// non-target lesion, including those under 10 mm), or additional new lesions. iUPD followed by iSD/iPR/iCR resets
/// the bar. New-lesion targets (<= 5, <= 2 per organ) are summed separately.
struct IRECISTLogic {
    let p: PreparedHistory
    let standard: StandardLogic
    let policies: ResponsePolicies

    private struct Pending {
        var index: Int
        var date: CalendarDate
        var targetSum: Int64
        var targetProgressed: Bool
        var nonTargetProgressed: Bool
        var newCount: Int
        var newTargetSum: Int64
        /// New non-target lesions (measured but not new-lesion targets: under the size rule or over the cap) at
        /// iUPD, with their axis: any growth of one confirms iCPD.
        var newNonTargetAxes: [LesionID: Int64]
    }

    func apply(_ works: inout [TimepointWork]) {
        guard let params = p.definition.irecist else { return }
        var pending: Pending?
        var confirmed = false
        var known: Set<LesionID> = []
        let source = p.source("irecist", "Seymour 2017 Table 2")
        for i in works.indices {
            var w = works[i]
            w.newTargetSum = newTargetSum(at: w.timepoint.visit, params: params)
            defer {
                // Table 2 names the component categories iUPD; confirmation (iCPD) is an overall decision.
                if w.target == .progression { w.target = .unconfirmedProgression }
                if w.nonTarget == .progression { w.nonTarget = .unconfirmedProgression }
                works[i] = w
            }
            if confirmed {
                w.overall = .progression
                w.trace.append(RuleTrace(rule: "irecist.afterICPD", source: source, compared: "progression confirmed earlier", result: term(.progression)))
                continue
            }
            let fresh = w.newLesionIDs.filter { !known.contains($0) }
            guard let u = pending else {
                if w.target == .progression || w.nonTarget == .progression || !fresh.isEmpty {
                    w.overall = .unconfirmedProgression
                    pending = Pending(index: i, date: w.timepoint.date, targetSum: w.sum ?? w.partialSum,
                                      targetProgressed: w.target == .progression, nonTargetProgressed: w.nonTargetProgressed,
                                      newCount: w.newLesionIDs.count, newTargetSum: w.newTargetSum,
                                      newNonTargetAxes: newNonTargetAxes(at: w.timepoint.visit, params: params))
                    w.trace.append(RuleTrace(rule: "irecist.iUPD", source: source,
                                             compared: "RECIST 1.1 PD (target \(w.target.map(term) ?? "-"), non-target \(w.nonTarget.map(term) ?? "-"), new lesions \(fresh.map(\.rawValue))); confirm \(params.confirmationMinimumDays)-\(params.confirmationMaximumDays) d later",
                                             result: term(.unconfirmedProgression)))
                } else {
                    w.overall = standard.overallTable(target: w.target, nonTarget: w.nonTarget, newLesions: false,
                                                      newLesionsPrecludeCR: w.newLesions, trace: &w.trace)
                }
                continue
            }
            let days = w.timepoint.date.days(since: u.date)
            var reasons: [String] = []
            if let s = w.sum ?? (w.target == nil ? nil : w.partialSum),
               ExactArithmetic.absoluteMeets(change: s - u.targetSum, fractionDigits: 2, threshold: params.furtherTargetIncrease) {
                reasons.append("target sum \(p.text(s)) vs \(p.text(u.targetSum)) at iUPD: +\(p.text(s - u.targetSum)) \(params.furtherTargetIncrease.text) mm")
            }
            if !u.targetProgressed, w.target == .progression { reasons.append("targets now meet RECIST 1.1 PD") }
            if !u.nonTargetProgressed, w.nonTargetProgressed { reasons.append("non-targets now progress") }
            let additional = w.newLesionIDs.count > u.newCount
            if additional { reasons.append("new lesions \(u.newCount) -> \(w.newLesionIDs.count)") }
            if ExactArithmetic.absoluteMeets(change: w.newTargetSum - u.newTargetSum, fractionDigits: 2, threshold: params.furtherNewTargetIncrease) {
                reasons.append("new-lesion target sum +\(p.text(w.newTargetSum - u.newTargetSum)) \(params.furtherNewTargetIncrease.text) mm")
            }
            for (id, before) in u.newNonTargetAxes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard let lesion = p.newLesions.first(where: { $0.id == id }), let now = newLesionAxis(lesion, at: w.timepoint.visit),
                      now > before else { continue }
                reasons.append("new non-target \(id) grew \(p.text(before)) -> \(p.text(now)) (any increase)")
            }
            if p.newLesions.contains(where: { p.status(of: $0, at: w.timepoint.visit) == .unequivocalProgression }) {
                reasons.append("a new non-target lesion increased")
            }
            let earliest = params.confirmationMinimumDays - params.confirmationToleranceDays
            if !reasons.isEmpty, days >= earliest || additional {
                w.overall = .progression
                confirmed = true
                w.trace.append(RuleTrace(rule: "irecist.iCPD", source: source,
                                         compared: "\(days) d after iUPD at \(works[u.index].timepoint.visit) (earliest \(earliest) d): " + reasons.joined(separator: "; "),
                                         result: term(.progression)))
                continue
            }
            var scratch: [RuleTrace] = []
            let withoutNew = standard.overallTable(target: w.target, nonTarget: w.nonTarget, newLesions: false,
                                                   newLesionsPrecludeCR: w.newLesions, trace: &scratch)
            if withoutNew == .progression || (w.newLesions && policies.iRECISTStableNewLesions == .remainUnconfirmed) {
                w.overall = .unconfirmedProgression
                let why = withoutNew == .progression ? "targets/non-targets still meet PD" : "new lesions persist without growth (policy iRECISTStableNewLesions=remain-iupd)"
                let late = days > params.confirmationMaximumDays ? "; beyond the \(params.confirmationMaximumDays)-day window" : ""
                w.trace.append(RuleTrace(rule: "irecist.remainsIUPD", source: source,
                                         compared: reasons.isEmpty ? why + late : "too early (\(days) d < \(earliest) d): " + reasons.joined(separator: "; "),
                                         result: term(.unconfirmedProgression)))
            } else {
                w.overall = withoutNew
                w.trace += scratch
                known.formUnion(w.newLesionIDs)
                pending = nil
                w.trace.append(RuleTrace(rule: "irecist.reset", source: p.source("irecist", "EORTC iRECIST Q&A: iUPD followed by iSD/iPR/iCR resets the bar"),
                                         compared: "no further progression since iUPD; policy iRECISTStableNewLesions=\(policies.iRECISTStableNewLesions.rawValue)",
                                         result: term(withoutNew)))
            }
        }
    }

    private func term(_ outcome: Outcome) -> String { p.definition.categories.term(for: outcome).rawValue }

    /// The sum of measurable new lesions (RECIST 1.1 size rules), at most `maximumNewTargets` and
    /// `maximumNewTargetsPerOrgan`, in the order recorded.
    func newTargetSum(at visit: String, params: IRECISTParameters) -> Int64 {
        newTargets(at: visit, params: params).sum
    }

    /// The axis RECIST sums for a measured new lesion (nodal short axis, else long axis), if measured.
    func newLesionAxis(_ lesion: Lesion, at visit: String) -> Int64? {
        guard let m = p.measurements[visit]?[lesion.id], m.state == .measured else { return nil }
        return lesion.isNodal ? m.shortAxis?.units : m.longAxis?.units
    }

    /// Measured new lesions that are not new-lesion targets at `visit` (Seymour 2017 Table 1 NLNT: under the
    /// measurability rule, e.g. < 10 mm, or beyond the target cap), with their axis.
    func newNonTargetAxes(at visit: String, params: IRECISTParameters) -> [LesionID: Int64] {
        let targets = newTargets(at: visit, params: params).ids
        var out: [LesionID: Int64] = [:]
        for lesion in p.newLesions where !targets.contains(lesion.id) {
            if let axis = newLesionAxis(lesion, at: visit) { out[lesion.id] = axis }
        }
        return out
    }

    /// The new-lesion targets at `visit` and their sum.
    func newTargets(at visit: String, params: IRECISTParameters) -> (sum: Int64, ids: Set<LesionID>) {
        var ids: Set<LesionID> = []
        var total: Int64 = 0
        var count = 0
        var perOrgan: [String: Int] = [:]
        let rules = p.definition.baseline
        for lesion in p.newLesions {
            guard count < params.maximumNewTargets, let m = p.measurements[visit]?[lesion.id], m.state == .measured else { continue }
            let organ = lesion.isNodal ? "LYMPH NODES" : lesion.organ.uppercased()
            guard perOrgan[organ, default: 0] < params.maximumNewTargetsPerOrgan else { continue }
            let axis = lesion.isNodal ? m.shortAxis?.units : m.longAxis?.units
            let rule = lesion.isNodal ? rules.measurableNodeShortAxis : rules.measurableLongAxis
            guard let axis, rule.map({ ExactArithmetic.absoluteMeets(change: axis, fractionDigits: 2, threshold: $0) }) ?? true else { continue }
            total += axis
            count += 1
            perOrgan[organ, default: 0] += 1
            ids.insert(lesion.id)
        }
        return (total, ids)
    }
}
