internal import NadirModel

/// The sum-based per-timepoint logic shared by every criterion (RECIST 1.1 §4.3 and its analogues): sums,
/// nadir, target response, then non-target, new lesions and the overall tables (`StandardLogic+Overall`).
struct StandardLogic {
    let p: PreparedHistory
    /// Policy `continuedPartialResponse == .keepPartialResponse`.
    let keepPartialResponse: Bool
    /// Policy `progressionScope`.
    var progressionScope: ProgressionScope = .sum
    var definition: CriteriaDefinition { p.definition }
    var kind: MeasureKind { p.definition.measure }

    /// Evaluates every follow-up timepoint in date order.
    func evaluate() -> (baselineSum: Int64?, works: [TimepointWork]) {
        guard let baseline = p.baseline else { return (nil, []) }
        let baselineReadings = Dictionary(uniqueKeysWithValues: p.targets.map { ($0.id, p.reading(of: $0, at: baseline.visit)) })
        let baselineSum = sum(of: baselineReadings)
        var nadir = baselineSum.complete
        var lesionNadirs = baselineReadings
        var works: [TimepointWork] = []
        var previousOverall: Outcome?
        var hadPartial = false
        for timepoint in p.followUps {
            var work = TimepointWork(timepoint: timepoint)
            work.baselineSum = baselineSum.complete
            work.nadirSum = nadir
            for lesion in p.targets { work.readings[lesion.id] = p.reading(of: lesion, at: timepoint.visit) }
            let sums = sum(of: work.readings)
            work.partialSum = sums.partial + newLesionBurden(at: timepoint)
            work.sum = sums.complete.map { $0 + newLesionBurden(at: timepoint) }
            if !p.targets.isEmpty {
                work.target = targetOutcome(&work, lesionNadirs: lesionNadirs, previousOverall: previousOverall,
                                            hadPartial: hadPartial)
            }
            assessNonTargetsAndNewLesions(&work, previousOverall: previousOverall)
            work.overall = overall(&work)
            if work.target == .partial || work.target == .complete { hadPartial = true }
            if work.overall == .progression { hadPartial = false }
            previousOverall = work.overall
            if let complete = work.sum { nadir = min(nadir ?? complete, complete) }
            for (id, reading) in work.readings {
                if let u = reading.units, u < (lesionNadirs[id]?.units ?? Int64.max) { lesionNadirs[id] = reading }
            }
            works.append(work)
        }
        return (baselineSum.complete, works)
    }

    /// Complete and partial sums (for SULpeak: the maximum, PERCIST's single hottest lesion).
    func sum(of readings: [LesionID: LesionReading]) -> (complete: Int64?, partial: Int64) {
        var total: Int64 = 0
        var complete = true
        for lesion in p.targets {
            guard let units = readings[lesion.id]?.units else {
                complete = false
                continue
            }
            total = kind == .sulPeak ? max(total, units) : total + units
        }
        return (complete ? total : nil, total)
    }

    /// Measured new lesions added to the burden (irRC), else 0.
    func newLesionBurden(at timepoint: TimePoint) -> Int64 {
        guard definition.newLesions.addMeasurableToSum else { return 0 }
        var total: Int64 = 0
        for lesion in p.newLesions {
            if let m = p.measurements[timepoint.visit]?[lesion.id], m.state == .measured,
               let u = p.value(of: m, nodal: lesion.isNodal).units {
                total += u
            }
        }
        return total
    }

