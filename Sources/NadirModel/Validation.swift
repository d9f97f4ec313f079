/// Why a clinical record is not acceptable, with where it is (subject, lesion, visit) and what to do.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem: an open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let missingLongAxis = Code("missingLongAxis")
        public static let missingShortAxis = Code("missingShortAxis")
        public static let negativeValue = Code("negativeValue")
        public static let shortAxisExceedsLongAxis = Code("shortAxisExceedsLongAxis")
        public static let valueWithoutMeasuredState = Code("valueWithoutMeasuredState")
        public static let wrongRecordForRole = Code("wrongRecordForRole")
        public static let equivocalOnlyForNewLesions = Code("equivocalOnlyForNewLesions")
        public static let invalidIdentifier = Code("invalidIdentifier")
        public static let invalidReading = Code("invalidReading")
    }

    public var code: Code
    public var subject: SubjectID?
    public var lesion: LesionID?
    public var visit: String?
    /// What is wrong and what to do, in one sentence.
    public var message: String

    public init(_ code: Code, subject: SubjectID? = nil, lesion: LesionID? = nil, visit: String? = nil,
                _ message: String) {
        self.code = code
        self.subject = subject
        self.lesion = lesion
        self.visit = visit
        self.message = message
    }

    public var description: String { ClinicalPlace.describe(message, subject: subject, lesion: lesion, visit: visit) }
}

/// How every error names where it happened: "subject S01, lesion T01, visit WEEK 6: <message>".
public enum ClinicalPlace {
    /// `message`, prefixed by the subject, lesion and visit that are known.
    public static func describe(_ message: String, subject: SubjectID?, lesion: LesionID?, visit: String?) -> String {
        var place: [String] = []
        if let subject { place.append("subject \(subject)") }
        if let lesion { place.append("lesion \(lesion)") }
        if let visit { place.append("visit \(visit)") }
        return place.isEmpty ? message : "\(place.joined(separator: ", ")): \(message)"
    }
}

extension Measurement {
    /// Checks the measurement against the lesion it belongs to (RECIST 1.1 §3.1-3.2, CDISC TR conventions).
    ///
    /// - A measured non-nodal lesion needs its long axis; a measured node needs its short axis (only the short
    ///   axis enters a RECIST sum).
    /// - Lesions too small to measure or not evaluable carry no diameters (RECIST counts a lesion too small to
    ///   measure as 5 mm by rule, not by typed value; if a value can be measured, record it as measured).
    /// - An absent lesion may carry 0 mm, the value RECIST 1.1 §4.3.5 and CDISC TR (`TRSTRESN` 0 with
    ///   `TUMSTATE` ABSENT) record for a lesion believed gone; any non-zero value contradicts "absent".
    /// - Non-target lesions are followed by status, not measured.
    public func validate(for lesion: Lesion) throws(ValidationError) {
        func fail(_ code: ValidationError.Code, _ message: String) -> ValidationError {
            ValidationError(code, subject: subjectID, lesion: lesionID, visit: visit, message)
        }
        if lesion.role == .nonTarget {
            throw fail(.wrongRecordForRole,
                       "non-target lesions are recorded with a status (present, absent, unequivocal-progression, not-evaluable), not with diameters")
        }
        for (name, value) in [("long axis", longAxis), ("short axis", shortAxis)] {
            if let value, value < .zero { throw fail(.negativeValue, "\(name) \(value) is negative") }
        }
        if let volume, volume < .zero { throw fail(.negativeValue, "volume \(volume) is negative") }
        if let sulPeak, sulPeak < .zero { throw fail(.negativeValue, "SULpeak \(sulPeak) is negative") }
        if state != .measured, meanDensity != nil || sulPeak != nil {
            throw fail(.valueWithoutMeasuredState,
                       "density and SULpeak are values of a measured lesion; record them with state measured")
        }
        guard state == .measured else {
            if state == .absent, let value = Self.nonZeroValue(longAxis: longAxis, shortAxis: shortAxis, volume: volume) {
                throw fail(.valueWithoutMeasuredState,
                           "an absent lesion is 0 mm (RECIST 1.1 §4.3.5), but \(value) is recorded; give 0 (or no value) with state absent, or record the value with state measured")
            }
            if state != .absent, longAxis != nil || shortAxis != nil || volume != nil {
                throw fail(.valueWithoutMeasuredState,
                           "state \(state.rawValue) takes no diameters or volume; if the lesion can be measured, record the value with state measured")
            }
            return
        }
        if lesion.isNodal {
            guard shortAxis != nil else {
                throw fail(.missingShortAxis, "a measured lymph node needs its short axis (RECIST 1.1 sums the nodal short axis)")
            }
        } else if longAxis == nil {
            throw fail(.missingLongAxis, "a measured non-nodal lesion needs its long axis")
        }
        if let longAxis, let shortAxis, shortAxis > longAxis {
            throw fail(.shortAxisExceedsLongAxis,
                       "short axis \(shortAxis) is longer than long axis \(longAxis); the short axis is the longest diameter perpendicular to the long axis")
        }
    }
}

extension Measurement {
    /// The first non-zero value among the axes and the volume, described ("long axis 3.00 mm"), or `nil` when
    /// every given value is 0: what makes a record with state absent contradictory.
    public static func nonZeroValue(longAxis: Length?, shortAxis: Length?, volume: VolumeMeasure?) -> String? {
        if let longAxis, longAxis != .zero { return "long axis \(longAxis)" }
        if let shortAxis, shortAxis != .zero { return "short axis \(shortAxis)" }
        if let volume, volume != .zero { return "volume \(volume)" }
        return nil
    }

    /// The record as stored: an absent lesion's 0 mm is the rule's value, so it is kept as no value (0 mm
    /// and empty are the same record, and re-importing either is unchanged).
    public var normalizingAbsence: Measurement {
        guard state == .absent else { return self }
        var copy = self
        copy.longAxis = nil
        copy.shortAxis = nil
        copy.volume = nil
        return copy
    }
}

extension LesionStatus {
    /// Checks the status against the lesion it belongs to: targets are measured, not given a status, and only
    /// new lesions can be equivocal (RECIST 1.1 §4.3.5).
    public func validate(for lesion: Lesion) throws(ValidationError) {
        if lesion.role == .target {
            throw ValidationError(.wrongRecordForRole, subject: subjectID, lesion: lesionID, visit: visit,
                                  "target lesions are recorded with a measurement state (measured, too-small, absent, not-evaluable), not with status \(status.rawValue)")
        }
        if status == .equivocal, lesion.role != .new {
            throw ValidationError(.equivocalOnlyForNewLesions, subject: subjectID, lesion: lesionID, visit: visit,
                                  "only a new lesion can be equivocal; a known lesion is present, absent or unequivocally progressing")
        }
    }
}

/// Identifier text rules shared by every entry point (CLI, CSV, SR): printable, no leading or trailing
/// spaces, at most 64 characters (the DICOM LO length), no '/' except in merged lesion labels.
public enum IdentifierRules {
    /// Returns why `text` is not an acceptable identifier, or `nil` if it is.
    public static func problem(with text: String, allowSlash: Bool = false) -> String? {
        if text.isEmpty { return "is empty" }
        if text.count > 64 { return "is longer than 64 characters" }
        if text != text.trimmingSpaces { return "has leading or trailing spaces" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains control characters"
        }
        if !allowSlash, text.contains("/") { return "contains '/'" }
        return nil
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
