public import Foundation
public import NadirImaging

/// Writes a CT volume as a CT Image Storage series (PS3.3 A.3), one Explicit VR Little Endian Part 10 file per
/// slice, with new UIDs, exact geometry and HU stored as signed 16-bit with slope 1 and intercept 0.
/// Strict: geometry that a stack of CT slices cannot express is an error, not a silent approximation.
public struct DICOMCTWriter: Sendable {
    /// Patient ID (0010,0020) and Patient's Name (0010,0010): the trial subject ID, never a real name.
    public var subjectID: String
    /// Study Instance UID; new by default.
    public var studyInstanceUID: String
    /// Series Instance UID; new by default.
    public var seriesInstanceUID: String
    /// Frame of Reference UID; new by default.
    public var frameOfReferenceUID: String
    /// Study Date (0008,0020) as YYYYMMDD, empty when unknown (type 2).
    public var studyDate: String
    /// Series Number (0020,0011).
    public var seriesNumber: Int
    /// KVP (0018,0060), type 2.
    public var kvp: Double?
    /// Window Center/Width presets written with each slice.
    public var windows: [ScanMetadata.WindowPreset]
    /// When set, slice z gets the SOP Instance UID `<root>.<z+1>` (stable across writes); else new UIDs.
    public var instanceUIDRoot: String?

    /// Makes a writer with new UIDs.
    public init(subjectID: String, studyDate: String = "", seriesNumber: Int = 1, kvp: Double? = 120,
                windows: [ScanMetadata.WindowPreset] = [ScanMetadata.WindowPreset(center: 40, width: 400)])
    {
        self.subjectID = subjectID
        self.studyInstanceUID = DICOMUID.make()
        self.seriesInstanceUID = DICOMUID.make()
        self.frameOfReferenceUID = DICOMUID.make()
        self.studyDate = studyDate
        self.seriesNumber = seriesNumber
        self.kvp = kvp
        self.windows = windows
    }

    /// The SOP Instance UIDs `write` gives the slices when `instanceUIDRoot` is set, in z order.
    public func instanceUIDs(slices: Int) -> [String]? {
        instanceUIDRoot.map { root in (0..<slices).map { derivedUID(root, $0 + 1) } }
    }

    /// CT Image Storage SOP Class UID (PS3.4 B.5).
    public static let ctImageStorage = "1.2.840.10008.5.1.4.1.1.2"
    /// Direction columns must be unit, orthogonal and right-handed within this tolerance.
    static let orthogonalityTolerance = 1e-6

    /// Writes one file per slice into `folder` (created if needed), named `CT0001.dcm`...; returns the URLs.
    @discardableResult
    public func write(_ volume: Volume<Int16>, to folder: URL) throws(DICOMError) -> [URL] {
        let g = volume.geometry
        let d = g.direction
        let normal = cross(d.c0, d.c1)
        guard abs(norm(d.c0) - 1) < Self.orthogonalityTolerance, abs(norm(d.c1) - 1) < Self.orthogonalityTolerance,
              abs(dot(d.c0, d.c1)) < Self.orthogonalityTolerance, norm(d.c2 - normal) < Self.orthogonalityTolerance
        else {
            throw DICOMError(.invalidValue, "the direction matrix is not orthonormal and right-handed; CT slices "
                             + "cannot express it (resample first)", tag: .imageOrientationPatient)
        }
        guard g.size.x > 0, g.size.y > 0, g.size.x <= 65535, g.size.y <= 65535, g.size.z > 0 else {
            throw DICOMError(.invalidValue, "a \(g.size) volume cannot be written as CT slices", tag: .rows)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DICOMError(.io, "cannot create \(folder.path): \(error.localizedDescription)", file: folder)
        }
        let plane = g.size.x * g.size.y
        var urls: [URL] = []
        for z in 0..<g.size.z {
            let pixels: [UInt8] = volume.withUnsafeVoxels { voxels in
                let slice = UnsafeBufferPointer(rebasing: voxels[(z * plane)..<((z + 1) * plane)])
                return [UInt8](UnsafeRawBufferPointer(slice))
            }
            let bytes = slice(z, pixels: pixels, geometry: g)
            let url = folder.appendingPathComponent(String(format: "CT%04d.dcm", z + 1))
            do {
                try Data(bytes).write(to: url)
            } catch {
                throw DICOMError(.io, "cannot write: \(error.localizedDescription)", file: url)
            }
            urls.append(url)
        }
        return urls
    }

