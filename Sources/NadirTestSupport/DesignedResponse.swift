/// The response each timepoint of a scenario is designed to get, computed from the designed diameters by the
/// published rules, independently of Nadir's rule engine:
///
/// - RECIST 1.1 (Eisenhauer 2009 §4.3): sum of long axes (short axis for nodes); CR all non-nodal targets gone and
///   nodes < 10 mm; PR >= 30 % below baseline; PD >= 20 % and >= 5 mm above the nadir, or a new lesion.
/// - mRECIST (Lencioni 2010 Table 2): the same on viable diameters (our lesions are wholly viable); PD >= 20 %.
/// - iRECIST (Seymour 2017): RECIST 1.1 PD is iUPD; the next scan confirms it (iCPD) if the sum grows a further
///   >= 5 mm or a new lesion appears, else the bar resets and the scan is judged against baseline (iCR/iPR/iSD).
/// - Lugano 2014 CT (Cheson 2014 Table 3): SPD of LDi x SDi; CR all nodes LDi <= 15 mm and extranodal gone;
///   PR SPD >= 50 % below baseline; PD a new lesion or one lesion's PPD >= 50 % over its nadir with LDi > 15 mm.
///
/// Each deciding quantity must sit at least `percentMargin` points (or `lengthMargin` mm) from its threshold,
/// so that measuring a voxelised, noisy, moved copy of the lesion cannot flip the category.
public enum DesignedResponse {
    /// Percentage points a designed change must keep from a percent threshold.
    public static let percentMargin = 10.0
    /// Millimetres a designed diameter must keep from a length threshold (nodes 10 mm, Lugano 15 mm).
    public static let lengthMargin = 3.0

    /// The designed result of one follow-up timepoint.
    public struct Timepoint: Hashable, Sendable, Codable {
        /// The visit.
        public var visit: String
        /// The designed sum (mm for diameters, mm² for Lugano's SPD).
        public var sum: Double
        /// Percent change of the sum from baseline.
        public var changeFromBaseline: Double
        /// Whether a new lesion is present.
        public var newLesion: Bool
        /// The designed overall response, in the criteria's own terms ("PR", "iUPD").
        public var overall: String
    }

    /// Evaluates every follow-up timepoint of a scenario.
    public static func evaluate(_ s: StudyScenario) throws(ScenarioError) -> [Timepoint] {
        let n = s.timepoints.count
        guard n >= 2, s.lesions.allSatisfy({ $0.radii.count == n }) else {
            throw ScenarioError(.invalidScenario, scenario: s.name, "every lesion needs one radii entry per timepoint (\(n))")
        }
        let targets = s.lesions.filter { $0.role == .target }
        guard !targets.isEmpty, targets.allSatisfy({ $0.radii[0] != nil }) else {
            throw ScenarioError(.invalidScenario, scenario: s.name, "targets must be present at baseline")
        }
        switch s.criteria {
        case "recist-1.1": return try standard(s, targets: targets, absoluteIncrease: 5, immune: false)
        case "mrecist-hcc": return try standard(s, targets: targets, absoluteIncrease: 0, immune: false)
        case "irecist": return try standard(s, targets: targets, absoluteIncrease: 5, immune: true)
        case "lugano-2014": return try lugano(s, targets: targets)
        default:
            throw ScenarioError(.unsupportedCriteria, scenario: s.name,
                                "no designed-response rules for \(s.criteria); use recist-1.1, mrecist-hcc, irecist or lugano-2014")
        }
    }

    static func newLesion(_ s: StudyScenario, at i: Int) -> Bool {
        s.lesions.contains { $0.role == .new && $0.radii[i] != nil }
    }

