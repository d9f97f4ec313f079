/// A clinical trial (or a clinic's cohort): the protocol and the criteria its patients are judged by
/// unless a patient's cancer type or an explicit override says otherwise.
public struct Trial: Hashable, Sendable, Codable {
    public var id: TrialID
    /// The protocol's title or number, as the sponsor writes it.
    public var protocolName: String
    /// The response criteria the protocol names (the `id` of a file in `Criteria/`).
    public var defaultCriteria: CriteriaID

    public init(id: TrialID, protocolName: String, defaultCriteria: CriteriaID = .recist11) {
        self.id = id
        self.protocolName = protocolName
        self.defaultCriteria = defaultCriteria
    }
}
