/// A string identifier tagged with what it identifies, so a subject ID cannot be passed where a lesion ID
/// is expected. Encodes as a plain string.
public struct Identifier<Kind: IdentifierKind>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What an `Identifier` names.
public protocol IdentifierKind: Sendable {}

/// Tag for trial identifiers.
public enum TrialKind: IdentifierKind {}
/// Tag for subject identifiers.
public enum SubjectKind: IdentifierKind {}
/// Tag for lesion tracking identifiers.
public enum LesionKind: IdentifierKind {}
/// Tag for criteria identifiers.
public enum CriteriaKind: IdentifierKind {}

/// A trial's identifier, e.g. the protocol number "NADIR-DEMO-01".
public typealias TrialID = Identifier<TrialKind>

/// A trial subject identifier (CDISC USUBJID or SUBJID), the only name Nadir knows a patient by.
///
/// Patient names, birth dates and hospital identifiers never enter Nadir (DICOM PS3.15 Annex E).
public typealias SubjectID = Identifier<SubjectKind>

/// A lesion's tracking identifier within one patient, e.g. "T01", "NT02", "NEW01", "T04.1" (split) or
/// "T02/T03" (merged): DICOM SR (112039, DCM, "Tracking Identifier"), CDISC TULNKID.
public typealias LesionID = Identifier<LesionKind>

/// A response criterion's identifier, the `id` of a file in `Criteria/`, e.g. "recist-1.1".
public typealias CriteriaID = Identifier<CriteriaKind>

extension Identifier where Kind == CriteriaKind {
    /// RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247), the default for solid tumours.
    public static var recist11: CriteriaID { "recist-1.1" }
}
