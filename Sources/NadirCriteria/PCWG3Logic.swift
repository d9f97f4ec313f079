internal import NadirModel

/// PCWG3 (Scher 2016; admiralonco `adrs_pcwg3`): soft tissue by RECIST 1.1, bone by the 2+2 rule with the
/// flare window, combined by the soft-tissue x bone table.
struct PCWG3Logic {
    let p: PreparedHistory
    let standard: StandardLogic

    /// Bone-scan status at one visit.
    enum Bone: String {
        case nonPD = "NON-PD", unconfirmed = "PDu", progression = "PD", noDisease = "NED", notEvaluable = "NE"
    }

    func apply(_ works: inout [TimepointWork]) {
        guard let params = p.definition.pcwg3 else { return }
        let bone = boneStatuses(works, params: params)
        let noSoftTissue = p.targets.isEmpty && p.nonTargets.isEmpty
        for i in works.indices {
            let soft = works[i].overall
            let (b, why) = bone[i]
            let result: Outcome
            if soft == .progression || b == .progression {
                result = .progression
            } else if noSoftTissue {
                switch b {
                case .nonPD: result = .nonCRNonPD
                case .unconfirmed: result = .unconfirmedProgression
                default: result = .notEvaluable
                }
            } else {
                switch soft {
                case .complete: result = b == .noDisease ? .complete : (p.targets.isEmpty ? .nonCRNonPD : .partial)
                case .partial, .stable, .nonCRNonPD: result = soft
                default: result = .notEvaluable
                }
            }
            works[i].overall = result
            works[i].trace.append(RuleTrace(
                rule: "pcwg3.overall", source: p.source("pcwg3", "Scher 2016; admiralonco adrs_pcwg3 soft tissue x bone table"),
                compared: "soft tissue \(noSoftTissue ? "NED" : p.definition.categories.term(for: soft).rawValue) x bone \(b.rawValue) (\(why))",
                result: p.definition.categories.term(for: result).rawValue))
        }
    }

    /// The bone status of every timepoint (the 2+2 rule).
    func boneStatuses(_ works: [TimepointWork], params: PCWG3Parameters) -> [(Bone, String)] {
        var result = [(Bone, String)](repeating: (.notEvaluable, "no bone scan"), count: works.count)
        let scans: [(index: Int, reading: BoneScanReading)] = works.indices.compactMap { i in
            p.history.boneScans.first { $0.visit == works[i].timepoint.visit }.map { (i, $0) }
        }
        guard let first = scans.first else { return result }
        let start = p.history.treatmentStart ?? p.baseline?.date ?? works[first.index].timepoint.date
        let firstInWindow = works[first.index].timepoint.date.days(since: start) <= params.flareWindowDays
        var reference = 0
        var progressed = false
        for (n, scan) in scans.enumerated() {
            let date = works[scan.index].timepoint.date
            guard let count = scan.reading.newLesionsSinceBaseline else {
                result[scan.index] = (.notEvaluable, "bone scan not evaluable")
                continue
            }
            if progressed {
                result[scan.index] = (.progression, "bone progression confirmed earlier")
                continue
            }
            if !scan.reading.baselineHadDisease, count == 0 {
                result[scan.index] = (.noDisease, "no bone disease at baseline, no new lesion")
                continue
            }
            let later = scans[(n + 1)...].first {
                works[$0.index].timepoint.date.days(since: date) >= params.confirmationMinimumDays && $0.reading.newLesionsSinceBaseline != nil
            }
            let newHere = count - reference
            guard meets(newHere, params.newLesions) else {
                result[scan.index] = (.nonPD, "\(newHere) new vs reference, needs \(params.newLesions.text)")
                if n == 0, firstInWindow { reference = count }
                continue
            }
            guard let later, let laterCount = later.reading.newLesionsSinceBaseline else {
                result[scan.index] = (.unconfirmed, "\(newHere) new lesions, awaiting a scan >= \(params.confirmationMinimumDays) d later")
                if n == 0, firstInWindow { reference = count }
                continue
            }
            if n == 0, firstInWindow {
                // Flare window: confirmed only by >= 2 further new lesions on the next scan >= 6 weeks later.
                if meets(laterCount - count, params.additionalNewLesions) {
                    result[scan.index] = (.progression, "flare window: \(count) new, \(laterCount - count) more at \(works[later.index].timepoint.visit) (\(params.additionalNewLesions.text)); PD dated here")
                    progressed = true
                } else {
                    result[scan.index] = (.nonPD, "flare window: \(count) new, only \(laterCount - count) more at \(works[later.index].timepoint.visit): flare")
                }
                reference = count
            } else if meets(laterCount - reference, params.newLesions) {
                result[scan.index] = (.progression, "\(newHere) new vs reference, persisting at \(works[later.index].timepoint.visit); PD dated here")
                progressed = true
            } else {
                result[scan.index] = (.nonPD, "\(newHere) new vs reference, not persisting at \(works[later.index].timepoint.visit)")
            }
        }
        return result
    }

    private func meets(_ count: Int, _ threshold: Threshold) -> Bool {
        ExactArithmetic.absoluteMeets(change: Int64(count), fractionDigits: 0, threshold: threshold)
    }
}
