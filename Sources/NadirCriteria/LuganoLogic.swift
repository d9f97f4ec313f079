internal import NadirModel

/// Lugano 2014 (Cheson 2014): CT progression by a single lesion's PPD (Table 3), and the PET-CT 5-point scale
/// taking precedence over CT for FDG-avid lymphoma (admiralonco #353: CMR -> CR, PMR -> PR, NMR -> SD,
/// PMD -> PD; no PET -> CT).
struct LuganoLogic {
    let p: PreparedHistory

    /// CT "PPD progression": one lesion with LDi > 15 mm, PPD >= 50 % over its nadir, and LDi or SDi grown from
    /// nadir by >= 5 mm (nadir LDi <= 20 mm) or >= 10 mm (larger).
    func lesionProgression(_ work: inout TimepointWork, lesionNadirs: [LesionID: LesionReading]) -> Bool {
        guard let params = p.definition.lugano else { return false }
        for lesion in p.targets {
            guard let now = work.readings[lesion.id], let product = now.units, let long = now.longAxis,
                  let nadir = lesionNadirs[lesion.id], let nadirProduct = nadir.units else { continue }
            let longOK = ExactArithmetic.absoluteMeets(change: long, fractionDigits: 2, threshold: params.lesionLongAxis)
            let increase = product - nadirProduct
            let productOK = nadirProduct > 0
                ? ExactArithmetic.percentMeets(change: increase, reference: nadirProduct, threshold: params.lesionProductIncreasePercent)
                : increase > 0
            let nadirLong = nadir.longAxis ?? 0
            let axisGrowth = max(long - nadirLong, (now.shortAxis ?? 0) - (nadir.shortAxis ?? 0))
            let small = nadirLong * 100 <= params.smallLesionLimit.units
            let axisRule = small ? params.smallLesionIncrease : params.largeLesionIncrease
            let axisOK = ExactArithmetic.absoluteMeets(change: axisGrowth, fractionDigits: 2, threshold: axisRule)
            if longOK && productOK && axisOK {
                work.trace.append(RuleTrace(
                    rule: "lugano.lesionProgression", source: p.source("lugano", params.lesionProductIncreasePercent.source),
                    compared: "\(lesion.id): LDi \(DecimalText.format(long, fractionDigits: 2)) mm \(params.lesionLongAxis.text); PPD \(p.text(product)) vs nadir \(p.text(nadirProduct)) \(params.lesionProductIncreasePercent.text) %; axis +\(DecimalText.format(axisGrowth, fractionDigits: 2)) mm \(axisRule.text) (nadir LDi \(DecimalText.format(nadirLong, fractionDigits: 2)) mm)",
                    result: "PD"))
                return true
            }
        }
        work.trace.append(RuleTrace(rule: "lugano.lesionProgression", source: p.source("lugano", params.lesionProductIncreasePercent.source),
                                    compared: "no lesion meets LDi, PPD and axis-growth rules together", result: "not met"))
        return false
    }

    /// Cheson 2014 Table 3, PD: "regrowth of previously resolved lesions" is progression whatever the SPD (a
    /// lesion gone at an earlier follow-up and measurable or present again here; targets at 0 mm, non-targets
    /// absent). The PET-CT reading, where there is one, still takes precedence (`applyPETPrecedence`).
    func applyRegrowth(_ works: inout [TimepointWork], standard: StandardLogic) {
        guard let params = p.definition.lugano, params.regrowthOfResolvedLesions else { return }
        var resolved: Set<LesionID> = []
        for i in works.indices {
            let visit = works[i].timepoint.visit
            var regrownTargets: [String] = []
            var regrownNonTargets: [String] = []
            for lesion in p.targets where resolved.contains(lesion.id) {
                if let units = works[i].readings[lesion.id]?.units, units > 0 { regrownTargets.append(lesion.id.rawValue) }
            }
            for lesion in p.nonTargets where resolved.contains(lesion.id) {
                switch p.status(of: lesion, at: visit) {
                case .present?, .unequivocalProgression?: regrownNonTargets.append(lesion.id.rawValue)
                default: break
                }
            }
            if !regrownTargets.isEmpty || !regrownNonTargets.isEmpty {
                if !regrownTargets.isEmpty { works[i].target = .progression }
                if !regrownNonTargets.isEmpty {
                    works[i].nonTarget = .progression
                    works[i].nonTargetProgressed = true
                }
                works[i].trace.append(RuleTrace(
                    rule: "lugano.regrowth", source: p.source("lugano.regrowthOfResolvedLesions", "Cheson 2014 Table 3 (PD: regrowth of previously resolved lesions)"),
                    compared: "resolved at an earlier follow-up, present again: \((regrownTargets + regrownNonTargets).joined(separator: ", "))",
                    result: "PD"))
                works[i].overall = standard.overallTable(
                    target: works[i].target, nonTarget: works[i].nonTarget,
                    newLesions: works[i].newLesions && p.definition.newLesions.meanProgression,
                    newLesionsPrecludeCR: works[i].newLesions, trace: &works[i].trace)
            }
            for lesion in p.targets where works[i].readings[lesion.id]?.units == 0 { resolved.insert(lesion.id) }
            for lesion in p.nonTargets where p.status(of: lesion, at: visit) == .absent { resolved.insert(lesion.id) }
        }
    }

    /// Replaces the CT overall response with the PET 5-point-scale response where a Deauville score exists.
    func applyPETPrecedence(_ works: inout [TimepointWork]) {
        guard let params = p.definition.lugano else { return }
        for i in works.indices {
            guard let pet = p.history.pet.first(where: { $0.visit == works[i].timepoint.visit }),
                  let score = pet.deauville?.value ?? (pet.newAvidFoci ? 5 : nil) else { continue }
            let metabolic: String
            let outcome: Outcome
            if pet.newAvidFoci {
                (metabolic, outcome) = ("PMD", .progression)
            } else if score <= params.completeMetabolicMaximumScore {
                (metabolic, outcome) = ("CMR", .complete)
            } else if score >= params.residualMinimumScore, pet.uptakeChange == .increased {
                (metabolic, outcome) = ("PMD", .progression)
            } else if score >= params.residualMinimumScore, pet.uptakeChange == .reduced {
                (metabolic, outcome) = ("PMR", .partial)
            } else {
                (metabolic, outcome) = ("NMR", .stable)
            }
            let ct = p.definition.categories.term(for: works[i].overall).rawValue
            works[i].overall = outcome
            works[i].trace.append(RuleTrace(
                rule: "lugano.petPrecedence", source: p.source("lugano", "Cheson 2014 Table 3: PET-CT response takes precedence for FDG-avid histologies"),
                compared: "Deauville \(pet.deauville?.rawValue ?? "-"), uptake \(pet.uptakeChange?.rawValue ?? "-"), new avid foci \(pet.newAvidFoci) -> \(metabolic); CT said \(ct)",
                result: p.definition.categories.term(for: outcome).rawValue))
        }
    }
}
