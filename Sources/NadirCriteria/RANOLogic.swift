internal import NadirModel

/// RANO 2.0 (Wen 2023): progression within the post-radiotherapy window (12 weeks), or always when the file
/// says so, is preliminary until the next assessment also shows progression; unconfirmed, it stays
/// preliminary (possible pseudoprogression). CR/PR confirmation is the confirmed best overall response.
struct RANOLogic {
    let p: PreparedHistory

    func apply(_ works: inout [TimepointWork]) {
        guard let params = p.definition.rano else { return }
        var confirmedBy: Set<Int> = []
        for i in works.indices where works[i].overall == .progression && !confirmedBy.contains(i) {
            let date = works[i].timepoint.date
            let daysAfterRT = p.history.radiotherapyEnd.map { date.days(since: $0) }
            let inWindow = daysAfterRT.map { $0 <= params.progressionConfirmationWindowDays } ?? false
            guard params.confirmAllProgression || inWindow else {
                // Claim only what was checked: without a radiotherapy end date the window was not evaluated.
                let compared = daysAfterRT.map {
                    "\($0) d after the end of radiotherapy (\(p.history.radiotherapyEnd.map(\.iso8601) ?? "")): outside the \(params.progressionConfirmationWindowDays)-day window"
                } ?? "no radiotherapy end date recorded: the \(params.progressionConfirmationWindowDays)-day post-radiotherapy window was not checked"
                works[i].trace.append(RuleTrace(rule: "rano.progression", source: p.source("rano", "Wen 2023"),
                                                compared: compared, result: "PD confirmed"))
                continue
            }
            let term = p.definition.categories
            if i + 1 < works.count {
                let next = works[i + 1]
                if next.overall == .progression {
                    confirmedBy.insert(i + 1)
                    works[i].trace.append(RuleTrace(rule: "rano.confirmation", source: p.source("rano", "Wen 2023"),
                                                    compared: "preliminary PD confirmed at \(next.timepoint.visit)", result: term.term(for: .progression).rawValue))
                    works[i + 1].trace.append(RuleTrace(rule: "rano.confirmation", source: p.source("rano", "Wen 2023"),
                                                        compared: "confirms the preliminary PD of \(works[i].timepoint.visit)", result: term.term(for: .progression).rawValue))
                    continue
                }
                works[i].overall = .unconfirmedProgression
                works[i].trace.append(RuleTrace(rule: "rano.confirmation", source: p.source("rano", "Wen 2023"),
                                                compared: "not confirmed at \(next.timepoint.visit) (\(term.term(for: next.overall))): possible pseudoprogression",
                                                result: term.term(for: .unconfirmedProgression).rawValue))
            } else {
                works[i].overall = .unconfirmedProgression
                works[i].trace.append(RuleTrace(rule: "rano.confirmation", source: p.source("rano", "Wen 2023"),
                                                compared: "preliminary: awaiting the confirmation scan", result: term.term(for: .unconfirmedProgression).rawValue))
            }
        }
    }
}
