/// Target-response thresholds (RECIST 1.1 §4.3.1 and analogues).
public struct ResponseRules: Hashable, Sendable, Codable {
    /// Complete response (RECIST 1.1 §4.3.1 CR).
    public var complete: CompleteResponseRule
    /// Partial response (RECIST 1.1 §4.3.1 PR).
    public var partial: PartialResponseRule
    /// Progression (RECIST 1.1 §4.3.1 PD).
    public var progression: ProgressionRule
}

/// Complete response of the targets: every non-nodal target absent, and no target node pathological.
public struct CompleteResponseRule: Hashable, Sendable, Codable {
    /// A target node whose short axis meets this is still pathological (RECIST: >= 10 mm), preventing CR.
    public var nodePathologicalShortAxis: Threshold?
    /// A target node whose long axis meets this is still pathological (Lugano CT: > 15 mm).
    public var nodePathologicalLongAxis: Threshold?
    /// The source and table these rules come from.
    public var source: String
}

/// Partial response: decrease of the sum from baseline.
public struct PartialResponseRule: Hashable, Sendable, Codable {
    /// The decrease from baseline, in percent of baseline (RECIST: >= 30).
    public var decreaseFromBaselinePercent: Threshold
    /// An additional absolute decrease, in the measure's unit (PERCIST: >= 0.8 SUL).
    public var absoluteDecrease: Threshold?
}

/// What a progression threshold is measured against.
public enum ProgressionReference: String, Hashable, Sendable, Codable {
    /// The smallest sum on study, baseline included (RECIST 1.1).
    case nadir
    /// The baseline sum (PERCIST PMD).
    case baseline
}

/// Whether an absolute-increase rule applies to the sum or to a single lesion.
public enum AbsoluteIncreaseScope: String, Hashable, Sendable, Codable {
    /// The sum must grow by the amount (RECIST: 5 mm).
    case sum
    /// At least one lesion must grow by the amount (RANO-BM: one lesion +5 mm).
    case anyLesion = "any-lesion"
}

/// Progression of the targets.
public struct ProgressionRule: Hashable, Sendable, Codable {
    /// The increase, in percent of the reference (RECIST: >= 20 % of the nadir).
    public var increasePercent: Threshold
    /// The reference: nadir (RECIST) or baseline (PERCIST).
    public var reference: ProgressionReference
    /// An additional absolute increase in the measure's unit (RECIST: >= 5 mm).
    public var absoluteIncrease: Threshold?
    /// Whether the absolute increase applies to the sum or to any one lesion.
    public var absoluteIncreaseScope: AbsoluteIncreaseScope?
    /// Whether any reappearance after an overall CR is progression (RECIST Working Group Q&A; Table 3 note).
    public var reappearanceAfterCompleteResponse: Bool
    /// What the percent increase applies to: the sum (default when absent) or any one lesion from its own nadir
    /// (WHO, Miller 1981: ">= 25 % increase in the size of one or more measurable lesions"). The default the
    /// file gives can be overridden per protocol by `ResponsePolicies.progressionScope`.
    public var increaseScope: ProgressionScope?
    /// Whether unequivocal progression of non-target (non-index) lesions is progression (default when absent:
    /// true, RECIST 1.1 §4.3.2). irRC: false, non-index lesions only preclude irCR (Wolchok 2009 Table 2).
    public var nonTargetProgression: Bool?
}

/// What a progression percentage is measured on.
public enum ProgressionScope: String, Hashable, Sendable, Codable {
    /// The sum (of diameters, products or volumes) against its reference (RECIST 1.1; WHO as most
    /// implementations read it).
    case sum
    /// Any single target against its own smallest value on study (WHO as Miller 1981 words it).
    case anyLesion = "any-lesion"
}

/// How new lesions count.
public struct NewLesionRules: Hashable, Sendable, Codable {
    /// Whether an unequivocal new lesion is progression (RECIST: yes; irRC: no).
    public var meanProgression: Bool
    /// Whether measurable new lesions are added to the sum (irRC tumour burden).
    public var addMeasurableToSum: Bool
    /// The source and table these rules come from.
    public var source: String
}

