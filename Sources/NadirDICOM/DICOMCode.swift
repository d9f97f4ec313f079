import Foundation

/// A coded concept (PS3.3 Table 8.8-1 Code Sequence Macro): value, coding scheme and meaning.
///
/// The constants are the codes of PS3.16 that Nadir's SEG and SR use, each checked against the PS3.16 tables
/// as published in pydicom's code dictionary (`pydicom.sr.codedict`, generated from PS3.16).
public struct DICOMCode: Hashable, Sendable, CustomStringConvertible {
    /// Code Value (0008,0100).
    public var value: String
    /// Coding Scheme Designator (0008,0102): DCM, SCT, UCUM, UMLS, RFC5646...
    public var scheme: String
    /// Code Meaning (0008,0104).
    public var meaning: String

    /// Makes a code.
    public init(_ value: String, _ scheme: String, _ meaning: String) {
        self.value = value
        self.scheme = scheme
        self.meaning = meaning
    }

    /// `(value, scheme, "meaning")`, as PS3.16 writes codes.
    public var description: String { "(\(value), \(scheme), \"\(meaning)\")" }

    /// Whether two codes name the same concept (value and scheme; meanings may be worded differently).
    public func sameConcept(as other: DICOMCode) -> Bool {
        value == other.value && scheme == other.scheme
    }

    func encoder() -> DICOMEncoder {
        var e = DICOMEncoder()
        e.text(DICOMTag(0x0008, 0x0100), .SH, value)
        e.text(DICOMTag(0x0008, 0x0102), .SH, scheme)
        e.text(DICOMTag(0x0008, 0x0104), .LO, meaning)
        return e
    }
}

extension DICOMCode {
    // TID 1500 Measurement Report and TID 1411 Volumetric ROI Measurements (PS3.16 A.35.1, A.35.8 ... A.35.10).
    /// (126000, DCM, "Imaging Measurement Report"): document title of TID 1500 (CID 7021).
    public static let imagingMeasurementReport = DICOMCode("126000", "DCM", "Imaging Measurement Report")
    /// (126010, DCM, "Imaging Measurements"): the container of the measurement groups.
    public static let imagingMeasurements = DICOMCode("126010", "DCM", "Imaging Measurements")
    /// (125007, DCM, "Measurement Group"): one lesion's group (TID 1411 row 1).
    public static let measurementGroup = DICOMCode("125007", "DCM", "Measurement Group")
    /// (112039, DCM, "Tracking Identifier"): the lesion's label, e.g. "T01".
    public static let trackingIdentifier = DICOMCode("112039", "DCM", "Tracking Identifier")
    /// (112040, DCM, "Tracking Unique Identifier"): the lesion's UID, stable across time points.
    public static let trackingUniqueIdentifier = DICOMCode("112040", "DCM", "Tracking Unique Identifier")
    /// (121071, DCM, "Finding").
    public static let finding = DICOMCode("121071", "DCM", "Finding")
    /// (363698007, SCT, "Finding Site").
    public static let findingSite = DICOMCode("363698007", "SCT", "Finding Site")
    /// (121191, DCM, "Referenced Segment") (TID 1411 row 7).
    public static let referencedSegment = DICOMCode("121191", "DCM", "Referenced Segment")
    /// (121232, DCM, "Source series for segmentation") (TID 1411 row 12).
    public static let sourceSeriesForSegmentation = DICOMCode("121232", "DCM", "Source series for segmentation")
    /// (103339001, SCT, "Long Axis").
    public static let longAxis = DICOMCode("103339001", "SCT", "Long Axis")
    /// (103340004, SCT, "Short Axis").
    public static let shortAxis = DICOMCode("103340004", "SCT", "Short Axis")
    /// (118565006, SCT, "Volume").
    public static let volume = DICOMCode("118565006", "SCT", "Volume")
    /// (121049, DCM, "Language of Content Item and Descendants").
    public static let languageOfContent = DICOMCode("121049", "DCM", "Language of Content Item and Descendants")
    /// (en-US, RFC5646, "English (United States)").
    public static let englishUS = DICOMCode("en-US", "RFC5646", "English (United States)")
    /// (121058, DCM, "Procedure reported").
    public static let procedureReported = DICOMCode("121058", "DCM", "Procedure reported")
    /// (77477000, SCT, "Computed Tomography") (CID 100).
    public static let computedTomography = DICOMCode("77477000", "SCT", "Computed Tomography")
    /// (121005, DCM, "Observer Type") (TID 1002).
    public static let observerType = DICOMCode("121005", "DCM", "Observer Type")
    /// (121007, DCM, "Device") (CID 270).
    public static let device = DICOMCode("121007", "DCM", "Device")
    /// (121012, DCM, "Device Observer UID") (TID 1004).
    public static let deviceObserverUID = DICOMCode("121012", "DCM", "Device Observer UID")
    /// (121013, DCM, "Device Observer Name") (TID 1004).
    public static let deviceObserverName = DICOMCode("121013", "DCM", "Device Observer Name")
    /// (126070, DCM, "Subject Time Point Identifier") (TID 1502).
    public static let subjectTimePointIdentifier = DICOMCode("126070", "DCM", "Subject Time Point Identifier")
    /// (C0034375, UMLS, "Qualitative Evaluations") (TID 1500 row 12).
    public static let qualitativeEvaluations = DICOMCode("C0034375", "UMLS", "Qualitative Evaluations")
    /// (112048, DCM, "Current Response").
    public static let currentResponse = DICOMCode("112048", "DCM", "Current Response")
    /// (112021, DCM, "Response Evaluation Method"); its values are CID 6147 Response Criteria.
    public static let responseEvaluationMethod = DICOMCode("112021", "DCM", "Response Evaluation Method")

