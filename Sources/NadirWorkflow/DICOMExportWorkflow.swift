internal import Crypto
public import Foundation
internal import NadirDICOM
internal import NadirImaging
public import NadirModel
public import NadirStore

/// `nadir export dicom`: a visit as DICOM for PACS and viewers (OHIF, 3D Slicer): the de-identified series Nadir
/// stored (CT Image Storage, the subject ID as patient), a DICOM SEG of every lesion mask at the visit, and a
/// Comprehensive 3D SR with a TID 1500 Measurement Report (tracking identifier and UID, finding site, long and
/// short axis in mm, volume in mm3, the SEG segment, and the time point's response).
///
/// UIDs are derived from the stored content (SHA-256 of subject, visit and content hash), so exporting the same
/// visit twice gives the same UIDs and a PACS receives the same objects again, not copies.
public struct DICOMExportWorkflow: Sendable {
    public var database: CaseDatabase
    public var store: ImageStore

    public init(database: CaseDatabase, store: ImageStore) {
        self.database = database
        self.store = store
    }

    /// What was written.
    public struct Result: Sendable, Encodable {
        public var imageFiles: [String]
        public var segmentationFile: String?
        public var reportFile: String
        public var studyInstanceUID: String
        public var imageSeriesUID: String
        public var lesions: [String]
        public var response: String?
        /// Lesions written without a finding site (no code for their organ) or without a mask.
        public var warnings: [String]
    }

    /// Writes the visit into `folder` (`CT/`, `SEG.dcm`, `SR.dcm`).
    public func export(subject: SubjectID, visit: String, to folder: URL) throws -> Result {
        let (patientCase, scanReference, segmentations) = try database.read { reader in
            (try reader.patientCase(subject), try reader.scan(subject, visit: visit), try reader.segmentations(subject))
        }
        guard let scanReference else {
            throw WorkflowError(.missingScan, subject: subject, visit: visit,
                                "visit \(visit) has no scan; import it with `nadir scan import \(subject) \(visit) PATH`")
        }
        guard scanReference.modality == nil || scanReference.modality == "CT" else {
            throw WorkflowError(.unsupportedInput, subject: subject, visit: visit,
                                "export dicom writes CT Image Storage; the scan of \(visit) is \(scanReference.modality ?? "?")")
        }
        guard let timepoint = patientCase.timepoints.first(where: { $0.visit == visit }) else {
            throw WorkflowError(.missingScan, subject: subject, visit: visit, "no visit \(visit)")
        }
        let ct = LesionImaging.hounsfield(try store.load(scanReference))
        let uid = { (kind: String) in Self.uid("\(subject.rawValue)|\(visit)|\(scanReference.contentHash)|\(kind)") }
        let studyDate = String(format: "%04d%02d%02d", timepoint.date.year, timepoint.date.month, timepoint.date.day)

        // The de-identified image series.
        var writer = DICOMCTWriter(subjectID: subject.rawValue, studyDate: studyDate, seriesNumber: 1)
        writer.studyInstanceUID = uid("study")
        writer.seriesInstanceUID = uid("series")
        writer.frameOfReferenceUID = uid("frame")
        writer.instanceUIDRoot = uid("instances")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let images = try writer.write(ct, to: folder.appendingPathComponent("CT"))
        let source = DICOMSourceSeries(
            studyInstanceUID: writer.studyInstanceUID, seriesInstanceUID: writer.seriesInstanceUID,
            frameOfReferenceUID: writer.frameOfReferenceUID, sopClassUID: DICOMCTWriter.ctImageStorage,
            instanceUIDs: writer.instanceUIDs(slices: ct.geometry.size.z) ?? [],
            geometry: ct.geometry)
        let context = DICOMDerivedContext(subjectID: subject.rawValue, studyDate: studyDate)

        // Lesions seen at this visit: a measurement (confirmed, not proposed) or a mask.
        let reader = Self.reader(of: patientCase, visit: visit)
        let measurements = patientCase.measurements.filter { $0.visit == visit && !$0.isProposed && $0.reader == reader }
        let masks = segmentations.filter { $0.visit == visit && $0.status != .rejected && $0.maskPath != nil }
        let lesionIDs = Set(measurements.map(\.lesionID)).union(masks.map(\.lesionID))
        let lesions = patientCase.lesions.filter { lesionIDs.contains($0.id) }
        guard !lesions.isEmpty else {
            throw WorkflowError(.noMeasurements, subject: subject, visit: visit,
                                "nothing is measured or segmented at \(visit); there is nothing to export")
        }
        var warnings: [String] = []
        var segments: [DICOMSegmentationWriter.Segment] = []
        var segmentNumbers: [LesionID: Int] = [:]
        for lesion in lesions {
            guard let s = masks.first(where: { $0.lesionID == lesion.id }), let path = s.maskPath, let hash = s.maskHash else {
                warnings.append("\(lesion.id): no mask at \(visit), so no SEG segment")
                continue
            }
            guard case .uint8(let mask) = try store.load(path, expectedHash: hash) else {
                throw WorkflowError(.imageStore, subject: subject, visit: visit, "the mask of \(lesion.id) is not 8-bit")
            }
            let number = segments.count + 1
            segmentNumbers[lesion.id] = number
            segments.append(DICOMSegmentationWriter.Segment(
                number: number, label: lesion.id.rawValue, trackingID: lesion.id.rawValue, trackingUID: lesion.trackingUID,
                algorithmType: s.method == .seed ? "SEMIAUTOMATIC" : "MANUAL",
                algorithmName: "Nadir seeded segmentation", anatomicRegion: DICOMCode.findingSite(organ: lesion.organ),
                mask: mask))
        }
        var segmentation: (seriesInstanceUID: String, sopInstanceUID: String)?
        var segURL: URL?
        if !segments.isEmpty {
            let seg = DICOMSegmentationWriter(context: context, source: source, seriesInstanceUID: uid("seg-series"),
                                              sopInstanceUID: uid("seg"))
            let url = folder.appendingPathComponent("SEG.dcm")
            try Data(try seg.encode(segments)).write(to: url)
            segmentation = (seg.seriesInstanceUID, seg.sopInstanceUID)
            segURL = url
        }

        var groups: [DICOMMeasurementReport.Group] = []
        for lesion in lesions {
            let m = measurements.first { $0.lesionID == lesion.id }
            let site = DICOMCode.findingSite(organ: lesion.organ)
            if site == nil { warnings.append("\(lesion.id): no SNOMED CT code for organ '\(lesion.organ)', so no finding site") }
            groups.append(DICOMMeasurementReport.Group(
                trackingIdentifier: lesion.id.rawValue, trackingUID: lesion.trackingUID, findingSite: site,
                longAxis: m?.state == .measured ? m?.longAxis?.formatted : nil,
                shortAxis: m?.state == .measured ? m?.shortAxis?.formatted : nil,
                volume: m?.state == .measured ? m?.volume?.formatted : nil,
                segmentNumber: segmentNumbers[lesion.id]))
        }
        let assessment = patientCase.assessments.first { $0.visit == visit && $0.isAccepted }
        let report = DICOMMeasurementReport(timePoint: visit, groups: groups,
                                            evaluations: assessment.map(Self.evaluations) ?? [])
        let sr = DICOMStructuredReportWriter(context: context, source: source, seriesInstanceUID: uid("sr-series"),
                                             sopInstanceUID: uid("sr"), segmentation: segmentation)
        let srURL = folder.appendingPathComponent("SR.dcm")
        try Data(sr.encode(report)).write(to: srURL)
        return Result(imageFiles: images.map(\.path), segmentationFile: segURL?.path, reportFile: srURL.path,
                      studyInstanceUID: source.studyInstanceUID, imageSeriesUID: source.seriesInstanceUID,
                      lesions: lesions.map(\.id.rawValue), response: assessment?.overall.rawValue, warnings: warnings)
    }

