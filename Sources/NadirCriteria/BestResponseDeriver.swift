public import NadirModel

/// One timepoint's overall response with its date: the input of best-overall-response derivation.
public struct TimedResponse: Hashable, Sendable, Codable {
    /// The visit label, as in `TimePoint.visit`.
    public var visit: String
    /// The scan date.
    public var date: CalendarDate
    /// The overall outcome at that visit.
    public var outcome: Outcome

    /// Makes a timed response.
    public init(visit: String, date: CalendarDate, outcome: Outcome) {
        self.visit = visit
        self.date = date
        self.outcome = outcome
    }
}

/// Best overall response with and without confirmation (RECIST 1.1 §4.4 and Table 3), parameterised as
/// admiralonco's `derive_param_bor`, `derive_param_confirmed_bor` and `derive_param_confirmed_resp`.
///
/// - Unconfirmed: the best outcome, where SD and NON-CR/NON-PD count only on or after
///   `reference + stableDiseaseMinimumDays` (otherwise NE).
/// - Confirmed: CR needs a CR at least `confirmationMinimumDays` later with only CR/NE between (at most
///   `maximumNotEvaluableBetweenConfirmations` NE); PR needs a CR/PR that late with only CR/PR/SD/NE between (at
///   most that many NE, at most one SD when `acceptStableDiseaseBetweenConfirmations`, and no PR after a CR
///   unless `completeThenPartial` is `.confirmsPartial`). Unconfirmed CR/PR count as SD when late enough.
public enum BestResponseDeriver {
    /// Derives BOR from timepoint outcomes. `progressionDate`, when given, drops assessments after it (an
    /// external PD date, admiralonco `source_pd`); `policies.stopAtFirstProgression` does the same at the first
    /// PD among `responses`.
    ///
    /// `hasTargetDisease` false (non-target disease only, RECIST 1.1 Table 2) makes an unconfirmed CR count as
    /// NON-CR/NON-PD rather than SD.
    public static func derive(_ responses: [TimedResponse], reference: CalendarDate, policies: ResponsePolicies,
                              vocabulary: CategoryVocabulary, progressionDate: CalendarDate? = nil,
                              hasTargetDisease: Bool = true) -> BestOverallResponse {
        var trace: [RuleTrace] = []
        var sorted = responses.sorted { $0.date < $1.date }
        var cutoff = progressionDate
        if policies.stopAtFirstProgression, let firstPD = firstProgression(in: sorted, policies: policies, trace: &trace) {
            cutoff = min(cutoff ?? firstPD.date, firstPD.date)
        }
        if let cutoff {
            let before = sorted.count
            sorted = sorted.filter { $0.date <= cutoff }
            trace.append(RuleTrace(rule: "bor.cutoff", source: "RECIST 1.1 §4.4; policy stopAtFirstProgression",
                                   compared: "assessments after \(cutoff) dropped", result: "\(before - sorted.count) dropped"))
        }
        guard !sorted.isEmpty else {
            let none: ResponseCategory = policies.missingAsNotEvaluable ? .notEvaluable : "MISSING"
            trace.append(RuleTrace(rule: "bor.missing", source: "admiralonco missing_as_ne",
                                   compared: "no assessment", result: none.rawValue))
            return BestOverallResponse(unconfirmed: none, unconfirmedVisit: nil, confirmed: none, confirmedVisits: [],
                                       isConfirmedResponse: false, trace: trace)
        }
        let earliestSD = reference.adding(days: policies.stableDiseaseMinimumDays)
        func lateEnough(_ r: TimedResponse) -> Bool { r.date >= earliestSD }

        // Unconfirmed.
        var best: (Outcome, String)?
        for response in sorted {
            var outcome = response.outcome
            if outcome == .stable || outcome == .nonCRNonPD, !lateEnough(response) { outcome = .notEvaluable }
            if best == nil || outcome < best!.0 { best = (outcome, response.visit) }
        }
        let unconfirmed = best ?? (.notEvaluable, "")
        trace.append(RuleTrace(rule: "bor.unconfirmed", source: "RECIST 1.1 §4.4; policy stableDiseaseMinimumDays",
                               compared: "SD counts from \(earliestSD) (reference \(reference) + \(policies.stableDiseaseMinimumDays) d)",
                               result: vocabulary.term(for: unconfirmed.0).rawValue))

        // Confirmed.
        var confirmedCR: (Int, Int)?
        var confirmedPR: (Int, Int)?
        for (i, first) in sorted.enumerated() where first.outcome == .complete || first.outcome == .partial {
            if first.outcome == .complete, confirmedCR == nil, let j = confirmation(of: i, in: sorted, policies: policies, complete: true) {
                confirmedCR = (i, j)
            }
            if first.outcome == .partial, confirmedPR == nil, let j = confirmation(of: i, in: sorted, policies: policies, complete: false) {
                confirmedPR = (i, j)
            }
        }
        let confirmedOutcome: Outcome
        var visits: [String] = []
        if let (i, j) = confirmedCR {
            confirmedOutcome = .complete
            visits = [sorted[i].visit, sorted[j].visit]
        } else if let (i, j) = confirmedPR {
            confirmedOutcome = .partial
            visits = [sorted[i].visit, sorted[j].visit]
        } else {
            var fallback: Outcome?
            for response in sorted {
                var outcome = response.outcome
                switch outcome {
                case .complete where !hasTargetDisease: outcome = lateEnough(response) ? .nonCRNonPD : .notEvaluable
                case .complete, .partial, .stable: outcome = lateEnough(response) ? .stable : .notEvaluable
                case .nonCRNonPD: outcome = lateEnough(response) ? .nonCRNonPD : .notEvaluable
                default: break
                }
                if fallback == nil || outcome < fallback! { fallback = outcome }
            }
            confirmedOutcome = fallback ?? .notEvaluable
        }
        trace.append(RuleTrace(rule: "bor.confirmed",
                               source: "RECIST 1.1 Table 3; policies confirmationMinimumDays, maximumNotEvaluableBetweenConfirmations, acceptStableDiseaseBetweenConfirmations, completeThenPartial",
                               compared: visits.isEmpty ? "no CR/PR confirmed >= \(policies.confirmationMinimumDays) d later"
                                   : "\(visits[0]) confirmed by \(visits[1]) (>= \(policies.confirmationMinimumDays) d)",
                               result: vocabulary.term(for: confirmedOutcome).rawValue))
        return BestOverallResponse(unconfirmed: vocabulary.term(for: unconfirmed.0), unconfirmedVisit: unconfirmed.1,
                                   confirmed: vocabulary.term(for: confirmedOutcome), confirmedVisits: visits,
                                   isConfirmedResponse: confirmedCR != nil || confirmedPR != nil, trace: trace)
    }

