public import Foundation

/// A finding about a file or series that does not stop reading but that a person should know
/// (pydicom/dcmtk warnings; style: readers return diagnostics, writers throw).
public struct DICOMDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The kind of finding: an open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable identifier, e.g. `gap`.
        public let rawValue: String
        /// Makes a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A file that could not be read as DICOM (the error says why).
        public static let unreadableFile = Code("unreadableFile")
        /// A DICOM object without image pixels for a volume (SR, presentation state, ...).
        public static let nonImageObject = Code("nonImageObject")
        /// An image without Image Position/Orientation (Patient) or Pixel Spacing.
        public static let missingGeometry = Code("missingGeometry")
        /// Missing slices: a step between neighbours well above the typical step.
        public static let gap = Code("gap")
        /// Steps between slices that differ by more than 1 %.
        public static let unevenSpacing = Code("unevenSpacing")
        /// Slices shifted along the row/column plane: a gantry tilt (or a sheared stack).
        public static let gantryTilt = Code("gantryTilt")
        /// Slices with different orientations or sizes in one series.
        public static let mixedOrientations = Code("mixedOrientations")
        /// Two or more slices at the same position; only the first (lowest Instance Number) is used.
        public static let duplicatePositions = Code("duplicatePositions")
        /// Transfer syntax whose pixel data this reader cannot decode.
        public static let unsupportedTransferSyntax = Code("unsupportedTransferSyntax")
    }

    /// How much the finding matters.
    public enum Severity: String, Hashable, Sendable {
        /// Worth knowing; the volume is right.
        case info
        /// The volume may be wrong or incomplete: look before measuring on it.
        case warning
    }

    /// The kind of finding.
    public var code: Code
    /// How much it matters.
    public var severity: Severity
    /// What was found, with numbers.
    public var message: String
    /// The file concerned, if one.
    public var file: URL?
    /// The element concerned, if one.
    public var tag: DICOMTag?

    /// Makes a diagnostic.
    public init(_ code: Code, _ severity: Severity, _ message: String, file: URL? = nil, tag: DICOMTag? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
        self.tag = tag
    }

    public var description: String {
        var text = "\(severity.rawValue): \(code.rawValue): \(message)"
        if let tag { text += "; tag \(tag)" }
        if let file { text += "; file \(file.path)" }
        return text
    }
}