    // Units (UCUM, CID 7181 and friends).
    /// (mm, UCUM, "millimeter").
    public static let millimeter = DICOMCode("mm", "UCUM", "millimeter")
    /// (mm3, UCUM, "cubic millimeter").
    public static let cubicMillimeter = DICOMCode("mm3", "UCUM", "cubic millimeter")

    // Segmentation (PS3.3 C.8.20.2, CID 7150 / 7151 / 7203 / 7202).
    /// (49755003, SCT, "Morphologically Abnormal Structure") (CID 7150 Segmentation Property Categories).
    public static let morphologicallyAbnormalStructure = DICOMCode("49755003", "SCT", "Morphologically Abnormal Structure")
    /// (108369006, SCT, "Neoplasm").
    public static let neoplasm = DICOMCode("108369006", "SCT", "Neoplasm")
    /// (113076, DCM, "Segmentation") (CID 7203 Image Derivation).
    public static let segmentationDerivation = DICOMCode("113076", "DCM", "Segmentation")
    /// (121322, DCM, "Source image for image processing operation") (CID 7202).
    public static let sourceImageForProcessing = DICOMCode("121322", "DCM", "Source image for image processing operation")

    // Response (CID 6144 RECIST Defined Lesion Response; CID 6145 Baseline Category).
    /// (112041, DCM, "Target Lesion Complete Response").
    public static let targetComplete = DICOMCode("112041", "DCM", "Target Lesion Complete Response")
    /// (112042, DCM, "Target Lesion Partial Response").
    public static let targetPartial = DICOMCode("112042", "DCM", "Target Lesion Partial Response")
    /// (112043, DCM, "Target Lesion Progressive Disease").
    public static let targetProgressive = DICOMCode("112043", "DCM", "Target Lesion Progressive Disease")
    /// (112044, DCM, "Target Lesion Stable Disease").
    public static let targetStable = DICOMCode("112044", "DCM", "Target Lesion Stable Disease")
    /// (112045, DCM, "Non-Target Lesion Complete Response").
    public static let nonTargetComplete = DICOMCode("112045", "DCM", "Non-Target Lesion Complete Response")
    /// (112046, DCM, "Non-Target Lesion Incomplete Response or Stable Disease").
    public static let nonTargetIncomplete = DICOMCode("112046", "DCM", "Non-Target Lesion Incomplete Response or Stable Disease")
    /// (112047, DCM, "Non-Target Lesion Progressive Disease").
    public static let nonTargetProgressive = DICOMCode("112047", "DCM", "Non-Target Lesion Progressive Disease")
    /// (112074, DCM, "Target Lesion at Baseline").
    public static let targetAtBaseline = DICOMCode("112074", "DCM", "Target Lesion at Baseline")
    /// (112075, DCM, "Non-Target Lesion at Baseline").
    public static let nonTargetAtBaseline = DICOMCode("112075", "DCM", "Non-Target Lesion at Baseline")
    /// (112073, DCM ...) is not used: new lesions carry no baseline category.

