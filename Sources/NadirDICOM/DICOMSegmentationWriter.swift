public import Foundation
public import NadirImaging

/// The series a derived object (SEG, SR) refers to: its UIDs, the SOP Instance UID of each slice in z order,
/// and the volume geometry (LPS mm) the slices make.
public struct DICOMSourceSeries: Sendable {
    public var studyInstanceUID: String
    public var seriesInstanceUID: String
    public var frameOfReferenceUID: String
    public var sopClassUID: String
    /// One SOP Instance UID per slice, index z of the volume.
    public var instanceUIDs: [String]
    public var geometry: ImageGeometry

    public init(studyInstanceUID: String, seriesInstanceUID: String, frameOfReferenceUID: String, sopClassUID: String,
                instanceUIDs: [String], geometry: ImageGeometry) {
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.frameOfReferenceUID = frameOfReferenceUID
        self.sopClassUID = sopClassUID
        self.instanceUIDs = instanceUIDs
        self.geometry = geometry
    }
}

/// Who and when, for the Patient, Study and instance attributes of derived objects. The patient is the trial
/// subject ID only: no name, birth date or hospital identifier (PS3.15 Annex E).
public struct DICOMDerivedContext: Sendable {
    public var subjectID: String
    /// Study Date (0008,0020), YYYYMMDD.
    public var studyDate: String
    /// Content Date and Time of the new instance.
    public var created: Date

    public init(subjectID: String, studyDate: String, created: Date = Date()) {
        self.subjectID = subjectID
        self.studyDate = studyDate
        self.created = created
    }

    /// Patient, General Study and equipment attributes shared by every object Nadir writes.
    func encodeCommon(into e: inout DICOMEncoder, source: DICOMSourceSeries) {
        let (date, time) = DICOMEncoder.dateTime(created)
        e.text(.patientName, .PN, subjectID)
        e.text(.patientID, .LO, subjectID)
        e.text(.patientBirthDate, .DA, "")
        e.text(.patientSex, .CS, "")
        e.text(.studyInstanceUID, .UI, source.studyInstanceUID)
        e.text(.studyDate, .DA, studyDate)
        e.text(.studyTime, .TM, "")
        e.text(.referringPhysicianName, .PN, "")
        e.text(.studyID, .SH, "")
        e.text(.accessionNumber, .SH, "")
        e.text(.manufacturer, .LO, "Nadir")
        e.text(.contentDate, .DA, date)
        e.text(.contentTime, .TM, time)
        e.text(.instanceCreationDate, .DA, date)
        e.text(.specificCharacterSet, .CS, "ISO_IR 192")
    }
}

/// Writes a binary DICOM Segmentation (PS3.3 A.51, C.8.20) of lesion masks on the grid of their source series:
/// one segment per lesion with its tracking identifier and UID (C.8.20.2 Segment Description Macro), one 1-bit
/// frame per segment per slice that holds any of it, each frame tied to its source slice (Derivation Image).
public struct DICOMSegmentationWriter: Sendable {
    /// One segment: a lesion's mask.
    public struct Segment: Sendable {
        /// Segment Number (0062,0004), from 1.
        public var number: Int
        public var label: String
        /// Tracking ID (0062,0020) and Tracking UID (0062,0021), as in the SR.
        public var trackingID: String
        public var trackingUID: String
        /// SEMIAUTOMATIC (a seeded segmentation), MANUAL or AUTOMATIC (C.8.20.2 Segment Algorithm Type).
        public var algorithmType: String
        public var algorithmName: String
        public var anatomicRegion: DICOMCode?
        /// The mask on the source grid; non-zero voxels belong to the segment.
        public var mask: Volume<UInt8>

        public init(number: Int, label: String, trackingID: String, trackingUID: String, algorithmType: String,
                    algorithmName: String, anatomicRegion: DICOMCode?, mask: Volume<UInt8>) {
            self.number = number
            self.label = label
            self.trackingID = trackingID
            self.trackingUID = trackingUID
            self.algorithmType = algorithmType
            self.algorithmName = algorithmName
            self.anatomicRegion = anatomicRegion
            self.mask = mask
        }
    }

    /// Segmentation Storage SOP Class (PS3.4 B.5).
    public static let segmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4"

    public var context: DICOMDerivedContext
    public var source: DICOMSourceSeries
    public var seriesInstanceUID: String
    public var sopInstanceUID: String
    public var seriesNumber: Int

    public init(context: DICOMDerivedContext, source: DICOMSourceSeries, seriesInstanceUID: String,
                sopInstanceUID: String, seriesNumber: Int = 300) {
        self.context = context
        self.source = source
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.seriesNumber = seriesNumber
    }