    /// RECIST 1.1, mRECIST and iRECIST.
    static func standard(_ s: StudyScenario, targets: [ScenarioLesion], absoluteIncrease: Double,
                         immune: Bool) throws(ScenarioError) -> [Timepoint] {
        func sum(_ i: Int) -> Double {
            targets.reduce(0) { $0 + (($1.isNodal ? $1.shortAxis(at: i) : $1.longAxis(at: i)) ?? 0) }
        }
        let baseline = sum(0)
        var nadir = baseline
        var unconfirmed: Double?   // the sum at an iUPD awaiting confirmation
        var result: [Timepoint] = []
        for i in 1..<s.timepoints.count {
            let visit = s.timepoints[i].visit
            let value = sum(i), isNew = newLesion(s, at: i)
            let fromBaseline = (value - baseline) / baseline * 100
            let fromNadir = nadir > 0 ? (value - nadir) / nadir * 100 : .infinity
            func check(_ distance: Double, _ what: String) throws(ScenarioError) {
                guard distance >= percentMargin else {
                    throw ScenarioError(.marginTooSmall, scenario: s.name, visit: visit,
                                        "\(what) is within \(percentMargin) points of its threshold; move the designed sizes away")
                }
            }
            let complete = targets.allSatisfy { t in
                t.isNodal ? (t.shortAxis(at: i) ?? 0) < 10 : t.longAxis(at: i) == nil
            }
            for t in targets where t.isNodal {
                if let sa = t.shortAxis(at: i), abs(sa - 10) < lengthMargin {
                    throw ScenarioError(.marginTooSmall, scenario: s.name, visit: visit, "\(t.id) short axis \(sa) mm is near 10 mm")
                }
            }
            let progression = isNew || (fromNadir >= 20 && value - nadir >= absoluteIncrease)
            if !isNew { try check(abs(fromNadir - 20), "change from nadir \(fromNadir) %") }
            try check(abs(fromBaseline + 30), "change from baseline \(fromBaseline) %")
            var overall: String
            if let pending = unconfirmed {
                // iRECIST: confirmation of the iUPD at the next assessment.
                if isNew || value - pending >= 5 {
                    overall = "iCPD"
                } else {
                    unconfirmed = nil
                    overall = complete ? "iCR" : fromBaseline <= -30 ? "iPR" : "iSD"
                }
            } else if progression {
                overall = immune ? "iUPD" : "PD"
                if immune { unconfirmed = value }
            } else if complete {
                overall = immune ? "iCR" : "CR"
            } else if fromBaseline <= -30 {
                overall = immune ? "iPR" : "PR"
            } else {
                overall = immune ? "iSD" : "SD"
            }
            if unconfirmed == nil, overall != "iCPD" { nadir = min(nadir, value) }
            result.append(Timepoint(visit: visit, sum: value, changeFromBaseline: fromBaseline, newLesion: isNew, overall: overall))
        }
        return result
    }

    /// Lugano 2014, CT-based response (no PET readings in the synthetic study).
    static func lugano(_ s: StudyScenario, targets: [ScenarioLesion]) throws(ScenarioError) -> [Timepoint] {
        func product(_ t: ScenarioLesion, _ i: Int) -> Double {
            guard let l = t.longAxis(at: i), let w = t.shortAxis(at: i) else { return 0 }
            return l * w
        }
        func spd(_ i: Int) -> Double { targets.reduce(0) { $0 + product($1, i) } }
        let baseline = spd(0)
        var lesionNadir = targets.map { product($0, 0) }
        var result: [Timepoint] = []
        for i in 1..<s.timepoints.count {
            let visit = s.timepoints[i].visit
            let value = spd(i), isNew = newLesion(s, at: i)
            let change = (value - baseline) / baseline * 100
            var lesionProgression = false
            for (k, t) in targets.enumerated() {
                let p = product(t, i), ld = t.longAxis(at: i) ?? 0
                let growth = lesionNadir[k] > 0 ? (p - lesionNadir[k]) / lesionNadir[k] * 100 : .infinity
                if ld > 15, growth >= 50 { lesionProgression = true }
                if abs(growth - 50) < percentMargin, ld > 15 {
                    throw ScenarioError(.marginTooSmall, scenario: s.name, visit: visit, "\(t.id) PPD change \(growth) % is near 50 %")
                }
                if let l = t.longAxis(at: i), abs(l - 15) < lengthMargin {
                    throw ScenarioError(.marginTooSmall, scenario: s.name, visit: visit, "\(t.id) LDi \(l) mm is near 15 mm")
                }
                lesionNadir[k] = min(lesionNadir[k], p)
            }
            guard abs(change + 50) >= percentMargin else {
                throw ScenarioError(.marginTooSmall, scenario: s.name, visit: visit, "SPD change \(change) % is near -50 %")
            }
            let complete = targets.allSatisfy { t in t.isNodal ? (t.longAxis(at: i) ?? 0) <= 15 : t.longAxis(at: i) == nil }
            let overall = isNew || lesionProgression ? "PD" : complete ? "CR" : change <= -50 ? "PR" : "SD"
            result.append(Timepoint(visit: visit, sum: value, changeFromBaseline: change, newLesion: isNew, overall: overall))
        }
        return result
    }
}