    /// The bytes of one Part 10 file (PS3.10 7.1): preamble, DICM, meta group, data set.
    func slice(_ z: Int, pixels: [UInt8], geometry g: ImageGeometry) -> [UInt8] {
        let sopInstanceUID = instanceUIDRoot.map { derivedUID($0, z + 1) } ?? DICOMUID.make()
        var e = DICOMEncoder()
        e.texts(.imageType, .CS, ["DERIVED", "SECONDARY", "AXIAL"])
        e.text(.sopClassUID, .UI, Self.ctImageStorage)
        e.text(.sopInstanceUID, .UI, sopInstanceUID)
        e.text(.studyDate, .DA, studyDate)
        e.text(.studyTime, .TM, "")
        e.text(.accessionNumber, .SH, "")
        e.text(.modality, .CS, "CT")
        e.text(.manufacturer, .LO, "Nadir")
        e.text(.referringPhysicianName, .PN, "")
        e.text(.manufacturerModelName, .LO, "Nadir phantom")
        e.text(.patientName, .PN, subjectID)
        e.text(.patientID, .LO, subjectID)
        e.text(.patientBirthDate, .DA, "")
        e.text(.patientSex, .CS, "")
        e.decimals(.sliceThickness, [g.spacing.z])
        if let kvp { e.decimals(.kvp, [kvp]) } else { e.text(.kvp, .DS, "") }
        e.text(.patientPosition, .CS, "HFS")
        e.text(DICOMTag(0x0020, 0x0060), .CS, "")  // Laterality, type 2C: empty (unpaired body part)
        e.text(.studyInstanceUID, .UI, studyInstanceUID)
        e.text(.seriesInstanceUID, .UI, seriesInstanceUID)
        e.text(.studyID, .SH, "")
        e.text(.seriesNumber, .IS, String(seriesNumber))
        e.text(.acquisitionNumber, .IS, "1")
        e.text(.instanceNumber, .IS, String(z + 1))
        let position = g.physicalPoint(at: SIMD3<Int>(0, 0, z))
        e.decimals(.imagePositionPatient, [position.x, position.y, position.z])
        let d = g.direction
        e.decimals(.imageOrientationPatient, [d.c0.x, d.c0.y, d.c0.z, d.c1.x, d.c1.y, d.c1.z])
        e.text(.frameOfReferenceUID, .UI, frameOfReferenceUID)
        e.text(.positionReferenceIndicator, .LO, "")
        e.us(.samplesPerPixel, 1)
        e.text(.photometricInterpretation, .CS, "MONOCHROME2")
        e.us(.rows, UInt16(g.size.y))
        e.us(.columns, UInt16(g.size.x))
        e.decimals(.pixelSpacing, [g.spacing.y, g.spacing.x])  // row spacing \ column spacing
        e.us(.bitsAllocated, 16)
        e.us(.bitsStored, 16)
        e.us(.highBit, 15)
        e.us(.pixelRepresentation, 1)
        if !windows.isEmpty {
            e.decimals(.windowCenter, windows.map(\.center))
            e.decimals(.windowWidth, windows.map(\.width))
        }
        e.decimals(.rescaleIntercept, [0])
        e.decimals(.rescaleSlope, [1])
        e.text(.rescaleType, .LO, "HU")
        e.add(.pixelData, .OW, pixels)
        let body = e.encoded()

        var meta = DICOMEncoder()
        meta.add(.fileMetaInformationVersion, .OB, [0, 1])
        meta.text(.mediaStorageSOPClassUID, .UI, Self.ctImageStorage)
        meta.text(.mediaStorageSOPInstanceUID, .UI, sopInstanceUID)
        meta.text(.transferSyntaxUID, .UI, DICOMTransferSyntax.explicitVRLittleEndian.uid)
        meta.text(.implementationClassUID, .UI, DICOMUID.implementationClass)
        meta.text(.implementationVersionName, .SH, "NADIR_1")
        let metaBytes = meta.encoded()
        var length = DICOMEncoder()
        let count = UInt32(metaBytes.count)
        length.add(.fileMetaInformationGroupLength, .UL,
                   [UInt8(count & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 24)])
        return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + length.encoded() + metaBytes + body
    }
}