    /// The reader whose values are exported: the accepted assessment's reader, else the only or first reader.
    static func reader(of patientCase: PatientCase, visit: String) -> String? {
        patientCase.assessments.first { $0.visit == visit && $0.isAccepted }?.reader
            ?? patientCase.measurements.filter { $0.visit == visit && !$0.isProposed }.map(\.reader).sorted().first
    }

    /// The time point's response as SR qualitative evaluations: target and non-target response as CID 6144
    /// codes under (112048, DCM, "Current Response"), the overall response (which has no DICOM code) as text,
    /// and the criteria (CID 6147 has RECIST 1.1 as (126081, DCM)).
    static func evaluations(_ a: ReaderAssessment) -> [DICOMContentItem] {
        var items: [DICOMContentItem] = []
        let target: [ResponseCategory: DICOMCode] = [
            .completeResponse: .targetComplete, .partialResponse: .targetPartial, .stableDisease: .targetStable,
            .progressiveDisease: .targetProgressive,
        ]
        let nonTarget: [ResponseCategory: DICOMCode] = [
            .completeResponse: .nonTargetComplete, .nonCRNonPD: .nonTargetIncomplete, .progressiveDisease: .nonTargetProgressive,
        ]
        if let t = a.target, let code = target[t] { items.append(DICOMContentItem("CONTAINS", .currentResponse, .code(code))) }
        if let n = a.nonTarget, let code = nonTarget[n] { items.append(DICOMContentItem("CONTAINS", .currentResponse, .code(code))) }
        items.append(DICOMContentItem("CONTAINS", .currentResponse,
                                      .text("overall \(a.overall.rawValue) (\(a.criteria.rawValue) version \(a.criteriaVersion))")))
        if a.criteria.rawValue == "recist-1.1" {
            items.append(DICOMContentItem("CONTAINS", .responseEvaluationMethod, .code(DICOMCode("126081", "DCM", "RECIST 1.1"))))
        }
        return items
    }

    /// A 2.25 UID from the SHA-256 of `name` (the first 128 bits, as a version-8 UUID: RFC 9562 5.8).
    static func uid(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80
        bytes[8] = bytes[8] & 0x3F | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return GeneratedUID.make(from: uuid)
    }
}
