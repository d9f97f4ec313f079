internal import Foundation
public import NadirImaging
internal import NadirMeasurement
public import NadirModel
public import NadirRegistration
internal import NadirSegmentation

/// Tracking as a pure function: (baseline, follow-up, registration, lesions) -> proposals.
///
/// 1. Each lesion's baseline position is mapped into the follow-up through the registration and re-segmented
///    there with its preset (lesions in parallel); results overlapping by more than `sameComponentOverlap` are
///    one component. A lesion that cannot be segmented keeps the reason, which its not-found proposal carries.
/// 2. Candidate new lesions: changed blobs from `ChangeScreening`, away from tracked lesions, segmented with the
///    soft-tissue preset, and kept only if they pass the growth, size-limit, shape and contrast tests of
///    `TrackingParameters`; every blob set aside is listed with its reason.
/// 3. `LesionMatcher` assigns components to lesions (Hungarian method) and proposes matches, splits, merges,
///    lesions not found and candidate new lesions.
///
/// Nothing here reads or writes a database or a file.
public struct LesionTracker: Sendable {
    /// The thresholds.
    public var parameters: TrackingParameters
    /// Whether to look for candidate new lesions.
    public var findsNewLesions: Bool

    /// Makes a tracker.
    public init(_ parameters: TrackingParameters = TrackingParameters(), findsNewLesions: Bool = true) {
        self.parameters = parameters
        self.findsNewLesions = findsNewLesions
    }

    /// Tracks `lesions` from `baseline` into `followUp`; `toFollowUp` maps baseline points to follow-up points
    /// (`RegistrationResult.rigid` with the baseline as the fixed image).
    public func track(baseline: Volume<Int16>, followUp: Volume<Int16>, toFollowUp: RigidTransform,
                      lesions: [LesionToTrack]) throws -> TrackingResult {
        try parameters.validate()
        var ids = Set<LesionID>()
        for lesion in lesions where !ids.insert(lesion.id).inserted {
            throw TrackingError(.invalidInput, lesion: lesion.id, detail: "the lesion is listed twice")
        }
        // 1. Tracked lesions, in parallel.
        let attempts = Self.concurrentMap(lesions) { lesion -> Result<FollowUpFinding, Unsegmented> in
            let mapped = toFollowUp.apply(to: lesion.position)
            guard followUp.geometry.index(of: mapped) != nil else {
                return .failure(Unsegmented(reason: "its registered position \(Self.text(mapped)) lies outside the follow-up's field of view"))
            }
            return Self.segment(followUp, at: mapped, preset: lesion.preset, sources: [lesion.id])
                .mapError { Unsegmented(reason: "segmentation at the registered position \(Self.text(mapped)) \($0)") }
        }
        var findings: [FollowUpFinding] = []
        var unsegmented: [LesionID: String] = [:]
        for (lesion, attempt) in zip(lesions, attempts) {
            switch attempt {
            case .failure(let failure): unsegmented[lesion.id] = failure.reason
            case .success(let finding):
                if let same = findings.firstIndex(where: { Self.overlap($0, finding) > parameters.sameComponentOverlap }) {
                    findings[same].sources.append(lesion.id)
                } else {
                    findings.append(finding)
                }
            }
        }
        // 2. Candidate new lesions.
        var rejected: [RejectedCandidate] = []
        if findsNewLesions {
            let blobs = try ChangeScreening(parameters).find(baseline: baseline, followUp: followUp, toFollowUp: toFollowUp)
            let mappedLesions = lesions.map { ($0.id, toFollowUp.apply(to: $0.position)) }
            for blob in blobs {
                func reject(_ reason: String) {
                    rejected.append(RejectedCandidate(centroid: [blob.centroid.x, blob.centroid.y, blob.centroid.z],
                                                      volume: blob.volume, reason: reason))
                }
                if let near = findings.first(where: { norm($0.location.centroidPoint - blob.centroid) < parameters.trackedLesionDistance }) {
                    reject("within \(Self.mm(parameters.trackedLesionDistance)) of \(near.sources.map(\.rawValue).joined(separator: "/").nonEmpty ?? "another candidate")")
                    continue
                }
                if let near = mappedLesions.first(where: { norm($0.1 - blob.centroid) < parameters.trackedLesionDistance }) {
                    reject("within \(Self.mm(parameters.trackedLesionDistance)) of the registered position of \(near.0)")
                    continue
                }
                switch Self.segment(followUp, at: blob.centroid, preset: .softTissue, sources: []) {
                case .failure(let why): reject("segmentation \(why)")
                case .success(let candidate):
                    if let reason = candidateProblem(candidate, blob: blob, baseline: baseline, followUp: followUp,
                                                     toFollowUp: toFollowUp) {
                        reject(reason)
                    } else if findings.contains(where: { Self.overlap($0, candidate) > parameters.sameComponentOverlap }) {
                        reject("its segmentation is a lesion already found")
                    } else {
                        findings.append(candidate)
                    }
                }
            }
        }
        // 3. Assignment.
        let baselineInputs = lesions.map { BaselineLesion(id: $0.id, position: $0.position, volume: $0.volume) }
        let components = findings.enumerated().map { index, f in
            FollowUpComponent(label: index, centroid: f.location.centroidPoint, voxelCount: f.voxelCount,
                              volume: f.measurement.meshVolume,
                              overlaps: Dictionary(f.sources.map { ($0, f.voxelCount) }, uniquingKeysWith: +))
        }
        var outcome = try LesionMatcher(parameters).match(baseline: baselineInputs, followUp: components, transform: toFollowUp)
        outcome.proposals = outcome.proposals.map { proposal in
            guard case .notFound(var missing) = proposal, let why = unsegmented[missing.lesion] else { return proposal }
            missing.reason = "\(why); \(missing.reason)"
            return .notFound(missing)
        }
        return TrackingResult(findings: findings, outcome: outcome, rejectedCandidates: rejected)
    }