    /// The Part 10 bytes of the SEG. Masks must lie on the source grid; an empty segment list is an error.
    public func encode(_ segments: [Segment]) throws(DICOMError) -> [UInt8] {
        let g = source.geometry
        guard !segments.isEmpty else {
            throw DICOMError(.missingAttribute, "a Segmentation needs at least one segment", tag: .segmentSequence)
        }
        guard source.instanceUIDs.count == g.size.z else {
            throw DICOMError(.inconsistentSeries, "the source series has \(source.instanceUIDs.count) instances for "
                             + "\(g.size.z) slices")
        }
        for s in segments where !(s.mask.geometry.isCongruent(with: g, tolerance: 1e-4)) {
            throw DICOMError(.inconsistentSeries, "the mask of segment \(s.number) (\(s.trackingID)) is not on the grid "
                             + "of series \(source.seriesInstanceUID)")
        }
        let plane = g.size.x * g.size.y
        // Frames: (segment, slice) pairs that hold any voxel, by segment then slice (PS3.3 C.8.20.2.1 allows
        // omitting empty frames).
        var frames: [(segment: Int, z: Int)] = []
        for (index, s) in segments.enumerated() {
            s.mask.withUnsafeVoxels { voxels in
                for z in 0..<g.size.z where voxels[(z * plane)..<((z + 1) * plane)].contains(where: { $0 != 0 }) {
                    frames.append((index, z))
                }
            }
        }
        guard !frames.isEmpty else {
            throw DICOMError(.invalidValue, "every segment's mask is empty; nothing to write", tag: .pixelData)
        }
        var pixels = [UInt8](repeating: 0, count: (frames.count * plane + 7) / 8)
        for (f, frame) in frames.enumerated() {
            segments[frame.segment].mask.withUnsafeVoxels { voxels in
                let base = frame.z * plane, bitBase = f * plane
                for i in 0..<plane where voxels[base + i] != 0 {
                    let bit = bitBase + i
                    pixels[bit >> 3] |= UInt8(1) << UInt8(bit & 7)
                }
            }
        }
        if pixels.count % 2 == 1 { pixels.append(0) }

        var e = DICOMEncoder()
        context.encodeCommon(into: &e, source: source)
        e.text(.sopClassUID, .UI, Self.segmentationStorage)
        e.text(.sopInstanceUID, .UI, sopInstanceUID)
        e.texts(.imageType, .CS, ["DERIVED", "PRIMARY"])
        e.text(.modality, .CS, "SEG")
        e.text(.seriesInstanceUID, .UI, seriesInstanceUID)
        e.text(.seriesNumber, .IS, String(seriesNumber))
        e.text(.seriesDescription, .LO, "Nadir lesion segmentation")
        e.text(.instanceNumber, .IS, "1")
        e.text(.frameOfReferenceUID, .UI, source.frameOfReferenceUID)
        e.text(.positionReferenceIndicator, .LO, "")
        e.text(.manufacturerModelName, .LO, "Nadir")
        e.text(DICOMTag(0x0018, 0x1000), .LO, "0")  // Device Serial Number (Enhanced General Equipment, type 1)
        e.text(DICOMTag(0x0018, 0x1020), .LO, "nadir 0.1.0")  // Software Versions
        e.text(DICOMTag(0x0028, 0x2110), .CS, "00")  // Lossy Image Compression
        // Segmentation Image Module (C.8.20.2).
        e.text(DICOMTag(0x0070, 0x0080), .CS, "LESIONS")  // Content Label
        e.text(DICOMTag(0x0070, 0x0081), .LO, "Tumour lesions tracked by Nadir")  // Content Description
        e.text(DICOMTag(0x0070, 0x0084), .PN, "")  // Content Creator's Name
        e.text(.segmentationType, .CS, "BINARY")
        e.sequence(.segmentSequence, segments.map(segmentItem))
        // Image Pixel (C.7.6.3) for 1-bit frames.
        e.us(.samplesPerPixel, 1)
        e.text(.photometricInterpretation, .CS, "MONOCHROME2")
        e.us(.rows, UInt16(g.size.y))
        e.us(.columns, UInt16(g.size.x))
        e.us(.bitsAllocated, 1)
        e.us(.bitsStored, 1)
        e.us(.highBit, 0)
        e.us(.pixelRepresentation, 0)
        e.text(.numberOfFrames, .IS, String(frames.count))
        e.add(.pixelData, .OB, pixels)
        // Multi-frame Dimension (C.7.6.17): segment number, then position.
        let dimensionUID = derivedUID(sopInstanceUID, 1)
        var organization = DICOMEncoder()
        organization.text(DICOMTag(0x0020, 0x9164), .UI, dimensionUID)
        e.sequence(DICOMTag(0x0020, 0x9221), organization)
        var bySegment = DICOMEncoder()
        bySegment.text(DICOMTag(0x0020, 0x9164), .UI, dimensionUID)
        bySegment.at(DICOMTag(0x0020, 0x9165), .referencedSegmentNumber)
        bySegment.at(DICOMTag(0x0020, 0x9167), .segmentIdentificationSequence)
        var byPosition = DICOMEncoder()
        byPosition.text(DICOMTag(0x0020, 0x9164), .UI, dimensionUID)
        byPosition.at(DICOMTag(0x0020, 0x9165), .imagePositionPatient)
        byPosition.at(DICOMTag(0x0020, 0x9167), .planePositionSequence)
        e.sequence(DICOMTag(0x0020, 0x9222), [bySegment, byPosition])
        // Shared functional groups: pixel measures and orientation (C.7.6.16.2.1, .2.4).
        var measures = DICOMEncoder()
        measures.decimals(.pixelSpacing, [g.spacing.y, g.spacing.x])
        measures.decimals(.sliceThickness, [g.spacing.z])
        measures.decimals(.spacingBetweenSlices, [g.spacing.z])
        var orientation = DICOMEncoder()
        let d = g.direction
        orientation.decimals(.imageOrientationPatient, [d.c0.x, d.c0.y, d.c0.z, d.c1.x, d.c1.y, d.c1.z])
        var shared = DICOMEncoder()
        shared.sequence(.pixelMeasuresSequence, measures)
        shared.sequence(.planeOrientationSequence, orientation)
        e.sequence(.sharedFunctionalGroupsSequence, shared)
        e.sequence(.perFrameFunctionalGroupsSequence, frames.map { frameItem(segment: segments[$0.segment], z: $0.z) })
        // Common Instance Reference (C.12.2): every source slice.
        e.sequence(.referencedSeriesSequence, seriesReference())
        return e.part10(sopClassUID: Self.segmentationStorage, sopInstanceUID: sopInstanceUID)
    }

