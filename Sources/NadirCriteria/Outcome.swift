public import NadirModel

/// The criterion-independent meaning of a response category, which the engine computes with; each criteria
/// file's `categories:` section names the CDISC term it is reported as ("PR", "iPR", "PMR", ...).
///
/// The order of the cases is the best-overall-response order of admiralonco (`derive_param_bor`):
/// CR > PR > SD > NON-CR/NON-PD > PD > NE > ND, with iRECIST's iUPD (and PCWG3's PDu) ranked just above the
/// confirmed progression (iRECIST §"iBOR": iCR > iPR > iSD > iUPD > iCPD > NE).
public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Complete response.
    case complete
    /// Partial response.
    case partial
    /// Stable disease.
    case stable
    /// Non-CR/non-PD (non-target disease only, RECIST 1.1 Table 2).
    case nonCRNonPD
    /// Progression awaiting confirmation (iRECIST iUPD, PCWG3 PDu, RANO preliminary PD).
    case unconfirmedProgression
    /// Progressive disease (confirmed where the criterion requires confirmation: iRECIST iCPD).
    case progression
    /// Not evaluable.
    case notEvaluable
    /// Not done (admiralonco "ND").
    case notDone

    /// Rank for "best": lower is better.
    var rank: Int { Outcome.allCases.firstIndex(of: self) ?? Outcome.allCases.count }

    /// "Better" first, in best-overall-response order.
    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rank < rhs.rank }
}

/// The CDISC terms a criterion reports its outcomes as (RS `RSORRES`): RECIST 1.1 "CR", iRECIST "iCR",
/// PERCIST "CMR", ...
public struct CategoryVocabulary: Hashable, Sendable, Codable {
    /// Term for complete response ("CR", "iCR", "CMR").
    public var complete: ResponseCategory
    /// Term for partial response ("PR", "iPR", "PMR").
    public var partial: ResponseCategory
    /// Term for stable disease ("SD", "iSD", "SMD").
    public var stable: ResponseCategory
    /// Term for non-CR/non-PD ("NON-CR/NON-PD", "NON-iCR/NON-iUPD").
    public var nonCRNonPD: ResponseCategory
    /// Term for progression awaiting confirmation ("iUPD", "PDu", "PPD"), if the criterion has one.
    public var unconfirmedProgression: ResponseCategory?
    /// Term for (confirmed) progression ("PD", "iCPD", "PMD").
    public var progression: ResponseCategory
    /// Term for not evaluable ("NE").
    public var notEvaluable: ResponseCategory

    /// Makes a vocabulary.
    public init(complete: ResponseCategory, partial: ResponseCategory, stable: ResponseCategory,
                nonCRNonPD: ResponseCategory, unconfirmedProgression: ResponseCategory? = nil,
                progression: ResponseCategory, notEvaluable: ResponseCategory) {
        self.complete = complete
        self.partial = partial
        self.stable = stable
        self.nonCRNonPD = nonCRNonPD
        self.unconfirmedProgression = unconfirmedProgression
        self.progression = progression
        self.notEvaluable = notEvaluable
    }

    /// RECIST 1.1 terms (CDISC RS codelist): CR, PR, SD, NON-CR/NON-PD, PD, NE.
    public static let recist = CategoryVocabulary(
        complete: .completeResponse, partial: .partialResponse, stable: .stableDisease, nonCRNonPD: .nonCRNonPD,
        progression: .progressiveDisease, notEvaluable: .notEvaluable)

    /// The term for an outcome.
    public func term(for outcome: Outcome) -> ResponseCategory {
        switch outcome {
        case .complete: complete
        case .partial: partial
        case .stable: stable
        case .nonCRNonPD: nonCRNonPD
        case .unconfirmedProgression: unconfirmedProgression ?? progression
        case .progression: progression
        case .notEvaluable: notEvaluable
        case .notDone: "ND"
        }
    }

    /// The outcome a term stands for, or `nil` for a term this vocabulary does not use. "ND" is not done.
    public func outcome(for term: ResponseCategory) -> Outcome? {
        if term == "ND" { return .notDone }
        if term == progression { return .progression }
        if let unconfirmedProgression, term == unconfirmedProgression { return .unconfirmedProgression }
        let plain: [Outcome] = [.complete, .partial, .stable, .nonCRNonPD, .notEvaluable]
        return plain.first { self.term(for: $0) == term }
    }
}