    /// Why a segmented candidate is not a new lesion, or nil if it passes every test.
    func candidateProblem(_ c: FollowUpFinding, blob: ChangedBlob, baseline: Volume<Int16>, followUp: Volume<Int16>,
                          toFollowUp: RigidTransform) -> String? {
        let p = parameters
        let volume = c.measurement.meshVolume.doubleValue
        if c.reachedSizeLimit {
            return "its segmentation reached the size limit (\(Self.mm3(volume))): it leaks into normal tissue"
        }
        let limit = max(p.growthFactor * blob.volume, p.growthAllowance)
        if volume > limit {
            return "its segmentation (\(Self.mm3(volume))) spreads beyond the changed blob (\(Self.mm3(blob.volume)); limit \(Self.mm3(limit)))"
        }
        let long = c.measurement.longAxis.millimeters, short = c.measurement.shortAxis.millimeters
        if short < p.minimumShortAxis || long > p.maximumElongation * short {
            return String(format: "a sliver, not a lesion: long axis %.1f mm, short axis %.1f mm (needs short >= %.1f mm and long/short <= %.1f)",
                          long, short, p.minimumShortAxis, p.maximumElongation)
        }
        let change = Self.meanChange(c, baseline: baseline, followUp: followUp, toFollowUp: toFollowUp)
        if !(change >= p.minimumMeanChange) {
            return String(format: "low contrast: mean change %.0f HU over its mask (needs >= %.0f HU)", change, p.minimumMeanChange)
        }
        return nil
    }

    /// Mean |follow-up - registered baseline| (HU) over a finding's mask; baseline trilinear at each voxel.
    static func meanChange(_ f: FollowUpFinding, baseline: Volume<Int16>, followUp: Volume<Int16>,
                           toFollowUp: RigidTransform) -> Double {
        let back = toFollowUp.inverse
        let g = f.mask.geometry, bs = baseline.geometry.size, fs = followUp.geometry.size, lower = f.region.lower
        guard let map = ScreeningGrid.indexMap(from: g, to: baseline.geometry, transform: back.apply(to:)) else { return .nan }
        var sum = 0.0, count = 0
        f.mask.withUnsafeVoxels { mask in
            baseline.withUnsafeVoxels { base in
              followUp.withUnsafeVoxels { now in
                var o = 0
                for z in 0..<g.size.z {
                    for y in 0..<g.size.y {
                        for x in 0..<g.size.x {
                            defer { o &+= 1 }
                            guard mask[o] != 0 else { continue }
                            let c = map.0 + map.1 * Double(x) + map.2 * Double(y) + map.3 * Double(z)
                            guard all(c .>= .zero), c.x <= Double(bs.x - 1), c.y <= Double(bs.y - 1), c.z <= Double(bs.z - 1)
                            else { continue }
                            let i0 = SIMD3<Int>(Int(c.x), Int(c.y), Int(c.z))
                            let i1 = SIMD3<Int>(min(i0.x + 1, bs.x - 1), min(i0.y + 1, bs.y - 1), min(i0.z + 1, bs.z - 1))
                            let t = c - SIMD3<Double>(i0)
                            func at(_ a: Int, _ b: Int, _ d: Int) -> Double { Double(base[(d * bs.y + b) * bs.x + a]) }
                            let c0 = (at(i0.x, i0.y, i0.z) * (1 - t.x) + at(i1.x, i0.y, i0.z) * t.x) * (1 - t.y)
                                + (at(i0.x, i1.y, i0.z) * (1 - t.x) + at(i1.x, i1.y, i0.z) * t.x) * t.y
                            let c1 = (at(i0.x, i0.y, i1.z) * (1 - t.x) + at(i1.x, i0.y, i1.z) * t.x) * (1 - t.y)
                                + (at(i0.x, i1.y, i1.z) * (1 - t.x) + at(i1.x, i1.y, i1.z) * t.x) * t.y
                            let before = c0 * (1 - t.z) + c1 * t.z
                            let value = Double(now[((lower.z + z) * fs.y + lower.y + y) * fs.x + lower.x + x])
                            sum += abs(value - before)
                            count += 1
                        }
                    }
                }
              }
            }
        }
        return count == 0 ? .nan : sum / Double(count)
    }
}

/// Why a lesion could not be re-segmented.
struct Unsegmented: Error {
    var reason: String
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
