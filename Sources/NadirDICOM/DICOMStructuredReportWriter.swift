public import Foundation

/// Writes a Comprehensive 3D SR (PS3.3 A.35.13) holding a TID 1500 Measurement Report: the observation context
/// (Nadir as device observer, TID 1001/1004), the time point (TID 1502), the procedure, one TID 1411 Volumetric
/// ROI group per lesion referencing its SEG segment and source series, and the response as qualitative
/// evaluations (TID 1500 row 12).
public struct DICOMStructuredReportWriter: Sendable {
    /// Comprehensive 3D SR Storage SOP Class (PS3.4 B.5).
    public static let comprehensive3DSRStorage = "1.2.840.10008.5.1.4.1.1.88.34"

    public var context: DICOMDerivedContext
    public var source: DICOMSourceSeries
    public var seriesInstanceUID: String
    public var sopInstanceUID: String
    /// The SEG the groups refer to (SOP Instance UID and its Series Instance UID), if one was written.
    public var segmentation: (seriesInstanceUID: String, sopInstanceUID: String)?
    public var seriesNumber: Int

    public init(context: DICOMDerivedContext, source: DICOMSourceSeries, seriesInstanceUID: String,
                sopInstanceUID: String, segmentation: (seriesInstanceUID: String, sopInstanceUID: String)?,
                seriesNumber: Int = 301) {
        self.context = context
        self.source = source
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.segmentation = segmentation
        self.seriesNumber = seriesNumber
    }

    /// The content tree of the report.
    public func content(_ report: DICOMMeasurementReport) -> DICOMContentItem {
        var root: [DICOMContentItem] = [
            DICOMContentItem("HAS CONCEPT MOD", .languageOfContent, .code(.englishUS)),
            DICOMContentItem("HAS OBS CONTEXT", .observerType, .code(.device)),
            DICOMContentItem("HAS OBS CONTEXT", .deviceObserverUID, .uidReference(DICOMUID.implementationClass)),
            DICOMContentItem("HAS OBS CONTEXT", .deviceObserverName, .text("Nadir")),
        ]
        if let timePoint = report.timePoint {
            root.append(DICOMContentItem("HAS OBS CONTEXT", .subjectTimePointIdentifier, .text(timePoint)))
        }
        root.append(DICOMContentItem("HAS CONCEPT MOD", .procedureReported, .code(.computedTomography)))
        // No Image Library (TID 1600, optional as highdicom writes it): every group names its source series
        // (TID 1411 row 12) and the evidence sequence lists every image.
        root.append(DICOMContentItem("CONTAINS", .imagingMeasurements, .container(report.groups.map(group))))
        if !report.evaluations.isEmpty {
            root.append(DICOMContentItem("CONTAINS", .qualitativeEvaluations, .container(report.evaluations)))
        }
        return DICOMContentItem("", .imagingMeasurementReport, .container(root), template: "1500")
    }

    func group(_ g: DICOMMeasurementReport.Group) -> DICOMContentItem {
        var items = [
            DICOMContentItem("HAS OBS CONTEXT", .trackingIdentifier, .text(g.trackingIdentifier)),
            DICOMContentItem("HAS OBS CONTEXT", .trackingUniqueIdentifier, .uidReference(g.trackingUID)),
            DICOMContentItem("HAS CONCEPT MOD", .finding, .code(.neoplasm)),
        ]
        if let segmentation, let number = g.segmentNumber {
            items.append(DICOMContentItem("CONTAINS", .referencedSegment, .image(
                sopClassUID: DICOMSegmentationWriter.segmentationStorage, sopInstanceUID: segmentation.sopInstanceUID,
                segmentNumber: number)))
            items.append(DICOMContentItem("CONTAINS", .sourceSeriesForSegmentation,
                                          .uidReference(source.seriesInstanceUID)))
        }
        if let site = g.findingSite { items.append(DICOMContentItem("HAS CONCEPT MOD", .findingSite, .code(site))) }
        if let v = g.longAxis { items.append(DICOMContentItem("CONTAINS", .longAxis, .number(v, unit: .millimeter))) }
        if let v = g.shortAxis { items.append(DICOMContentItem("CONTAINS", .shortAxis, .number(v, unit: .millimeter))) }
        if let v = g.volume { items.append(DICOMContentItem("CONTAINS", .volume, .number(v, unit: .cubicMillimeter))) }
        return DICOMContentItem("CONTAINS", .measurementGroup, .container(items), template: "1411")
    }

    /// The Part 10 bytes of the SR document.
    public func encode(_ report: DICOMMeasurementReport) -> [UInt8] {
        var e = DICOMEncoder()
        context.encodeCommon(into: &e, source: source)
        e.text(.sopClassUID, .UI, Self.comprehensive3DSRStorage)
        e.text(.sopInstanceUID, .UI, sopInstanceUID)
        e.text(.modality, .CS, "SR")
        e.text(.seriesInstanceUID, .UI, seriesInstanceUID)
        e.text(.seriesNumber, .IS, String(seriesNumber))
        e.text(.seriesDescription, .LO, "Nadir measurement report")
        e.text(.instanceNumber, .IS, "1")
        e.sequence(DICOMTag(0x0008, 0x1111), [])  // Referenced Performed Procedure Step Sequence (type 2)
        e.text(DICOMTag(0x0040, 0xA491), .CS, "COMPLETE")  // Completion Flag
        e.text(DICOMTag(0x0040, 0xA493), .CS, "UNVERIFIED")  // Verification Flag
        e.sequence(DICOMTag(0x0040, 0xA372), [])  // Performed Procedure Code Sequence (type 2)
        e.sequence(DICOMTag(0x0040, 0xA375), evidence())  // Current Requested Procedure Evidence Sequence
        content(report).encode(into: &e)
        return e.part10(sopClassUID: Self.comprehensive3DSRStorage, sopInstanceUID: sopInstanceUID)
    }

    /// The instances the report refers to, by study and series (PS3.3 C.17.2.3 SR Document General Module).
    func evidence() -> DICOMEncoder {
        func reference(_ sopClass: String, _ sopInstance: String) -> DICOMEncoder {
            var item = DICOMEncoder()
            item.text(.referencedSOPClassUID, .UI, sopClass)
            item.text(.referencedSOPInstanceUID, .UI, sopInstance)
            return item
        }
        var series: [DICOMEncoder] = []
        var images = DICOMEncoder()
        images.text(.seriesInstanceUID, .UI, source.seriesInstanceUID)
        images.sequence(DICOMTag(0x0008, 0x1199), source.instanceUIDs.map { reference(source.sopClassUID, $0) })
        series.append(images)
        if let segmentation {
            var seg = DICOMEncoder()
            seg.text(.seriesInstanceUID, .UI, segmentation.seriesInstanceUID)
            seg.sequence(DICOMTag(0x0008, 0x1199), [reference(DICOMSegmentationWriter.segmentationStorage,
                                                              segmentation.sopInstanceUID)])
            series.append(seg)
        }
        var study = DICOMEncoder()
        study.text(.studyInstanceUID, .UI, source.studyInstanceUID)
        study.sequence(.referencedSeriesSequence, series)
        return study
    }
}
