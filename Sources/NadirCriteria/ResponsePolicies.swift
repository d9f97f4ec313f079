/// The named choices where sources differ, recorded in every assessment so it can be reproduced.
///
/// Each default is cited; `ResponsePolicies(for:)` takes the intervals from the criteria file.
public struct ResponsePolicies: Hashable, Sendable, Codable {
    /// Minimum days between a CR/PR and the assessment confirming it (RECIST 1.1 §4.4: >= 4 weeks; admiralonco
    /// `ref_confirm`).
    public var confirmationMinimumDays: Int
    /// NE assessments allowed between a response and its confirmation (admiralonco `max_nr_ne`, default 1).
    public var maximumNotEvaluableBetweenConfirmations: Int
    /// Whether one SD between a PR and its confirmation is accepted (admiralonco `accept_sd`, default false).
    public var acceptStableDiseaseBetweenConfirmations: Bool
    /// Minimum days from the reference date for SD / NON-CR/NON-PD to count in BOR (RECIST 1.1 §4.4 "6-8
    /// weeks"; admiralonco `ref_start_window`, vignette 42).
    public var stableDiseaseMinimumDays: Int
    /// What a timepoint after a confirmed PR is when it no longer meets PR (and not PD).
    public var continuedPartialResponse: ContinuedPartialResponse
    /// Whether a PR after a CR can confirm a response.
    public var completeThenPartial: CompleteThenPartial
    /// iRECIST: what stable new lesions after iUPD mean (EORTC iRECIST Q&A allows both).
    public var iRECISTStableNewLesions: IRECISTStableNewLesions
    /// Whether assessments after the first PD are ignored for BOR (RECIST 1.1 §4.4; admiralonco `source_pd`).
    public var stopAtFirstProgression: Bool
    /// Whether a patient without any assessment has BOR NE rather than MISSING (admiralonco `missing_as_ne`).
    public var missingAsNotEvaluable: Bool
    /// Whether a PD ends the best-response search only once a later assessment at least
    /// `confirmationMinimumDays` later confirms it (irRC: Wolchok 2009 Table 2; criteria file
    /// `confirmation.confirmProgression`). Default false (RECIST 1.1 §4.4).
    public var progressionNeedsConfirmation: Bool = false
    /// What the progression percentage applies to: the sum, or any one lesion (WHO; criteria file
    /// `response.progression.increaseScope`, default sum).
    public var progressionScope: ProgressionScope = .sum

    /// Makes a policy set; every default is the cited default above.
    public init(confirmationMinimumDays: Int = 28, maximumNotEvaluableBetweenConfirmations: Int = 1,
                acceptStableDiseaseBetweenConfirmations: Bool = false, stableDiseaseMinimumDays: Int = 42,
                continuedPartialResponse: ContinuedPartialResponse = .keepPartialResponse,
                completeThenPartial: CompleteThenPartial = .breaksConfirmation,
                iRECISTStableNewLesions: IRECISTStableNewLesions = .remainUnconfirmed,
                stopAtFirstProgression: Bool = true, missingAsNotEvaluable: Bool = false) {
        self.confirmationMinimumDays = confirmationMinimumDays
        self.maximumNotEvaluableBetweenConfirmations = maximumNotEvaluableBetweenConfirmations
        self.acceptStableDiseaseBetweenConfirmations = acceptStableDiseaseBetweenConfirmations
        self.stableDiseaseMinimumDays = stableDiseaseMinimumDays
        self.continuedPartialResponse = continuedPartialResponse
        self.completeThenPartial = completeThenPartial
        self.iRECISTStableNewLesions = iRECISTStableNewLesions
        self.stopAtFirstProgression = stopAtFirstProgression
        self.missingAsNotEvaluable = missingAsNotEvaluable
    }

    /// The defaults, with the intervals the criteria file gives.
    public init(for definition: CriteriaDefinition) {
        self.init(confirmationMinimumDays: definition.confirmation.intervalDays,
                  stableDiseaseMinimumDays: definition.confirmation.stableDiseaseMinimumDays)
        progressionNeedsConfirmation = definition.confirmation.confirmProgression ?? false
        progressionScope = definition.response.progression.increaseScope ?? .sum
    }

    /// The policies as name -> value text (for `ReaderAssessment.policies` and reports).
    public var recorded: [String: String] {
        [
            "confirmationMinimumDays": String(confirmationMinimumDays),
            "maximumNotEvaluableBetweenConfirmations": String(maximumNotEvaluableBetweenConfirmations),
            "acceptStableDiseaseBetweenConfirmations": String(acceptStableDiseaseBetweenConfirmations),
            "stableDiseaseMinimumDays": String(stableDiseaseMinimumDays),
            "continuedPartialResponse": continuedPartialResponse.rawValue,
            "completeThenPartial": completeThenPartial.rawValue,
            "iRECISTStableNewLesions": iRECISTStableNewLesions.rawValue,
            "stopAtFirstProgression": String(stopAtFirstProgression),
            "missingAsNotEvaluable": String(missingAsNotEvaluable),
            "progressionNeedsConfirmation": String(progressionNeedsConfirmation),
            "progressionScope": progressionScope.rawValue,
        ]
    }
}

/// After a PR, a timepoint that no longer meets PR (but is not PD).
public enum ContinuedPartialResponse: String, Hashable, Sendable, Codable {
    /// Stays PR (EORTC RECIST Working Group Q&A: "once a PR has been assigned ... the best response is always
    /// PR ... providing that the criteria for PD are not met"; pyrecist). Default.
    case keepPartialResponse = "keep-pr"
    /// Each timepoint on its own change from baseline (a strict reading: 100 -> 70 -> 80 gives PR, SD).
    case perTimepoint = "per-timepoint"
}

/// Whether a PR following a CR confirms a response.
public enum CompleteThenPartial: String, Hashable, Sendable, Codable {
    /// A PR after a CR does not confirm (RECIST 1.1 Table 3 note a: a true CR followed by disease is PD;
    /// admiralonco: PR after CR breaks confirmation). Default.
    case breaksConfirmation = "breaks-confirmation"
    /// The doubtful CR is read as PR, so PR, CR, PR confirms PR (RECIST 1.1 Table 3 note a, second reading).
    case confirmsPartial = "confirms-partial"
}

/// iRECIST: stable new lesions after iUPD (EORTC iRECIST Q&A "How do new lesions define progression").
public enum IRECISTStableNewLesions: String, Hashable, Sendable, Codable {
    /// The timepoint remains iUPD until the new lesions grow (iCPD) or resolve (Seymour 2017 Table 2). Default.
    case remainUnconfirmed = "remain-iupd"
    /// Score by targets and non-targets (iSD/iPR) and reset the bar.
    case resetByTargets = "reset-by-targets"
}
