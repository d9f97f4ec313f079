/// The DICOM Basic Application Level Confidentiality Profile (PS3.15 Annex E) as Nadir applies it.
///
/// Nadir never copies a data set: `ScanMetadata` is built from an allow-list, and every tag on that list is
/// checked against Table E.1-1 (`basicProfileActions`, generated). Two Annex E options are applied:
/// - **Retain UIDs Option** (E.3.9): Study, Series, SOP Instance and Frame of Reference UIDs are kept, because a
///   SEG must be matched to the series it segments and follow-up studies to their baseline, and the trial's
///   image archive keeps the same UIDs. UIDs identify images, not people; the link from UID to patient lives
///   only in the site's PACS.
/// - **Retain Longitudinal Temporal Information with Full Dates Option** (E.3.6): only when the caller asks
///   (`DeidentificationOptions.retainLongitudinalTemporalInformation`); then the acquisition date is kept,
///   since response criteria need the interval between scans. Otherwise no date leaves the reader.
public enum DICOMConfidentialityProfile {
    /// The tags Table E.1-1 names whose value `ScanMetadata` may hold under `options`: the UIDs of the
    /// Retain UIDs Option, and the acquisition date under the temporal option.
    public static func permittedProfileTags(options: DeidentificationOptions) -> Set<DICOMTag> {
        var tags: Set<DICOMTag> = [.studyInstanceUID, .seriesInstanceUID, .frameOfReferenceUID]
        if options.retainLongitudinalTemporalInformation {
            tags.formUnion([.acquisitionDate, .seriesDate, .contentDate, .studyDate])
        }
        return tags
    }

    /// Whether Table E.1-1 names `tag`; private tags count as named (E.3.10: removed unless retained as safe).
    public static func isNamedByBasicProfile(_ tag: DICOMTag) -> Bool {
        tag.isPrivate || basicProfileActions[tag] != nil || isCurveOrOverlayComment(tag)
    }

    /// Curve data (50xx,xxxx) and overlay comments/data (60xx,3000 and 60xx,4000), named by group in E.1-1.
    static func isCurveOrOverlayComment(_ tag: DICOMTag) -> Bool {
        tag.group & 0xFF00 == 0x5000 || (tag.group & 0xFF00 == 0x6000 && (tag.element == 0x3000 || tag.element == 0x4000))
    }
}

/// Which Annex E options the reader applies beyond the Basic Profile (PS3.15 Table E.1-1 columns).
public struct DeidentificationOptions: Hashable, Sendable {
    /// Keep the real acquisition date (Retain Longitudinal Temporal Information with Full Dates Option, E.3.6).
    public var retainLongitudinalTemporalInformation: Bool

    /// Makes options; by default no date is kept.
    public init(retainLongitudinalTemporalInformation: Bool = false) {
        self.retainLongitudinalTemporalInformation = retainLongitudinalTemporalInformation
    }
}
