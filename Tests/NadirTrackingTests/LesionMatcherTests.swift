import Foundation
import NadirImaging
import NadirModel
import NadirRegistration
import NadirTracking
import Testing

@Suite struct LesionMatcherTests {
    /// A follow-up scan shifted 30 mm and turned 8 degrees relative to baseline.
    static let truth = RigidTransform(rotation: Versor(axis: [0.2, 0.3, 1], angle: 8 * Double.pi / 180),
                                      translation: [18, -10, 22], center: [0, 0, 0])

    static func volume(_ mm3: Int) -> VolumeMeasure { VolumeMeasure(units: Int64(mm3) * 100) }

    static func component(_ label: Int, at p: SIMD3<Double>, _ mm3: Int, overlaps: [LesionID: Int] = [:])
        -> FollowUpComponent {
        FollowUpComponent(label: label, centroid: p, voxelCount: mm3, volume: volume(mm3), overlaps: overlaps)
    }

    static let baseline: [BaselineLesion] = [
        BaselineLesion(id: "T01", position: [-60, 10, 20], volume: volume(900)),
        BaselineLesion(id: "T02", position: [20, -30, 0], volume: volume(400)),
        BaselineLesion(id: "T03", position: [28, -30, 6], volume: volume(300)),
        BaselineLesion(id: "T04", position: [0, 50, -40], volume: volume(2000)),
        BaselineLesion(id: "T05", position: [70, 40, 60], volume: volume(500)),
        BaselineLesion(id: "T06", position: [-30, -60, -70], volume: volume(700)),
    ]

    /// Follow-up: T01 grown and slightly off, T02+T03 coalesced, T04 in two pieces, T05 gone, T06 found,
    /// one large new lesion and one speck.
    static func followUp() -> [FollowUpComponent] {
        let t = truth
        return [
            component(1, at: t.apply(to: [-59, 11, 21]), 1500),
            component(2, at: (t.apply(to: [20, -30, 0]) + t.apply(to: [28, -30, 6])) / 2, 900,
                      overlaps: ["T02": 350, "T03": 280]),
            component(3, at: t.apply(to: [4, 50, -40]), 1100),
            component(4, at: t.apply(to: [-5, 52, -40]), 700),
            component(5, at: t.apply(to: [-30, -60, -71]), 650),
            component(6, at: t.apply(to: [60, -60, 40]), 800),
            component(7, at: t.apply(to: [-70, 70, -10]), 20),
        ]
    }

    @Test func proposesMatchMergeSplitAbsenceAndNewLesion() throws {
        let outcome = try LesionMatcher().match(baseline: Self.baseline, followUp: Self.followUp(),
                                                transform: Self.truth)
        var matched: [LesionID: Int] = [:]
        var merged: [MergeProposal] = [], splits: [SplitProposal] = [], missing: [LesionID] = [], new: [Int] = []
        for proposal in outcome.proposals {
            switch proposal {
            case .matched(let m): matched[m.lesion] = m.component
            case .merged(let m): merged.append(m)
            case .split(let s): splits.append(s)
            case .notFound(let n): missing.append(n.lesion)
            case .candidateNew(let c): new.append(c.component)
            }
        }
        #expect(matched == ["T01": 1, "T06": 5])
        #expect(merged.map(\.proposedID) == ["T02/T03"])
        #expect(merged.first?.component == 2)
        #expect(splits.map(\.lesion) == ["T04"])
        #expect(splits.first?.fragments.map(\.proposedID) == ["T04.1", "T04.2"])
        #expect(splits.first?.fragments.map(\.component) == [3, 4])  // largest fragment first
        #expect(missing == ["T05"])
        #expect(new == [6])
        #expect(outcome.smallUnmatchedComponents == [7])
        // Never silently dropped: every baseline lesion is in exactly one proposal.
        let mentioned = outcome.proposals.flatMap(\.lesions)
        #expect(mentioned.sorted() == Self.baseline.map(\.id).sorted())
        // The numbers behind the match: T01 centroid was 1.73 mm (√3) from the mapped baseline point.
        if case .matched(let m)? = outcome.proposals.first(where: { $0.lesions == ["T01"] }) {
            #expect(m.distance == Length(units: 173))
            #expect(abs((m.volumeRatio ?? 0) - 1500.0 / 900.0) < 1e-9)
        }
    }

    @Test func withoutTheRegistrationTheShiftedLesionsAreNotFound() throws {
        let outcome = try LesionMatcher().match(baseline: Self.baseline, followUp: Self.followUp(),
                                                transform: RigidTransform.identity)
        let found = outcome.proposals.filter { if case .matched = $0 { true } else { false } }
        #expect(found.isEmpty)
    }

    @Test func assignmentIsOptimalNotGreedy() throws {
        // A is nearest to X (2 mm), but then B would have to take Y (14 mm); A->Y (3) + B->X (3) is better.
        let lesions = [BaselineLesion(id: "A", position: [0, 0, 0]), BaselineLesion(id: "B", position: [0, 5, 0])]
        let components = [Self.component(1, at: [0, 2, 0], 500), Self.component(2, at: [0, -3, 0], 500)]
        let outcome = try LesionMatcher().match(baseline: lesions, followUp: components,
                                                transform: RigidTransform.identity)
        var pairs: [LesionID: Int] = [:]
        for case .matched(let m) in outcome.proposals { pairs[m.lesion] = m.component }
        #expect(pairs == ["A": 2, "B": 1])
    }

    @Test func duplicateLesionIdentifiersAreRejected() {
        let lesions = [BaselineLesion(id: "T01", position: .zero), BaselineLesion(id: "T01", position: [1, 0, 0])]
        #expect(throws: TrackingError.self) {
            try LesionMatcher().match(baseline: lesions, followUp: [], transform: RigidTransform.identity)
        }
    }
}