    /// Target response (RECIST 1.1 §4.3.1, and the NE rule of §4.3.5 / Appendix: missing lesions can only add).
    func targetOutcome(_ work: inout TimepointWork, lesionNadirs: [LesionID: LesionReading],
                       previousOverall: Outcome?, hadPartial: Bool) -> Outcome {
        let rules = definition.response
        guard work.baselineSum != nil else {
            work.trace.append(RuleTrace(rule: "target.notEvaluable", source: p.source("baseline", definition.baseline.source),
                                        compared: "the baseline sum is incomplete (a target has no baseline value)", result: "NE"))
            return .notEvaluable
        }
        let progressionReference = rules.progression.reference == .nadir ? work.nadirSum : work.baselineSum
        let lesionIncrease = largestLesionIncrease(work.readings, lesionNadirs: lesionNadirs)
        guard let current = work.sum else {
            let missing = work.readings.filter { $0.value.units == nil }.map(\.key.rawValue).sorted()
            if let reference = progressionReference,
               progression(current: work.partialSum, reference: reference, lesionIncrease: lesionIncrease, work: &work,
                           note: "measured lesions only (\(missing.joined(separator: ", ")) not evaluable)") {
                return .progression
            }
            work.trace.append(RuleTrace(rule: "target.notEvaluable", source: p.source("(engine)", "RECIST 1.1 §4.3.5: a target not assessed gives NE unless the rest proves PD"),
                                        compared: "not evaluable: \(missing.joined(separator: ", "))", result: "NE"))
            return .notEvaluable
        }
        if p.definition.logic == .luganoPETPrecedence {
            if LuganoLogic(p: p).lesionProgression(&work, lesionNadirs: lesionNadirs) { return .progression }
        } else if progressionScope == .anyLesion {
            if anyLesionProgression(&work, lesionNadirs: lesionNadirs) { return .progression }
        } else if let reference = progressionReference,
                  progression(current: current, reference: reference, lesionIncrease: lesionIncrease, work: &work, note: nil) {
            return .progression
        }
        if isComplete(&work) { return .complete }
        if rules.progression.reappearanceAfterCompleteResponse, previousOverall == .complete, reappeared(work) {
            work.trace.append(RuleTrace(rule: "target.reappearance", source: p.source("response.progression.reappearanceAfterCompleteResponse", "RECIST Working Group Q&A; RECIST 1.1 Table 3 note a"),
                                        compared: "a target reappeared after an overall CR", result: "PD"))
            return .progression
        }
        if let baseline = work.baselineSum {
            let decrease = baseline - current
            let rule = rules.partial
            let percentOK = ExactArithmetic.percentMeets(change: decrease, reference: baseline, threshold: rule.decreaseFromBaselinePercent)
            let absoluteOK = rule.absoluteDecrease.map {
                ExactArithmetic.absoluteMeets(change: decrease, fractionDigits: kind.fractionDigits, threshold: $0)
            } ?? true
            var compared = "\(p.text(current)) vs baseline \(p.text(baseline)): \(p.percentText(-decrease, of: baseline)); decrease \(rule.decreaseFromBaselinePercent.text) %"
            if let absolute = rule.absoluteDecrease { compared += " and decrease \(absolute.text) \(kind.unit)" }
            work.trace.append(RuleTrace(rule: "target.partial", source: p.source("response.partial", rule.decreaseFromBaselinePercent.source),
                                        compared: compared, result: percentOK && absoluteOK ? "met" : "not met"))
            if percentOK && absoluteOK { return .partial }
        }
        if hadPartial, keepPartialResponse {
            // EORTC Q&A: once PR is assigned it stays PR while PD is not met (policy continuedPartialResponse).
            work.trace.append(RuleTrace(rule: "target.continuedPartialResponse", source: "policy continuedPartialResponse=keep-pr (EORTC RECIST Working Group Q&A)",
                                        compared: "PR assigned earlier, PD not met", result: "PR"))
            return .partial
        }
        return .stable
    }


    /// Whether `current` meets progression against `reference` (percent, then the absolute rule).
    func progression(current: Int64, reference: Int64, lesionIncrease: Int64?, work: inout TimepointWork,
                     note: String?) -> Bool {
        let rule = definition.response.progression
        let increase = current - reference
        let percentOK = reference > 0
            ? ExactArithmetic.percentMeets(change: increase, reference: reference, threshold: rule.increasePercent)
            : increase > 0
        var absoluteOK = true
        var compared = "\(p.text(current)) vs \(rule.reference.rawValue) \(p.text(reference)): \(increase >= 0 ? "+" : "")\(p.text(increase)) (\(reference > 0 ? p.percentText(increase, of: reference) : "from 0")); increase \(rule.increasePercent.text) %"
        if let absolute = rule.absoluteIncrease {
            if rule.absoluteIncreaseScope == .anyLesion {
                absoluteOK = lesionIncrease.map { ExactArithmetic.absoluteMeets(change: $0, fractionDigits: kind.fractionDigits, threshold: absolute) } ?? false
                compared += " and one lesion +\(lesionIncrease.map(p.text) ?? "n/a") \(absolute.text) \(kind.unit)"
            } else {
                absoluteOK = ExactArithmetic.absoluteMeets(change: increase, fractionDigits: kind.fractionDigits, threshold: absolute)
                compared += " and \(absolute.text) \(kind.unit)"
            }
        }
        if let note { compared += " [\(note)]" }
        let met = percentOK && absoluteOK
        work.trace.append(RuleTrace(rule: "target.progression", source: p.source("response.progression", rule.increasePercent.source),
                                    compared: compared, result: met ? "PD" : "not met"))
        return met
    }

