public import NadirModel

/// A baseline lesion found again as one follow-up component.
public struct MatchProposal: Hashable, Sendable, Codable {
    /// The baseline lesion.
    public var lesion: LesionID
    /// The follow-up component's label.
    public var component: Int
    /// Where the baseline position lands in the follow-up (LPS mm) through the registration.
    public var mappedPosition: SIMD3<Double>
    /// Distance from the mapped position to the component's centroid.
    public var distance: Length
    /// Fraction of the component's voxels inside the lesion's mapped baseline mask (0 when unknown).
    public var overlapFraction: Double
    /// Follow-up volume / baseline volume, when the baseline volume is known.
    public var volumeRatio: Double?
    /// The assignment cost (distance over search radius, minus overlap).
    public var cost: Double
}

/// One fragment of a lesion that split.
public struct SplitFragment: Hashable, Sendable, Codable {
    /// The proposed identifier, e.g. "T04.1" (largest fragment first).
    public var proposedID: LesionID
    /// The follow-up component's label.
    public var component: Int
    /// Distance from the lesion's mapped position to the component's centroid.
    public var distance: Length
    /// The component's volume.
    public var volume: VolumeMeasure
}

/// A baseline lesion that now appears as several nearby components (CDISC split: T04 → T04.1, T04.2).
public struct SplitProposal: Hashable, Sendable, Codable {
    /// The baseline lesion.
    public var lesion: LesionID
    /// Where the baseline position lands in the follow-up (LPS mm) through the registration.
    public var mappedPosition: SIMD3<Double>
    /// The fragments, largest first.
    public var fragments: [SplitFragment]
}

/// Several baseline lesions that now form one component (CDISC merge: T02, T03 → T02/T03).
public struct MergeProposal: Hashable, Sendable, Codable {
    /// The merged lesions, in identifier order.
    public var lesions: [LesionID]
    /// The proposed identifier of the coalesced lesion, e.g. "T02/T03".
    public var proposedID: LesionID
    /// The follow-up component's label.
    public var component: Int
    /// Distance from each lesion's mapped position to the component's centroid, in `lesions` order.
    public var distances: [Length]
    /// The component's volume.
    public var volume: VolumeMeasure
}

/// A baseline lesion with no follow-up component near its mapped position: absent, or too small to measure.
public struct NotFoundProposal: Hashable, Sendable, Codable {
    /// The baseline lesion.
    public var lesion: LesionID
    /// Where the baseline position lands in the follow-up (LPS mm) through the registration.
    public var mappedPosition: SIMD3<Double>
    /// The nearest component and its distance, if any component exists.
    public var nearestComponent: Int?
    /// Distance to the nearest candidate, if any.
    public var nearestDistance: Length?
    /// The search radius that no component fell within.
    public var searchRadius: Length
    /// Why nothing was found: no component near, or the lesion could not be re-segmented (and why).
    public var reason: String
}

/// A follow-up component matched to no baseline lesion and large enough to be a new lesion.
public struct CandidateNewProposal: Hashable, Sendable, Codable {
    /// The follow-up component's label.
    public var component: Int
    /// The component's centroid in the follow-up, LPS mm.
    public var centroid: SIMD3<Double>
    /// The component's volume.
    public var volume: VolumeMeasure
    /// The nearest baseline lesion (by mapped position) and its distance.
    public var nearestLesion: LesionID?
    /// Distance to the nearest candidate, if any.
    public var nearestDistance: Length?
}

/// What the tracker proposes for a person to confirm; every baseline lesion appears in exactly one proposal.
public enum TrackingProposal: Hashable, Sendable, Codable {
    /// Found again as one component.
    case matched(MatchProposal)
    /// Now several components (T04 → T04.1, T04.2).
    case split(SplitProposal)
    /// Coalesced with other lesions into one component (T02/T03).
    case merged(MergeProposal)
    /// No component near: absent or too small to measure, for a person to decide.
    case notFound(NotFoundProposal)
    /// A large unmatched component: a possible new lesion, for a person to accept or reject.
    case candidateNew(CandidateNewProposal)

    /// The baseline lesions this proposal concerns.
    public var lesions: [LesionID] {
        switch self {
        case .matched(let m): [m.lesion]
        case .split(let s): [s.lesion]
        case .merged(let m): m.lesions
        case .notFound(let n): [n.lesion]
        case .candidateNew: []
        }
    }
}

/// The tracker's output: proposals plus the components too small to propose as new lesions (listed, not hidden).
public struct TrackingOutcome: Hashable, Sendable, Codable {
    /// One proposal per baseline lesion (or group of merged lesions) and per candidate new lesion.
    public var proposals: [TrackingProposal]
    /// Labels of unmatched components below `TrackingParameters.minimumNewLesionVolume`.
    public var smallUnmatchedComponents: [Int]
}
