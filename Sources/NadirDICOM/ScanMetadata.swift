/// De-identified facts about a scan, built only from an allow-list of tags (`ScanMetadata.allowList`), none of
/// which the Basic Application Level Confidentiality Profile (PS3.15 Annex E) names, except the UIDs kept under
/// the Retain UIDs Option and the acquisition date kept only under the Retain Longitudinal Temporal Information
/// Option (see `DICOMConfidentialityProfile`). Safe to store, log and report.
public struct ScanMetadata: Hashable, Sendable, Codable {
    /// Modality (0008,0060), e.g. CT, MR.
    public var modality: String?
    /// SOP Class UID (0008,0016): what kind of object.
    public var sopClassUID: String?
    /// Study Instance UID (0020,000D), kept under the Retain UIDs Option.
    public var studyInstanceUID: String?
    /// Series Instance UID (0020,000E), kept under the Retain UIDs Option.
    public var seriesInstanceUID: String?
    /// Frame of Reference UID (0020,0052), kept under the Retain UIDs Option.
    public var frameOfReferenceUID: String?
    /// Manufacturer (0008,0070).
    public var manufacturer: String?
    /// Manufacturer's Model Name (0008,1090).
    public var manufacturerModelName: String?
    /// Body Part Examined (0018,0015).
    public var bodyPartExamined: String?
    /// Slice Thickness (0018,0050), mm, as recorded (the reconstruction thickness, not the spacing).
    public var sliceThickness: Double?
    /// KVP (0018,0060).
    public var kvp: Double?
    /// Convolution Kernel (0018,1210).
    public var convolutionKernel: String?
    /// Patient Position (0018,5100), e.g. HFS.
    public var patientPosition: String?
    /// Magnetic Field Strength (0018,0087), T.
    public var magneticFieldStrength: Double?
    /// Echo Time (0018,0081), ms.
    public var echoTime: Double?
    /// Repetition Time (0018,0080), ms.
    public var repetitionTime: Double?
    /// Pixel Spacing (0028,0030) as stored: row spacing, column spacing, mm.
    public var pixelSpacing: [Double]
    /// Rescale Slope (0028,1053) of the first slice.
    public var rescaleSlope: Double?
    /// Rescale Intercept (0028,1052) of the first slice.
    public var rescaleIntercept: Double?
    /// Rescale Type (0028,1054), e.g. HU.
    public var rescaleType: String?
    /// Window Center/Width (0028,1050/1051) pairs, in rescaled units.
    public var windowPresets: [WindowPreset]
    /// Bits Stored (0028,0101).
    public var bitsStored: Int?
    /// Acquisition Date (0008,0022, else Series or Study Date) as YYYYMMDD: only with the Retain Longitudinal
    /// Temporal Information with Full Dates Option, else `nil`.
    public var acquisitionDate: String?

    /// A display window in rescaled units (PS3.3 C.11.2.1.2).
    public struct WindowPreset: Hashable, Sendable, Codable {
        /// Window Center.
        public var center: Double
        /// Window Width.
        public var width: Double
        /// Makes a preset.
        public init(center: Double, width: Double) {
            self.center = center
            self.width = width
        }
    }

    /// Every tag `init(dataSet:options:)` may read. A test proves that none is named by PS3.15 Table E.1-1
    /// unless `DICOMConfidentialityProfile.permittedProfileTags` allows it.
    public static let allowList: Set<DICOMTag> = [
        .modality, .sopClassUID, .studyInstanceUID, .seriesInstanceUID, .frameOfReferenceUID, .manufacturer,
        .manufacturerModelName, .bodyPartExamined, .sliceThickness, .kvp, .convolutionKernel, .patientPosition,
        .magneticFieldStrength, .echoTime, .repetitionTime, .pixelSpacing, .rescaleSlope, .rescaleIntercept,
        .rescaleType, .windowCenter, .windowWidth, .bitsStored, .acquisitionDate, .seriesDate, .studyDate,
        .sharedFunctionalGroupsSequence, .pixelMeasuresSequence, .pixelValueTransformationSequence,
        .frameVOILUTSequence,
    ]

    /// Builds the metadata from a data set through the allow-list; no other attribute is read.
    public init(dataSet: DICOMDataSet, options: DeidentificationOptions = DeidentificationOptions()) {
        let ds = AllowListed(dataSet)
        let shared = ds.firstItem(.sharedFunctionalGroupsSequence)
        let measures = shared?.firstItem(.pixelMeasuresSequence)
        let transform = shared?.firstItem(.pixelValueTransformationSequence)
        let voi = shared?.firstItem(.frameVOILUTSequence)
        modality = ds.string(.modality)
        sopClassUID = ds.string(.sopClassUID)
        studyInstanceUID = ds.string(.studyInstanceUID)
        seriesInstanceUID = ds.string(.seriesInstanceUID)
        frameOfReferenceUID = ds.string(.frameOfReferenceUID)
        manufacturer = ds.string(.manufacturer)
        manufacturerModelName = ds.string(.manufacturerModelName)
        bodyPartExamined = ds.string(.bodyPartExamined)
        sliceThickness = ds.double(.sliceThickness) ?? measures?.double(.sliceThickness)
        kvp = ds.double(.kvp)
        convolutionKernel = ds.string(.convolutionKernel)
        patientPosition = ds.string(.patientPosition)
        magneticFieldStrength = ds.double(.magneticFieldStrength)
        echoTime = ds.double(.echoTime)
        repetitionTime = ds.double(.repetitionTime)
        pixelSpacing = ds.doubles(.pixelSpacing) ?? measures?.doubles(.pixelSpacing) ?? []
        rescaleSlope = ds.double(.rescaleSlope) ?? transform?.double(.rescaleSlope)
        rescaleIntercept = ds.double(.rescaleIntercept) ?? transform?.double(.rescaleIntercept)
        rescaleType = ds.string(.rescaleType) ?? transform?.string(.rescaleType)
        let centers = ds.doubles(.windowCenter) ?? voi?.doubles(.windowCenter) ?? []
        let widths = ds.doubles(.windowWidth) ?? voi?.doubles(.windowWidth) ?? []
        windowPresets = zip(centers, widths).map { WindowPreset(center: $0, width: $1) }
        bitsStored = ds.int(.bitsStored)
        if options.retainLongitudinalTemporalInformation {
            acquisitionDate = ds.string(.acquisitionDate) ?? ds.string(.seriesDate) ?? ds.string(.studyDate)
        }
    }
}

/// A view of a data set that reads only `ScanMetadata.allowList` tags: reading any other is a programmer error.
private struct AllowListed {
    let base: DICOMDataSet
    init(_ base: DICOMDataSet) { self.base = base }
    private func check(_ tag: DICOMTag) {
        precondition(ScanMetadata.allowList.contains(tag), "ScanMetadata read \(tag), which is not allow-listed")
    }
    func string(_ tag: DICOMTag) -> String? { check(tag); return base.string(tag) }
    func double(_ tag: DICOMTag) -> Double? { check(tag); return base.double(tag) }
    func doubles(_ tag: DICOMTag) -> [Double]? { check(tag); return base.doubles(tag) }
    func int(_ tag: DICOMTag) -> Int? { check(tag); return base.int(tag) }
    func firstItem(_ tag: DICOMTag) -> AllowListed? { check(tag); return base.firstItem(tag).map(AllowListed.init) }
}
