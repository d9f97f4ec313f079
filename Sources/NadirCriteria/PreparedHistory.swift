internal import NadirModel

/// A lesion's value at one timepoint in the criterion's measure, with the axes used.
struct LesionReading {
    /// The value in the measure's fixed-point units; `nil` when not evaluable.
    var units: Int64?
    var longAxis: Int64?
    var shortAxis: Int64?
    /// How the value was obtained, for the trace ("measured", "too small = 5 mm", "split 2", "merged").
    var how: String
}

/// A patient history indexed for assessment: baseline, follow-ups in date order, lookups by lesion and visit.
final class PreparedHistory: Sendable {
    let history: PatientHistory
    let definition: CriteriaDefinition
    let baseline: TimePoint?
    let followUps: [TimePoint]
    let targets: [Lesion]
    let nonTargets: [Lesion]
    let newLesions: [Lesion]
    /// Split fragments and merged lesions by the parent they derive from.
    let derived: [LesionID: [Lesion]]
    let measurements: [String: [LesionID: Measurement]]
    let statuses: [String: [LesionID: LesionStatusValue]]
    /// The criteria file's name, for traces.
    let fileName: String

    init(_ history: PatientHistory, definition: CriteriaDefinition) {
        self.history = history
        self.definition = definition
        let sorted = history.timepoints.sorted { $0.date < $1.date }
        baseline = sorted.first(where: \.isBaseline)
        followUps = sorted.filter { !$0.isBaseline && $0.date >= (sorted.first(where: \.isBaseline)?.date ?? $0.date) }
        var targets: [Lesion] = []
        var nonTargets: [Lesion] = []
        var newLesions: [Lesion] = []
        var derived: [LesionID: [Lesion]] = [:]
        for lesion in history.lesions {
            if lesion.relation != nil, !lesion.parents.isEmpty {
                for parent in lesion.parents { derived[parent, default: []].append(lesion) }
                continue
            }
            switch lesion.role {
            case .target: targets.append(lesion)
            case .nonTarget: nonTargets.append(lesion)
            case .new: newLesions.append(lesion)
            }
        }
        self.targets = targets
        self.nonTargets = nonTargets
        self.newLesions = newLesions
        self.derived = derived
        var measurements: [String: [LesionID: Measurement]] = [:]
        for m in history.measurements { measurements[m.visit, default: [:]][m.lesionID] = m }
        self.measurements = measurements
        var statuses: [String: [LesionID: LesionStatusValue]] = [:]
        for s in history.statuses { statuses[s.visit, default: [:]][s.lesionID] = s.status }
        self.statuses = statuses
        fileName = definition.file.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "\(definition.id).yaml"
    }

    /// The value of `units` (ten-thousandths) in the measure's units.
    func measureUnits(_ value: ExactDecimal, fractionDigits: Int) -> Int64 {
        var divisor: Int64 = 1
        for _ in 0..<(ExactDecimal.fractionDigits - fractionDigits) { divisor *= 10 }
        return value.units / divisor
    }

    /// One measurement's value in the measure (split and merge handled by `reading(of:at:)`).
    func value(of m: Measurement, nodal: Bool) -> LesionReading {
        let kind = definition.measure
        let small = measureUnits(definition.measurement.tooSmallToMeasure, fractionDigits: 2)
        switch m.state {
        case .notEvaluable:
            return LesionReading(units: nil, how: "not evaluable")
        case .absent:
            return LesionReading(units: 0, longAxis: 0, shortAxis: 0, how: "absent = 0")
        case .tooSmallToMeasure:
            switch kind {
            case .sumOfDiameters:
                return LesionReading(units: small, longAxis: small, shortAxis: small,
                                     how: "too small = \(DecimalText.format(small, fractionDigits: 2)) mm")
            case .sumOfProducts:
                return LesionReading(units: small * small, longAxis: small, shortAxis: small,
                                     how: "too small = \(DecimalText.format(small, fractionDigits: 2)) x \(DecimalText.format(small, fractionDigits: 2)) mm")
            case .volume:
                guard let volume = definition.measurement.tooSmallToMeasureVolume else {
                    return LesionReading(units: nil, how: "too small, and the criterion defines no volume for it")
                }
                return LesionReading(units: measureUnits(volume, fractionDigits: 2), how: "too small = \(volume) mm3")
            case .sulPeak:
                return LesionReading(units: nil, how: "too small: no SULpeak")
            }
        case .measured:
            let long = m.longAxis?.units
            let short = m.shortAxis?.units
            let units: Int64?
            switch kind {
            case .sumOfDiameters: units = nodal ? short : long
            case .sumOfProducts: units = m.perpendicularProduct?.units
            case .volume: units = m.volume?.units
            case .sulPeak: units = m.sulPeak?.units
            }
            return LesionReading(units: units, longAxis: long, shortAxis: short,
                                 how: units == nil ? "measured, but the \(kind.rawValue) value is missing" : "measured")
        }
    }

    /// A baseline target's reading at `visit`: its own measurement, the sum of its split fragments, or its share
    /// of a merged lesion (the first parent takes the merged value, the others 0).
    func reading(of lesion: Lesion, at visit: String) -> LesionReading {
        let here = measurements[visit]
        if let parts = derived[lesion.id] {
            let fragments = parts.filter { $0.relation == .split }
            let present = fragments.compactMap { here?[$0.id] }
            if !present.isEmpty, present.count == fragments.count {
                var total: Int64 = 0
                var longTotal: Int64 = 0
                for (fragment, m) in zip(fragments, present) {
                    let r = value(of: m, nodal: fragment.isNodal)
                    guard let u = r.units else { return LesionReading(units: nil, how: "split fragment \(fragment.id) not evaluable") }
                    total += u
                    longTotal += r.longAxis ?? 0
                }
                return LesionReading(units: total, longAxis: longTotal, shortAxis: nil,
                                     how: "split: sum of \(fragments.count) fragments")
            }
            if let merged = parts.first(where: { $0.relation == .merged }), let m = here?[merged.id] {
                if merged.parents.first == lesion.id {
                    var r = value(of: m, nodal: merged.isNodal)
                    r.how = "merged into \(merged.id)"
                    return r
                }
                return LesionReading(units: 0, longAxis: 0, shortAxis: 0, how: "merged into \(merged.id) = 0")
            }
        }
        guard let m = here?[lesion.id] else { return LesionReading(units: nil, how: "no measurement") }
        return value(of: m, nodal: lesion.isNodal)
    }

    /// A non-target or new lesion's qualitative status at `visit` (from its status, else its measurement).
    func status(of lesion: Lesion, at visit: String) -> LesionStatusValue? {
        if let s = statuses[visit]?[lesion.id] { return s }
        guard let m = measurements[visit]?[lesion.id] else { return nil }
        switch m.state {
        case .absent: return .absent
        case .notEvaluable: return .notEvaluable
        case .measured, .tooSmallToMeasure: return .present
        }
    }

    /// The criteria file name and key, for traces.
    func source(_ key: String, _ citation: String) -> String {
        "\(fileName) \(key) (\(citation))"
    }
}
