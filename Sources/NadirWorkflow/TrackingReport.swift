public import NadirModel
public import NadirTracking

/// What tracking found for one follow-up visit: how it was aligned, and what became of every tracked lesion.
public struct TrackingReport: Sendable, Codable {
    /// What tracking proposes for one lesion (or one candidate).
    public struct TrackedLesion: Sendable, Codable {
        /// "matched", "split", "merged", "not-found", "candidate-new", or "needs-status" (non-targets).
        public var kind: String
        /// The baseline lesion(s) concerned (empty for a candidate new lesion).
        public var lesions: [LesionID]
        /// The lesion the proposal is recorded on (the same, a fragment T04.1, a merged T02/T03, a NEWnn).
        public var proposedLesions: [LesionID]
        /// The proposed measurements (confirm with `nadir measure confirm`).
        public var measurements: [NadirModel.Measurement]
        /// The numbers behind the proposal: distance after registration, overlap, volume ratio, or why a lesion
        /// was not found.
        public var detail: String
        /// Where each proposed lesion lies on the follow-up (centroid, bounding box, key slice), in
        /// `proposedLesions` order; empty for a lesion not found.
        public var locations: [LesionLocation]

        public init(kind: String, lesions: [LesionID], proposedLesions: [LesionID], measurements: [NadirModel.Measurement],
                    detail: String, locations: [LesionLocation] = []) {
            self.kind = kind
            self.lesions = lesions
            self.proposedLesions = proposedLesions
            self.measurements = measurements
            self.detail = detail
            self.locations = locations
        }
    }

    public var subject: SubjectID
    public var visit: String
    public var referenceVisit: String
    public var registration: RegistrationSummary
    public var lesions: [TrackedLesion]
    /// Changed blobs not proposed as new lesions, each with the test it failed.
    public var rejectedCandidates: [RejectedCandidate] = []
    /// Unconfirmed proposals of an earlier `track` of this visit that this run replaced.
    public var replaced: [String] = []
    /// Target registration error cannot be known without truth; this is the registration's own final metric.
    public var finalMetric: Double { registration.finalMetric }
}
