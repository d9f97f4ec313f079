public import NadirModel
public import NadirRegistration
internal import NadirImaging
internal import Foundation

/// Tracks baseline lesions into a follow-up scan: maps each baseline position through the registration,
/// assigns follow-up components to lesions optimally (Hungarian method on a cost from registered distance
/// and mask overlap), then proposes splits, merges, lesions not found and candidate new lesions.
public struct LesionMatcher: Sendable {
    /// The thresholds (search radius, radius factor, smallest new lesion).
    public var parameters: TrackingParameters

    /// Makes a matcher.
    public init(_ parameters: TrackingParameters = TrackingParameters()) {
        self.parameters = parameters
    }

    /// Cost of leaving a lesion unassigned; above any admissible pair, below any inadmissible one.
    static let notFoundCost = 2.0
    static let forbiddenCost = 1e6

    /// Proposes what became of each baseline lesion; `transform` maps baseline points to follow-up points
    /// (a `RegistrationResult.transform` with the baseline as the fixed image).
    public func match(baseline: [BaselineLesion], followUp: [FollowUpComponent],
                      transform: some SpatialTransform) throws -> TrackingOutcome {
        try validate(baseline, followUp)
        let mapped = baseline.map { transform.apply(to: $0.position) }
        let radii = baseline.map(searchRadius)
        let n = baseline.count, m = followUp.count
        var distance = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        var overlap = distance
        var admissible = [[Bool]](repeating: [Bool](repeating: false, count: m), count: n)
        var cost = [[Double]](repeating: [Double](repeating: Self.notFoundCost, count: m + n), count: n)
        for i in 0..<n {
            for (j, c) in followUp.enumerated() {
                distance[i][j] = norm(mapped[i] - c.centroid)
                let inside = c.overlaps[baseline[i].id] ?? 0
                overlap[i][j] = c.voxelCount > 0 ? min(1, Double(inside) / Double(c.voxelCount)) : 0
                admissible[i][j] = distance[i][j] <= radii[i] || inside > 0
                cost[i][j] = admissible[i][j] ? min(distance[i][j] / radii[i], 1) - overlap[i][j] : Self.forbiddenCost
            }
        }
        let assignment = n == 0 ? [] : try HungarianAssignment.minimumCostAssignment(cost)
        var lesionComponent = [Int?](repeating: nil, count: n)
        var componentLesion = [Int?](repeating: nil, count: m)
        for (i, j) in assignment.enumerated() {
            if let j, j < m {
                lesionComponent[i] = j
                componentLesion[j] = i
            }
        }
        // Merges: an unassigned lesion whose admissible component went to another lesion.
        var mergedInto = [Int: [Int]]()  // component -> lesions
        for i in 0..<n where lesionComponent[i] == nil {
            let candidates = (0..<m).filter { admissible[i][$0] && componentLesion[$0] != nil }
            if let j = candidates.min(by: { cost[i][$0] < cost[i][$1] }), let owner = componentLesion[j] {
                mergedInto[j, default: [owner]].append(i)
            }
        }
        // Splits: an unassigned component admissible for a matched, unmerged lesion.
        var fragments = [Int: [Int]]()  // lesion -> extra components
        for j in 0..<m where componentLesion[j] == nil {
            let candidates = (0..<n).filter {
                admissible[$0][j] && lesionComponent[$0].map { mergedInto[$0] == nil } == true
            }
            if let i = candidates.min(by: { cost[$0][j] < cost[$1][j] }) { fragments[i, default: []].append(j) }
        }
        var proposals: [TrackingProposal] = []
        var claimed = Set<Int>()
        for i in 0..<n {
            let lesion = baseline[i]
            if let j = lesionComponent[i], let group = mergedInto[j] {
                guard group.first == i else { continue }
                claimed.insert(j)
                let members = group.sorted { baseline[$0].id < baseline[$1].id }
                proposals.append(.merged(MergeProposal(
                    lesions: members.map { baseline[$0].id },
                    proposedID: LesionID(members.map { baseline[$0].id.rawValue }.joined(separator: "/")),
                    component: followUp[j].label, distances: members.map { Self.length(distance[$0][j]) },
                    volume: followUp[j].volume)))
            } else if let j = lesionComponent[i], let extra = fragments[i] {
                let parts = ([j] + extra).sorted { followUp[$0].volume > followUp[$1].volume }
                claimed.formUnion(parts)
                proposals.append(.split(SplitProposal(
                    lesion: lesion.id, mappedPosition: mapped[i],
                    fragments: parts.enumerated().map { k, part in
                        SplitFragment(proposedID: LesionID("\(lesion.id.rawValue).\(k + 1)"),
                                      component: followUp[part].label, distance: Self.length(distance[i][part]),
                                      volume: followUp[part].volume)
                    })))
            } else if let j = lesionComponent[i] {
                claimed.insert(j)
                let ratio = lesion.volume.flatMap { $0.units > 0 ? followUp[j].volume.doubleValue / $0.doubleValue : nil }
                proposals.append(.matched(MatchProposal(
                    lesion: lesion.id, component: followUp[j].label, mappedPosition: mapped[i],
                    distance: Self.length(distance[i][j]), overlapFraction: overlap[i][j], volumeRatio: ratio,
                    cost: cost[i][j])))
            } else if !mergedInto.values.contains(where: { $0.contains(i) }) {
                let nearest = (0..<m).min { distance[i][$0] < distance[i][$1] }
                let radius = Self.length(radii[i])
                let reason = nearest.map {
                    "no component within \(radius) of the registered position (nearest: \(Self.length(distance[i][$0])) away)"
                } ?? "no component in the follow-up"
                proposals.append(.notFound(NotFoundProposal(
                    lesion: lesion.id, mappedPosition: mapped[i], nearestComponent: nearest.map { followUp[$0].label },
                    nearestDistance: nearest.map { Self.length(distance[i][$0]) }, searchRadius: radius, reason: reason)))
            }
        }
        var small: [Int] = []
        for (j, component) in followUp.enumerated() where !claimed.contains(j) {
            guard component.volume >= parameters.minimumNewLesionVolume else {
                small.append(component.label)
                continue
            }
            let nearest = (0..<n).min { distance[$0][j] < distance[$1][j] }
            proposals.append(.candidateNew(CandidateNewProposal(
                component: component.label, centroid: component.centroid, volume: component.volume,
                nearestLesion: nearest.map { baseline[$0].id },
                nearestDistance: nearest.map { Self.length(distance[$0][j]) })))
        }
        return TrackingOutcome(proposals: proposals, smallUnmatchedComponents: small)
    }