    /// The first PD that ends the search: the first PD, or with `progressionNeedsConfirmation` the first PD whose
    /// next assessment at least `confirmationMinimumDays` later is PD again, with only PD or NE between (irRC:
    /// "confirmed by a repeat, consecutive assessment no less than 4 wk from the date first documented").
    static func firstProgression(in sorted: [TimedResponse], policies: ResponsePolicies,
                                 trace: inout [RuleTrace]) -> TimedResponse? {
        guard policies.progressionNeedsConfirmation else { return sorted.first { $0.outcome == .progression } }
        for (i, first) in sorted.enumerated() where first.outcome == .progression {
            var confirmedBy: TimedResponse?
            for later in sorted[(i + 1)...] {
                if later.outcome == .notEvaluable { continue }
                if later.outcome != .progression { break }
                if later.date.days(since: first.date) >= policies.confirmationMinimumDays {
                    confirmedBy = later
                    break
                }
            }
            let source = "Wolchok 2009 Table 2 (irPD confirmed >= 4 wk later); policy progressionNeedsConfirmation"
            if let confirmedBy {
                trace.append(RuleTrace(rule: "bor.progressionConfirmed", source: source,
                                       compared: "PD at \(first.visit) confirmed by \(confirmedBy.visit) (>= \(policies.confirmationMinimumDays) d)",
                                       result: "ends the search"))
                return first
            }
            trace.append(RuleTrace(rule: "bor.progressionUnconfirmed", source: source,
                                   compared: "PD at \(first.visit) not confirmed by a PD >= \(policies.confirmationMinimumDays) d later",
                                   result: "search continues"))
        }
        return nil
    }

    /// The index of the assessment confirming the CR/PR at `i`, if any.
    static func confirmation(of i: Int, in responses: [TimedResponse], policies: ResponsePolicies, complete: Bool) -> Int? {
        var notEvaluable = 0
        var stable = 0
        var seenComplete = false
        var j = i + 1
        while j < responses.count {
            let candidate = responses[j]
            let enoughDays = candidate.date.days(since: responses[i].date) >= policies.confirmationMinimumDays
            switch candidate.outcome {
            case .complete:
                if enoughDays { return j }
                seenComplete = true
            case .partial:
                if complete { return nil }
                if seenComplete, policies.completeThenPartial == .breaksConfirmation { return nil }
                if enoughDays { return j }
            case .notEvaluable:
                notEvaluable += 1
                if notEvaluable > policies.maximumNotEvaluableBetweenConfirmations { return nil }
            case .stable:
                if complete { return nil }
                stable += 1
                if !policies.acceptStableDiseaseBetweenConfirmations || stable > 1 { return nil }
            default:
                return nil
            }
            j += 1
        }
        return nil
    }
}