    /// WHO as Miller 1981 words it: ">= 25 % increase in the size of one or more measurable lesions", each target
    /// against its own smallest value on study (a lesion back from 0 has grown by any amount).
    func anyLesionProgression(_ work: inout TimepointWork, lesionNadirs: [LesionID: LesionReading]) -> Bool {
        let rule = definition.response.progression
        for lesion in p.targets {
            guard let now = work.readings[lesion.id]?.units, let nadir = lesionNadirs[lesion.id]?.units else { continue }
            let increase = now - nadir
            let met = nadir > 0
                ? ExactArithmetic.percentMeets(change: increase, reference: nadir, threshold: rule.increasePercent)
                : increase > 0
            if met {
                work.trace.append(RuleTrace(
                    rule: "target.progression", source: p.source("response.progression (policy progressionScope=any-lesion)", rule.increasePercent.source),
                    compared: "\(lesion.id) \(p.text(now)) vs its nadir \(p.text(nadir)) (\(nadir > 0 ? p.percentText(increase, of: nadir) : "from 0")); increase \(rule.increasePercent.text) % in one lesion",
                    result: "PD"))
                return true
            }
        }
        work.trace.append(RuleTrace(rule: "target.progression", source: p.source("response.progression (policy progressionScope=any-lesion)", rule.increasePercent.source),
                                    compared: "no target grew \(rule.increasePercent.text) % from its own nadir", result: "not met"))
        return false
    }

    /// The largest increase of one target from its own smallest value (RANO-BM "one lesion +5 mm").
    func largestLesionIncrease(_ readings: [LesionID: LesionReading], lesionNadirs: [LesionID: LesionReading]) -> Int64? {
        var largest: Int64?
        for (id, reading) in readings {
            guard let now = reading.units, let before = lesionNadirs[id]?.units else { continue }
            largest = max(largest ?? (now - before), now - before)
        }
        return largest
    }

    /// Target CR: every non-nodal target gone and no target node pathological (RECIST 1.1 §4.3.1); PERCIST CMR:
    /// hottest lesion gone or at most the liver mean.
    func isComplete(_ work: inout TimepointWork) -> Bool {
        let rule = definition.response.complete
        if kind == .sulPeak {
            let hottest = work.sum ?? 0
            if hottest == 0 { return true }
            if let liver = p.history.pet.first(where: { $0.visit == work.timepoint.visit })?.liverMeanSUL, hottest <= liver.units {
                work.trace.append(RuleTrace(rule: "target.complete", source: p.source("response.complete", rule.source),
                                            compared: "SULpeak \(p.text(hottest)) <= liver mean \(DecimalText.format(liver.units, fractionDigits: 3))", result: "CR"))
                return true
            }
            return false
        }
        var remaining: [String] = []
        for lesion in p.targets {
            guard let reading = work.readings[lesion.id], let units = reading.units else { return false }
            if lesion.isNodal, rule.nodePathologicalShortAxis != nil || rule.nodePathologicalLongAxis != nil {
                let short = reading.shortAxis ?? units
                let long = reading.longAxis ?? units
                if let t = rule.nodePathologicalShortAxis, ExactArithmetic.absoluteMeets(change: short, fractionDigits: 2, threshold: t) {
                    remaining.append("\(lesion.id) SA \(DecimalText.format(short, fractionDigits: 2)) mm \(t.text)")
                } else if let t = rule.nodePathologicalLongAxis, ExactArithmetic.absoluteMeets(change: long, fractionDigits: 2, threshold: t) {
                    remaining.append("\(lesion.id) LDi \(DecimalText.format(long, fractionDigits: 2)) mm \(t.text)")
                }
            } else if units != 0 {
                remaining.append("\(lesion.id) present")
            }
        }
        let met = remaining.isEmpty
        work.trace.append(RuleTrace(rule: "target.complete", source: p.source("response.complete", rule.source),
                                    compared: met ? "all non-nodal targets 0, no pathological node" : remaining.joined(separator: "; "),
                                    result: met ? "CR" : "not met"))
        return met
    }

    /// Whether any target reappeared (a non-nodal target > 0, or a node pathological again) after CR.
    func reappeared(_ work: TimepointWork) -> Bool {
        let rule = definition.response.complete
        for lesion in p.targets {
            guard let reading = work.readings[lesion.id], let units = reading.units else { continue }
            if lesion.isNodal, rule.nodePathologicalShortAxis != nil || rule.nodePathologicalLongAxis != nil {
                if let t = rule.nodePathologicalShortAxis,
                   ExactArithmetic.absoluteMeets(change: reading.shortAxis ?? units, fractionDigits: 2, threshold: t) { return true }
                if let t = rule.nodePathologicalLongAxis,
                   ExactArithmetic.absoluteMeets(change: reading.longAxis ?? units, fractionDigits: 2, threshold: t) { return true }
            } else if units > 0 {
                return true
            }
        }
        return false
    }
}
