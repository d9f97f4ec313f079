public import Foundation
internal import NadirDICOM
public import NadirModel
public import NadirStore

/// `nadir measure import-sr`: a TID 1500 Measurement Report (OHIF, 3D Slicer, highdicom, Nadir) becomes typed
/// measurements of one visit, all or nothing, in one audited transaction.
///
/// Each measurement group is mapped to a lesion of the subject by its Tracking Unique Identifier (112040) when
/// that is a lesion's tracking UID, else by its Tracking Identifier (112039) as the lesion's ID. A group that maps
/// to no lesion, or to a lesion already mapped, stops the import and names the group; nothing is written.
/// Privacy: the SR's patient name and ID are neither stored nor used unless the ID equals the subject ID.
public struct StructuredReportImportWorkflow: Sendable {
    public var database: CaseDatabase

    public init(database: CaseDatabase) {
        self.database = database
    }

    /// One imported value.
    public struct Imported: Sendable, Encodable {
        public var lesion: String
        public var trackingIdentifier: String
        public var outcome: String
        public var longAxis: String?
        public var shortAxis: String?
        public var volume: String?
    }

    /// Imports the report at `url` for `subject` at `visit` (default: the SR's Subject Time Point Identifier).
    public func importReport(url: URL, subject: SubjectID, visit: String?, reader: String, context: AuditContext,
                             isCorrection: Bool) throws -> (visit: String, values: [Imported]) {
        let report: DICOMMeasurementReport
        do {
            report = try DICOMStructuredReportReader.read(url: url)
        } catch {
            throw WorkflowError(.unsupportedInput, subject: subject, "\(url.lastPathComponent): \(error)")
        }
        let (lesions, timepoints) = try database.read { (try $0.lesions(subject), try $0.timepoints(subject)) }
        guard let visit = visit ?? report.timePoint else {
            throw WorkflowError(.unsupportedInput, subject: subject,
                                "\(url.lastPathComponent) names no time point (126070); pass --visit")
        }
        guard timepoints.contains(where: { $0.visit == visit }) else {
            throw WorkflowError(.unsupportedInput, subject: subject, visit: visit,
                                "\(subject) has no visit \(visit); add it with `nadir timepoint add` or pass --visit")
        }
        guard !report.groups.isEmpty else {
            throw WorkflowError(.noMeasurements, subject: subject, visit: visit, "\(url.lastPathComponent) holds no measurement group")
        }
        var measurements: [(NadirModel.Measurement, String)] = []
        var used: Set<LesionID> = []
        for group in report.groups {
            let lesion = lesions.first { !group.trackingUID.isEmpty && $0.trackingUID == group.trackingUID }
                ?? lesions.first { $0.id.rawValue == group.trackingIdentifier }
            guard let lesion else {
                throw WorkflowError(.unsupportedInput, subject: subject, visit: visit,
                                    "measurement group '\(group.trackingIdentifier)' (UID \(group.trackingUID.isEmpty ? "none" : group.trackingUID)) "
                                    + "matches no lesion of \(subject) (lesions: \(lesions.map(\.id.rawValue).joined(separator: ", "))); "
                                    + "add the lesion first; nothing was imported")
            }
            guard used.insert(lesion.id).inserted else {
                throw WorkflowError(.unsupportedInput, subject: subject, lesion: lesion.id, visit: visit,
                                    "two measurement groups map to \(lesion.id); nothing was imported")
            }
            let long = try Self.length(group.longAxis, "Long Axis", group, subject: subject, visit: visit)
            let short = try Self.length(group.shortAxis, "Short Axis", group, subject: subject, visit: visit)
            var volume: VolumeMeasure?
            if let text = group.volume {
                guard let v = VolumeMeasure(parsing: text) ?? Double(text).flatMap(VolumeMeasure.init(rounding:)), v.units >= 0 else {
                    throw WorkflowError(.unsupportedInput, subject: subject, lesion: lesion.id, visit: visit,
                                        "group '\(group.trackingIdentifier)': Volume '\(text)' mm3 is not a non-negative number")
                }
                volume = v
            }
            guard long != nil || short != nil || volume != nil else {
                throw WorkflowError(.unsupportedInput, subject: subject, lesion: lesion.id, visit: visit,
                                    "group '\(group.trackingIdentifier)' has no long axis, short axis or volume; nothing was imported")
            }
            let m = NadirModel.Measurement(subjectID: subject, lesionID: lesion.id, visit: visit, state: .measured, longAxis: long,
                                shortAxis: short, volume: volume, method: .manual, reader: reader,
                                provenance: Provenance(source: "import-sr \(url.lastPathComponent) group \(group.trackingIdentifier)"))
            measurements.append((m, group.trackingIdentifier))
        }
        let values = try database.write(as: context) { writer in
            try measurements.map { m, tracking in
                let outcome = try writer.record(m, isCorrection: isCorrection)
                return Imported(lesion: m.lesionID.rawValue, trackingIdentifier: tracking, outcome: outcome.rawValue,
                                longAxis: m.longAxis?.formatted, shortAxis: m.shortAxis?.formatted, volume: m.volume?.formatted)
            }
        }
        return (visit, values)
    }

    /// A length in mm from decimal text: exact when it has at most two decimals, else rounded to 0.01 mm
    /// (Nadir's resolution, `Length`).
    static func length(_ text: String?, _ name: String, _ group: DICOMMeasurementReport.Group, subject: SubjectID,
                       visit: String) throws -> Length? {
        guard let text else { return nil }
        guard let value = Length(parsing: text) ?? Double(text).flatMap(Length.init(rounding:)), value.units >= 0 else {
            throw WorkflowError(.unsupportedInput, subject: subject, visit: visit,
                                "group '\(group.trackingIdentifier)': \(name) '\(text)' mm is not a non-negative number")
        }
        return value
    }
}