/// Default intervals for best overall response.
public struct ConfirmationRules: Hashable, Sendable, Codable {
    /// Minimum days between a response and its confirmation (RECIST 1.1: >= 28).
    public var intervalDays: Int
    /// Minimum days from the reference date for SD to count (RECIST 1.1 "6-8 weeks"; admiralonco 42).
    public var stableDiseaseMinimumDays: Int
    /// Whether progression must be confirmed by a later assessment at least `intervalDays` later before it
    /// ends the best-response search (irRC, Wolchok 2009 Table 2); absent means false.
    public var confirmProgression: Bool?
    /// The source and table these rules come from.
    public var source: String
}

/// iRECIST confirmation parameters (Seymour 2017, Table 2 and the EORTC iRECIST Q&A).
public struct IRECISTParameters: Hashable, Sendable, Codable {
    /// The earliest confirming assessment after iUPD, in days (4 weeks).
    public var confirmationMinimumDays: Int
    /// The latest confirming assessment after iUPD, in days (8 weeks).
    public var confirmationMaximumDays: Int
    /// Days of tolerance before the minimum (EORTC Q&A: -2 days).
    public var confirmationToleranceDays: Int
    /// Further increase of the target sum confirming iCPD (>= 5 mm, additive across assessments).
    public var furtherTargetIncrease: Threshold
    /// Further increase of the new-target sum confirming iCPD (>= 5 mm).
    public var furtherNewTargetIncrease: Threshold
    /// Maximum new-lesion targets in total (5) and per organ (2).
    public var maximumNewTargets: Int
    /// Maximum new-lesion targets per organ (2).
    public var maximumNewTargetsPerOrgan: Int
}

/// PCWG3 bone-scan parameters (Scher 2016; admiralonco `adrs_pcwg3`).
public struct PCWG3Parameters: Hashable, Sendable, Codable {
    /// Days after treatment start within which the first post-baseline scan is in the flare window (12 weeks).
    public var flareWindowDays: Int
    /// New lesions that make a scan suspicious of progression (>= 2).
    public var newLesions: Threshold
    /// Further new lesions on the confirming scan inside the flare window (>= 2 more).
    public var additionalNewLesions: Threshold
    /// Minimum days to the confirming scan (6 weeks).
    public var confirmationMinimumDays: Int
}

/// Lugano 2014 parameters (Cheson 2014, Tables 2 and 3).
public struct LuganoParameters: Hashable, Sendable, Codable {
    /// Highest Deauville score that is a complete metabolic response (3).
    public var completeMetabolicMaximumScore: Int
    /// Lowest Deauville score of residual disease (4).
    public var residualMinimumScore: Int
    /// Single-lesion PPD increase from its nadir for progression (>= 50 %).
    public var lesionProductIncreasePercent: Threshold
    /// The lesion's long axis must exceed this for PPD progression (> 15 mm).
    public var lesionLongAxis: Threshold
    /// Lesions whose nadir long axis is at most this (20 mm) need `smallLesionIncrease`, others `largeLesionIncrease`.
    public var smallLesionLimit: ExactDecimal
    /// Axis increase from nadir for small lesions (>= 5 mm).
    public var smallLesionIncrease: Threshold
    /// Axis increase from nadir for large lesions (>= 10 mm).
    public var largeLesionIncrease: Threshold
    /// Whether a lesion gone at an earlier follow-up and present again is progression, whatever the SPD
    /// (Table 3 PD: "regrowth of previously resolved lesions").
    public var regrowthOfResolvedLesions: Bool
}

/// Choi density parameters (Choi 2007; modified Choi: Nathan 2010).
public struct ChoiParameters: Hashable, Sendable, Codable {
    /// Density decrease from baseline for PR (>= 15 %).
    public var densityDecreasePercent: Threshold
    /// How size and density combine for PR: `any` (Choi) or `all` (modified Choi).
    public var combine: ChoiCombination
}

/// How Choi combines size and density.
public enum ChoiCombination: String, Hashable, Sendable, Codable {
    /// Size OR density (Choi).
    case any
    /// Size AND density (modified Choi).
    case all
}

/// RANO 2.0 confirmation parameters (Wen 2023).
public struct RANOParameters: Hashable, Sendable, Codable {
    /// Within this many days after the end of radiotherapy, PD is preliminary until confirmed (12 weeks).
    public var progressionConfirmationWindowDays: Int
    /// Whether PD outside that window is also preliminary until confirmed. (CR/PR confirmation after
    /// `confirmation.intervalDays` is the confirmed best overall response.)
    public var confirmAllProgression: Bool
}
