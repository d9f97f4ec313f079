internal import NadirModel

/// Baseline conformance (RECIST 1.1 §3.1 and §4.2 and analogues): measurability with the slice-thickness rule,
/// nodal short axis, maximum targets in total and per organ (all nodes one organ). Findings are warnings: the
/// targets are assessed as recorded, never silently changed.
struct BaselineConformance {
    let p: PreparedHistory

    func findings() -> [ConformanceFinding] {
        var findings: [ConformanceFinding] = []
        let rules = p.definition.baseline
        let baselines = p.history.timepoints.filter(\.isBaseline)
        guard let baseline = p.baseline, baselines.count == 1 else {
            findings.append(finding(.baseline, nil, "expected exactly one baseline timepoint, found \(baselines.count)",
                                    rule: "baseline", compared: "\(baselines.count) baselines"))
            return findings
        }
        let thickness = baseline.sliceThickness?.units
        for lesion in p.targets {
            guard let m = p.measurements[baseline.visit]?[lesion.id], m.state == .measured else {
                findings.append(finding(.missingBaselineMeasurement, lesion.id, "target has no measured baseline value",
                                        rule: "baseline.target", compared: "no measurement at \(baseline.visit)"))
                continue
            }
            var checks: [(Threshold?, Int64?, String)] = []
            if lesion.isNodal {
                var nodeRule = rules.measurableNodeShortAxis
                if let organRule = rules.measurableNodeShortAxisByOrgan?.first(where: { $0.organ.uppercased() == lesion.organ.uppercased() }) {
                    nodeRule = organRule.threshold
                }
                checks.append((nodeRule, m.shortAxis?.units, "measurableNodeShortAxis"))
                checks.append((rules.measurableNodeLongAxis, m.longAxis?.units, "measurableNodeLongAxis"))
            } else {
                checks.append((rules.measurableLongAxis, m.longAxis?.units, "measurableLongAxis"))
                checks.append((rules.measurableShortAxis, m.shortAxis?.units, "measurableShortAxis"))
            }
            for case let (threshold?, value, key) in checks {
                guard let value else {
                    findings.append(finding(.notMeasurable, lesion.id, "\(key) needs an axis that is not recorded",
                                            rule: "baseline.\(key)", compared: "missing axis; \(threshold.text) mm"))
                    continue
                }
                if !ExactArithmetic.absoluteMeets(change: value, fractionDigits: 2, threshold: threshold) {
                    findings.append(finding(.notMeasurable, lesion.id, "below the measurable size",
                                            rule: "baseline.\(key)",
                                            compared: "\(DecimalText.format(value, fractionDigits: 2)) mm; measurable \(threshold.text) mm (\(threshold.source))"))
                }
            }
            if !lesion.isNodal, let multiple = rules.sliceThicknessMultiple, let limit = rules.sliceThicknessLimit,
               let thickness, let long = m.longAxis?.units, thickness * 100 > limit.units {
                // long >= multiple x thickness, exactly: long * 10^4 vs multiple.units * thickness.
                let lhs = ExactArithmetic.product(long, 10_000)
                let rhs = ExactArithmetic.product(multiple.value.units, thickness)
                if !multiple.comparison.holds(lhs, rhs) {
                    findings.append(finding(.notMeasurable, lesion.id, "below \(multiple.value) x slice thickness",
                                            rule: "baseline.sliceThicknessMultiple",
                                            compared: "\(DecimalText.format(long, fractionDigits: 2)) mm vs \(multiple.value) x \(DecimalText.format(thickness, fractionDigits: 2)) mm slices (\(multiple.source))"))
                }
            }
        }
        if let maximum = rules.maximumTargets, p.targets.count > maximum {
            findings.append(finding(.tooManyTargets, nil, "\(p.targets.count) targets, at most \(maximum) allowed",
                                    rule: "baseline.maximumTargets", compared: "\(p.targets.count) > \(maximum)"))
        }
        if let perOrgan = rules.maximumTargetsPerOrgan {
            var counts: [String: Int] = [:]
            for lesion in p.targets {
                let organ = lesion.isNodal && rules.nodesAreOneOrgan ? "LYMPH NODES" : lesion.organ.uppercased()
                counts[organ, default: 0] += 1
            }
            for (organ, count) in counts.sorted(by: { $0.key < $1.key }) where count > perOrgan {
                findings.append(finding(.tooManyTargetsInOrgan, nil, "\(count) targets in \(organ), at most \(perOrgan) per organ",
                                        rule: "baseline.maximumTargetsPerOrgan", compared: "\(count) > \(perOrgan)"))
            }
        }
        return findings
    }

    private func finding(_ code: ConformanceFinding.Code, _ lesion: LesionID?, _ message: String, rule: String,
                         compared: String) -> ConformanceFinding {
        ConformanceFinding(code: code, lesion: lesion, message: message,
                           trace: RuleTrace(rule: rule, source: p.source(rule, p.definition.baseline.source),
                                            compared: compared, result: "warning"))
    }
}