    /// The search radius for a lesion: the configured radius, widened for large lesions.
    func searchRadius(_ lesion: BaselineLesion) -> Double {
        let base = parameters.searchRadius.doubleValue
        guard let volume = lesion.volume, volume.units > 0 else { return base }
        let equivalentRadius = cbrt(3 * volume.doubleValue / (4 * Double.pi))
        return max(base, parameters.radiusFactor * equivalentRadius)
    }

    static func length(_ millimetres: Double) -> Length {
        Length(rounding: millimetres) ?? Length(units: Int64.max)
    }

    private func validate(_ baseline: [BaselineLesion], _ followUp: [FollowUpComponent]) throws {
        var ids = Set<LesionID>()
        for lesion in baseline {
            guard ids.insert(lesion.id).inserted else {
                throw TrackingError(.invalidInput, lesion: lesion.id, detail: "duplicate baseline lesion")
            }
            guard lesion.position.x.isFinite, lesion.position.y.isFinite, lesion.position.z.isFinite else {
                throw TrackingError(.invalidInput, lesion: lesion.id,
                                        detail: "baseline position \(lesion.position) is not finite")
            }
        }
        var labels = Set<Int>()
        for c in followUp {
            guard labels.insert(c.label).inserted else {
                throw TrackingError(.invalidInput, detail: "duplicate follow-up component label \(c.label)")
            }
            guard c.centroid.x.isFinite, c.centroid.y.isFinite, c.centroid.z.isFinite, c.voxelCount >= 0 else {
                throw TrackingError(.invalidInput,
                                        detail: "component \(c.label): centroid \(c.centroid) or voxel count invalid")
            }
        }
    }
}
