internal import NadirModel

/// Choi (Choi 2007, GIST): PR by >= 10 % size decrease OR >= 15 % density decrease; PD by >= 10 % size
/// increase when density does not meet PR. Modified Choi (Nathan 2010, RCC): PR needs both.
struct ChoiLogic {
    let p: PreparedHistory
    let standard: StandardLogic

    func apply(_ works: inout [TimepointWork]) {
        guard let params = p.definition.choi, let baseline = p.baseline,
              let baseDensity = densitySum(at: baseline.visit), baseDensity > 0 else { return }
        for i in works.indices {
            guard let size = works[i].target, size == .stable || size == .partial || size == .progression,
                  let density = densitySum(at: works[i].timepoint.visit) else { continue }
            let densityPR = ExactArithmetic.percentMeets(change: baseDensity - density, reference: baseDensity,
                                                         threshold: params.densityDecreasePercent)
            var result = size
            switch (params.combine, size) {
            case (.any, .stable) where densityPR, (.any, .progression) where densityPR: result = .partial
            case (.all, .partial) where !densityPR: result = .stable
            case (.all, .progression) where densityPR: result = .stable
            default: break
            }
            works[i].trace.append(RuleTrace(
                rule: "choi.density", source: p.source("choi.densityDecreasePercent", params.densityDecreasePercent.source),
                compared: "mean density \(DecimalText.format(density / Int64(p.targets.count), fractionDigits: 2)) vs baseline \(DecimalText.format(baseDensity / Int64(p.targets.count), fractionDigits: 2)) HU: \(p.percentText(density - baseDensity, of: baseDensity)); decrease \(params.densityDecreasePercent.text) % -> \(densityPR ? "met" : "not met"); size \(p.definition.categories.term(for: size)); combine \(params.combine.rawValue)",
                result: p.definition.categories.term(for: result).rawValue))
            if result != size {
                works[i].target = result
                works[i].overall = standard.overall(&works[i])
            }
        }
    }

    /// The sum of the targets' mean densities (same lesions each time, so percent change of the sum is the
    /// percent change of the mean); `nil` unless every target has one.
    func densitySum(at visit: String) -> Int64? {
        var total: Int64 = 0
        for lesion in p.targets {
            guard let d = p.measurements[visit]?[lesion.id]?.meanDensity else { return nil }
            total += d.units
        }
        return p.targets.isEmpty ? nil : total
    }
}