    /// Finding sites for the organ names Nadir records (SNOMED CT body structures as in CID 4 / CID 7151,
    /// values from PS3.16). Keys are upper-case organ names; paired organs map to the organ.
    public static let findingSites: [String: DICOMCode] = [
        "LIVER": DICOMCode("10200004", "SCT", "Liver"),
        "LUNG": DICOMCode("39607008", "SCT", "Lung"),
        "LYMPH NODE": DICOMCode("59441001", "SCT", "Lymph node"),
        "BRAIN": DICOMCode("12738006", "SCT", "Brain"),
        "BONE": DICOMCode("272673000", "SCT", "Bone"),
        "KIDNEY": DICOMCode("64033007", "SCT", "Kidney"),
        "ADRENAL GLAND": DICOMCode("23451007", "SCT", "Adrenal gland"),
        "SPLEEN": DICOMCode("78961009", "SCT", "Spleen"),
        "PANCREAS": DICOMCode("15776009", "SCT", "Pancreas"),
        "PLEURA": DICOMCode("3120008", "SCT", "Pleura"),
        "BREAST": DICOMCode("76752008", "SCT", "Breast"),
        "SKIN": DICOMCode("39937001", "SCT", "Skin"),
        "STOMACH": DICOMCode("69695003", "SCT", "Stomach"),
        "COLON": DICOMCode("71854001", "SCT", "Colon"),
        "RECTUM": DICOMCode("34402009", "SCT", "Rectum"),
        "PROSTATE": DICOMCode("41216001", "SCT", "Prostate"),
        "OVARY": DICOMCode("15497006", "SCT", "Ovary"),
        "BLADDER": DICOMCode("89837001", "SCT", "Bladder"),
        "MEDIASTINUM": DICOMCode("72410000", "SCT", "Mediastinum"),
        "SOFT TISSUE": DICOMCode("87784001", "SCT", "Soft tissue"),
        "THYROID": DICOMCode("69748006", "SCT", "Thyroid"),
        "ESOPHAGUS": DICOMCode("32849002", "SCT", "Esophagus"),
        "UTERUS": DICOMCode("35039007", "SCT", "Uterus"),
        "RETROPERITONEUM": DICOMCode("82849001", "SCT", "Retroperitoneum"),
        "HEART": DICOMCode("80891009", "SCT", "Heart"),
        "MUSCLE": DICOMCode("71616004", "SCT", "Muscle"),
        "BONE MARROW": DICOMCode("14016003", "SCT", "Bone marrow"),
        "SMALL INTESTINE": DICOMCode("30315005", "SCT", "Small intestine"),
        "OMENTUM": DICOMCode("27398004", "SCT", "Omentum"),
        "GALLBLADDER": DICOMCode("28231008", "SCT", "Gallbladder"),
        "CENTRAL NERVOUS SYSTEM": DICOMCode("21483005", "SCT", "Central nervous system"),
        "SPINE": DICOMCode("421060004", "SCT", "Spine"),
        "PERICARDIUM": DICOMCode("76848001", "SCT", "Pericardium"),
        "CHEST": DICOMCode("816094009", "SCT", "Chest"),
        "ABDOMEN": DICOMCode("818981001", "SCT", "Abdomen"),
        "PELVIS": DICOMCode("816092008", "SCT", "Pelvis"),
    ]

    /// The finding site of an organ name ("LIVER", "Lymph node", "LUNGS"), or `nil` when Nadir has no code for it.
    public static func findingSite(organ: String) -> DICOMCode? {
        let key = organ.uppercased().trimmingCharacters(in: .whitespaces)
        if let code = findingSites[key] { return code }
        if key.hasSuffix("S"), let code = findingSites[String(key.dropLast())] { return code }
        if key.contains("NODE") { return findingSites["LYMPH NODE"] }
        return nil
    }

    /// The organ name Nadir records for a finding site code (the inverse of `findingSite(organ:)`).
    public static func organ(forFindingSite code: DICOMCode) -> String? {
        findingSites.first { $0.value.sameConcept(as: code) }?.key
    }
}
