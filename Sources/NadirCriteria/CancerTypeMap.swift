public import NadirModel

/// The contents of `Criteria/cancer-types.yaml`: each cancer type's default criteria, and the defaults for
/// protocol classes such as immunotherapy.
public struct CancerTypeMap: Hashable, Sendable, Codable {
    /// One cancer type.
    public struct Entry: Hashable, Sendable, Codable {
        /// Display name, e.g. "Non-small-cell lung cancer".
        public var name: String
        /// The default criteria id.
        public var criteria: CriteriaID
        /// Why: the guideline or consensus that makes this the default.
        public var source: String
    }

    /// File format version.
    public var version: String
    /// Cancer type key (as in `Patient.cancerType`, compared case-insensitively) -> entry.
    public var cancerTypes: [String: Entry]
    /// Protocol class (e.g. "immunotherapy") -> entry.
    public var protocolClasses: [String: Entry]

    /// Makes a map (normally loaded from `cancer-types.yaml`).
    public init(version: String = "1", cancerTypes: [String: Entry] = [:], protocolClasses: [String: Entry] = [:]) {
        self.version = version
        self.cancerTypes = cancerTypes
        self.protocolClasses = protocolClasses
    }

    /// Adds `other`'s entries, replacing same-named ones (a site's file refines the shipped one).
    mutating func merge(_ other: CancerTypeMap) {
        for (key, entry) in other.cancerTypes { cancerTypes[key.lowercased()] = entry }
        for (key, entry) in other.protocolClasses { protocolClasses[key.lowercased()] = entry }
    }
}
