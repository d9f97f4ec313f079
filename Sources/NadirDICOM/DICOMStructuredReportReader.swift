public import Foundation

/// Reads a TID 1500 Measurement Report (from OHIF, 3D Slicer/dcmqi, highdicom or Nadir) into its time point and
/// measurement groups. Strict about what it returns: a group without a tracking identifier, or a value that is
/// not a number in mm / mm3, is an error naming the group, never skipped.
public enum DICOMStructuredReportReader {
    /// SR storage classes that can hold TID 1500 (PS3.4 B.5: Enhanced, Comprehensive, Comprehensive 3D SR).
    static let srClasses: Set<String> = [
        "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33", DICOMStructuredReportWriter.comprehensive3DSRStorage,
    ]

    /// Reads the report at `url`.
    public static func read(url: URL) throws(DICOMError) -> DICOMMeasurementReport {
        do {
            return try read(dataSet: DICOMFileReader.read(url: url).dataSet)
        } catch {
            throw error.locatedIn(url)
        }
    }

    /// Reads a report already parsed.
    public static func read(dataSet ds: DICOMDataSet) throws(DICOMError) -> DICOMMeasurementReport {
        guard let sopClass = ds.string(.sopClassUID), srClasses.contains(sopClass) else {
            throw DICOMError(.invalidValue, "not a structured report (SOP class \(ds.string(.sopClassUID) ?? "?"))",
                             tag: .sopClassUID)
        }
        let template = ds.firstItem(DICOMTag(0x0040, 0xA504))?.string(DICOMTag(0x0040, 0xDB00))
        let title = code(ds.firstItem(DICOMTag(0x0040, 0xA043)))
        guard template == "1500" || title.map({ $0.sameConcept(as: .imagingMeasurementReport) }) == true else {
            throw DICOMError(.invalidValue, "the SR is not a TID 1500 Measurement Report (template \(template ?? "none"), "
                             + "title \(title.map(\.description) ?? "none"))", tag: DICOMTag(0x0040, 0xA504))
        }
        let root = ds.sequence(DICOMTag(0x0040, 0xA730)) ?? []
        let timePoint = root.first { isNamed($0, .subjectTimePointIdentifier) }?.string(DICOMTag(0x0040, 0xA160))
        guard let measurements = root.first(where: { isNamed($0, .imagingMeasurements) }) else {
            throw DICOMError(.missingAttribute, "the report has no Imaging Measurements container (126010, DCM)",
                             tag: DICOMTag(0x0040, 0xA730))
        }
        var groups: [DICOMMeasurementReport.Group] = []
        for (index, item) in (measurements.sequence(DICOMTag(0x0040, 0xA730)) ?? []).enumerated()
            where isNamed(item, .measurementGroup)
        {
            groups.append(try group(item, number: index + 1))
        }
        return DICOMMeasurementReport(timePoint: timePoint?.trimmingCharacters(in: .whitespaces), groups: groups)
    }

    static func group(_ item: DICOMDataSet, number: Int) throws(DICOMError) -> DICOMMeasurementReport.Group {
        let children = item.sequence(DICOMTag(0x0040, 0xA730)) ?? []
        guard let id = children.first(where: { isNamed($0, .trackingIdentifier) })?
            .string(DICOMTag(0x0040, 0xA160))?.trimmingCharacters(in: .whitespaces), !id.isEmpty
        else {
            throw DICOMError(.missingAttribute, "measurement group \(number) has no Tracking Identifier (112039, DCM)",
                             tag: DICOMTag(0x0040, 0xA160))
        }
        let uid = children.first { isNamed($0, .trackingUniqueIdentifier) }?.string(DICOMTag(0x0040, 0xA124)) ?? ""
        var group = DICOMMeasurementReport.Group(trackingIdentifier: id, trackingUID: uid)
        group.findingSite = code(children.first { isNamed($0, .findingSite) }?.firstItem(DICOMTag(0x0040, 0xA168)))
        group.segmentNumber = children.first { isNamed($0, .referencedSegment) }?
            .firstItem(DICOMTag(0x0008, 0x1199))?.int(.referencedSegmentNumber)
        for (concept, unit, path) in [(DICOMCode.longAxis, DICOMCode.millimeter, \DICOMMeasurementReport.Group.longAxis),
                                      (.shortAxis, .millimeter, \.shortAxis), (.volume, .cubicMillimeter, \.volume)] {
            let found = children.filter { isNamed($0, concept) }
            guard let num = found.first else { continue }
            guard found.count == 1 else {
                throw DICOMError(.invalidValue, "measurement group \(id) has \(found.count) \(concept.meaning) values",
                                 tag: DICOMTag(0x0040, 0xA300))
            }
            guard let measured = num.firstItem(DICOMTag(0x0040, 0xA300)),
                  let text = measured.string(DICOMTag(0x0040, 0xA30A))?.trimmingCharacters(in: .whitespaces),
                  Double(text)?.isFinite == true
            else {
                throw DICOMError(.invalidValue, "measurement group \(id): \(concept.meaning) has no numeric value",
                                 tag: DICOMTag(0x0040, 0xA30A))
            }
            let u = code(measured.firstItem(DICOMTag(0x0040, 0x08EA)))
            guard let u, u.sameConcept(as: unit) || (unit == .millimeter && u.value == "cm" && u.scheme == "UCUM") else {
                throw DICOMError(.invalidValue, "measurement group \(id): \(concept.meaning) is in "
                                 + "\(u.map(\.description) ?? "no unit"), expected \(unit)", tag: DICOMTag(0x0040, 0x08EA))
            }
            group[keyPath: path] = u.value == "cm" ? centimetresToMillimetres(text) : text
        }
        return group
    }

    /// A decimal text in cm as mm (exact: the decimal point moves one place).
    static func centimetresToMillimetres(_ text: String) -> String {
        guard let value = Decimal(string: text) else { return text }
        return "\(value * 10)"
    }

    static func isNamed(_ item: DICOMDataSet, _ concept: DICOMCode) -> Bool {
        code(item.firstItem(DICOMTag(0x0040, 0xA043)))?.sameConcept(as: concept) == true
            || (concept.sameConcept(as: .findingSite) && code(item.firstItem(DICOMTag(0x0040, 0xA043)))?.value == "G-C0E3")
    }

    static func code(_ item: DICOMDataSet?) -> DICOMCode? {
        guard let item, let value = item.string(DICOMTag(0x0008, 0x0100)), let scheme = item.string(DICOMTag(0x0008, 0x0102))
        else { return nil }
        return DICOMCode(value, scheme, item.string(DICOMTag(0x0008, 0x0104)) ?? "")
    }
}