    func segmentItem(_ s: Segment) -> DICOMEncoder {
        var item = DICOMEncoder()
        item.us(.segmentNumber, UInt16(clamping: s.number))
        item.text(.segmentLabel, .LO, s.label)
        item.text(.segmentAlgorithmType, .CS, s.algorithmType)
        if s.algorithmType != "MANUAL" { item.text(DICOMTag(0x0062, 0x0009), .LO, s.algorithmName) }
        item.code(DICOMTag(0x0062, 0x0003), .morphologicallyAbnormalStructure)  // Segmented Property Category
        item.code(DICOMTag(0x0062, 0x000F), .neoplasm)  // Segmented Property Type
        if let region = s.anatomicRegion { item.code(DICOMTag(0x0008, 0x2218), region) }  // Anatomic Region
        item.text(DICOMTag(0x0062, 0x0020), .UT, s.trackingID)  // Tracking ID
        item.text(DICOMTag(0x0062, 0x0021), .UI, s.trackingUID)  // Tracking UID
        return item
    }

    func frameItem(segment: Segment, z: Int) -> DICOMEncoder {
        let g = source.geometry
        var sourceImage = DICOMEncoder()
        sourceImage.text(.referencedSOPClassUID, .UI, source.sopClassUID)
        sourceImage.text(.referencedSOPInstanceUID, .UI, source.instanceUIDs[z])
        sourceImage.code(DICOMTag(0x0040, 0xA170), .sourceImageForProcessing)  // Purpose of Reference
        sourceImage.text(DICOMTag(0x0028, 0x135A), .CS, "YES")  // Spatial Locations Preserved: the same grid
        var derivation = DICOMEncoder()
        derivation.code(DICOMTag(0x0008, 0x9215), .segmentationDerivation)  // Derivation Code
        derivation.sequence(.sourceImageSequence, sourceImage)
        var content = DICOMEncoder()
        content.add(.dimensionIndexValues, .UL, DICOMEncoder.le32(UInt32(segment.number)) + DICOMEncoder.le32(UInt32(z + 1)))
        var position = DICOMEncoder()
        let p = g.physicalPoint(at: SIMD3<Int>(0, 0, z))
        position.decimals(.imagePositionPatient, [p.x, p.y, p.z])
        var identification = DICOMEncoder()
        identification.us(.referencedSegmentNumber, UInt16(clamping: segment.number))
        var item = DICOMEncoder()
        item.sequence(.derivationImageSequence, derivation)
        item.sequence(.frameContentSequence, content)
        item.sequence(.planePositionSequence, position)
        item.sequence(.segmentIdentificationSequence, identification)
        return item
    }

    func seriesReference() -> DICOMEncoder {
        var series = DICOMEncoder()
        series.text(.seriesInstanceUID, .UI, source.seriesInstanceUID)
        series.sequence(DICOMTag(0x0008, 0x114A), source.instanceUIDs.map { uid in  // Referenced Instance Sequence
            var item = DICOMEncoder()
            item.text(.referencedSOPClassUID, .UI, source.sopClassUID)
            item.text(.referencedSOPInstanceUID, .UI, uid)
            return item
        })
        return series
    }
}

/// A UID derived from another by a numeric suffix, kept within the 64 characters of PS3.5 9.1.
func derivedUID(_ base: String, _ suffix: Int) -> String {
    let tail = ".\(suffix)"
    return String(base.prefix(64 - tail.count)) + tail
}
