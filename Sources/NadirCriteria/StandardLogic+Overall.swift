internal import NadirModel

extension StandardLogic {
    /// Non-target response (RECIST 1.1 §4.3.2) and new lesions (§4.3.3), with re-appearance after CR.
    func assessNonTargetsAndNewLesions(_ work: inout TimepointWork, previousOverall: Outcome?) {
        let visit = work.timepoint.visit
        if !p.nonTargets.isEmpty {
            var progressed: [String] = []
            var missing: [String] = []
            var present: [String] = []
            for lesion in p.nonTargets {
                switch p.status(of: lesion, at: visit) {
                case .unequivocalProgression?: progressed.append(lesion.id.rawValue)
                case .absent?: break
                case .present?, .equivocal?: present.append(lesion.id.rawValue)
                case .notEvaluable?, nil: missing.append(lesion.id.rawValue)
                }
            }
            let outcome: Outcome
            var compared: String
            if !progressed.isEmpty, definition.response.progression.nonTargetProgression == false {
                // irRC: non-index lesions only preclude irCR (Wolchok 2009 Table 2 rows "unequivocal progression").
                outcome = .nonCRNonPD
                compared = "unequivocal progression of \(progressed.joined(separator: ", ")) is not progression under this criterion (response.progression.nonTargetProgression: false); it precludes CR"
            } else if !progressed.isEmpty {
                outcome = .progression
                compared = "unequivocal progression: \(progressed.joined(separator: ", "))"
            } else if definition.response.progression.reappearanceAfterCompleteResponse, previousOverall == .complete, !present.isEmpty {
                outcome = .progression
                compared = "reappeared after an overall CR: \(present.joined(separator: ", "))"
            } else if !missing.isEmpty {
                outcome = .notEvaluable
                compared = "not evaluated: \(missing.joined(separator: ", "))"
            } else if present.isEmpty {
                outcome = .complete
                compared = "all non-targets absent"
            } else {
                outcome = .nonCRNonPD
                compared = "present: \(present.joined(separator: ", "))"
            }
            work.nonTarget = outcome
            work.nonTargetProgressed = outcome == .progression
            work.trace.append(RuleTrace(rule: "nonTarget", source: p.source("(engine)", "RECIST 1.1 §4.3.2"),
                                        compared: compared, result: definition.categories.term(for: outcome).rawValue))
        }
        for lesion in p.newLesions {
            switch p.status(of: lesion, at: visit) {
            case .present?, .unequivocalProgression?: work.newLesionIDs.append(lesion.id)
            case .equivocal?: work.equivocalNewIDs.append(lesion.id)
            default: break
            }
        }
        if let pet = p.history.pet.first(where: { $0.visit == visit }), pet.newAvidFoci {
            work.newLesionIDs.append("FDG-avid focus")
        }
        work.newLesions = !work.newLesionIDs.isEmpty
        if !work.newLesionIDs.isEmpty || !work.equivocalNewIDs.isEmpty {
            work.trace.append(RuleTrace(
                rule: "newLesions", source: p.source("newLesions", definition.newLesions.source),
                compared: "unequivocal: [\(work.newLesionIDs.map(\.rawValue).joined(separator: ", "))], equivocal: [\(work.equivocalNewIDs.map(\.rawValue).joined(separator: ", "))]",
                result: work.newLesions ? (definition.newLesions.meanProgression ? "PD" : "new lesions (not PD under this criterion)") : "none unequivocal"))
        }
    }

    /// Overall timepoint response: RECIST 1.1 Table 1 (targets) and Table 2 (non-targets only).
    func overall(_ work: inout TimepointWork) -> Outcome {
        overallTable(target: work.target, nonTarget: work.nonTarget,
                     newLesions: work.newLesions && definition.newLesions.meanProgression,
                     newLesionsPrecludeCR: work.newLesions, trace: &work.trace)
    }

    /// The table itself, reusable by logic that re-scores components (iRECIST, PCWG3).
    func overallTable(target: Outcome?, nonTarget: Outcome?, newLesions: Bool, newLesionsPrecludeCR: Bool,
                      trace: inout [RuleTrace]) -> Outcome {
        let result: Outcome
        let row: String
        if target == .progression || nonTarget == .progression || newLesions {
            result = .progression
            row = "PD | any | any, or any | PD | any, or any | any | yes"
        } else if let target {
            switch target {
            case .notEvaluable:
                result = .notEvaluable
                row = "not all evaluated | non-PD | no"
            case .complete:
                if nonTarget == nil || nonTarget == .complete {
                    result = newLesionsPrecludeCR ? .partial : .complete
                    row = newLesionsPrecludeCR ? "CR | CR | new lesions not PD under this criterion -> not CR" : "CR | CR (or none) | no"
                } else {
                    result = .partial
                    row = "CR | non-CR/non-PD or not evaluated | no"
                }
            case .partial:
                result = .partial
                row = "PR | non-PD or not all evaluated | no"
            default:
                result = .stable
                row = "SD | non-PD or not all evaluated | no"
            }
        } else if let nonTarget {
            switch nonTarget {
            case .complete:
                result = newLesionsPrecludeCR ? .nonCRNonPD : .complete
                row = "Table 2: CR | no"
            case .nonCRNonPD:
                result = .nonCRNonPD
                row = "Table 2: non-CR/non-PD | no"
            default:
                result = .notEvaluable
                row = "Table 2: not all evaluated | no"
            }
        } else {
            result = .notEvaluable
            row = "no target and no non-target disease recorded"
        }
        trace.append(RuleTrace(rule: "overall", source: "RECIST 1.1 Tables 1 and 2 (\(p.fileName))",
                               compared: row, result: definition.categories.term(for: result).rawValue))
        return result
    }
}
