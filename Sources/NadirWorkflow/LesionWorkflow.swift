public import Foundation
internal import NadirDICOM
internal import NadirImageIO
public import NadirImaging
public import NadirModel
internal import NadirSegmentation
public import NadirStore

/// Lesions placed on scans: by seed (seeded segmentation) or by mask, measured, stored and re-measured.
public struct LesionWorkflow: Sendable {
    public var database: CaseDatabase
    public var store: ImageStore

    public init(database: CaseDatabase, store: ImageStore) {
        self.database = database
        self.store = store
    }

    /// Where a lesion is on a scan.
    public enum Placement: Sendable {
        /// A seed in LPS mm, with an optional preset name (default from the organ).
        case seed(SIMD3<Double>, preset: String?)
        /// A voxel index seed.
        case seedIndex(SIMD3<Int>, preset: String?)
        /// A label of a mask file (NIfTI/NRRD) on the scan's grid.
        case mask(URL, label: Int)
        /// A segment of a DICOM SEG, mapped onto its referenced series (a DICOM folder), which must be the scan.
        case dicomSegmentation(URL, segment: Int, referenceSeries: URL)
    }

    /// A new lesion to place: its tracking ID (nil: the next free T/NT/NEW number), role, organ, nodal flag.
    public struct NewLesion: Sendable {
        public var id: LesionID?
        public var role: LesionRole
        public var organ: String
        public var isNodal: Bool

        public init(id: LesionID?, role: LesionRole, organ: String, isNodal: Bool) {
            self.id = id
            self.role = role
            self.organ = organ
            self.isNodal = isNodal
        }
    }

    /// The scan of a visit as HU, with its record.
    public func scan(_ subject: SubjectID, visit: String) throws -> (ScanReference, Volume<Int16>) {
        guard let reference = try database.read({ try $0.scan(subject, visit: visit) }) else {
            throw WorkflowError(.missingScan, subject: subject, visit: visit,
                                "visit \(visit) has no scan; import it with `nadir scan import \(subject) \(visit) PATH`")
        }
        return (reference, LesionImaging.hounsfield(try store.load(reference)))
    }

    /// Places, segments and measures a lesion at a visit, and stores lesion, segmentation and measurement in one
    /// transaction. An existing lesion (same ID) gets a segmentation and measurement at this visit.
    public func place(_ lesion: NewLesion, subject: SubjectID, visit: String, at placement: Placement, reader: String,
                      context: AuditContext) throws -> (Lesion, LesionImaging.Outcome) {
        let (scanReference, ct) = try scan(subject, visit: visit)
        let existing = try database.read { try $0.lesions(subject) }
        let id = lesion.id ?? Self.nextID(for: lesion.role, existing: existing.map(\.id))
        let known = existing.first { $0.id == id }
        let organ = known?.organ ?? lesion.organ
        let isNodal = known?.isNodal ?? lesion.isNodal
        func seeded(_ seed: SIMD3<Double>, _ presetName: String?) throws -> (LesionImaging.Outcome, LesionSegmentation) {
            let preset = try LesionImaging.preset(named: presetName, organ: organ, isNodal: isNodal)
            let outcome = try LesionImaging.segmentAndMeasure(
                ct: ct, seed: seed, preset: preset, subject: subject, lesion: id, visit: visit, reader: reader,
                imageHash: scanReference.contentHash)
            return (outcome, LesionSegmentation(subjectID: subject, lesionID: id, visit: visit, method: .seed,
                                                seed: [seed.x, seed.y, seed.z], preset: preset.name))
        }
        func masked(_ labels: LabelMap) throws -> (LesionImaging.Outcome, LesionSegmentation) {
            let outcome = try LesionImaging.measure(labels: labels, ct: ct, subject: subject, lesion: id, visit: visit,
                                                    reader: reader, imageHash: scanReference.contentHash, method: .mask)
            return (outcome, LesionSegmentation(subjectID: subject, lesionID: id, visit: visit, method: .mask, maskLabel: 1))
        }
        var (outcome, segmentation): (LesionImaging.Outcome, LesionSegmentation)
        switch placement {
        case .seed(let point, let presetName):
            (outcome, segmentation) = try seeded(point, presetName)
        case .seedIndex(let index, let presetName):
            guard ct.geometry.contains(index: index) else {
                throw WorkflowError(.segmentation, subject: subject, lesion: id, visit: visit,
                                    "seed index \(index) is outside the scan (\(ct.geometry.size))")
            }
            (outcome, segmentation) = try seeded(ct.geometry.physicalPoint(at: index), presetName)
        case .mask(let url, let label):
            (outcome, segmentation) = try masked(try Self.readMask(url, label: label, onto: ct.geometry, subject: subject,
                                                                   lesion: id, visit: visit))
        case .dicomSegmentation(let url, let segment, let reference):
            (outcome, segmentation) = try masked(try Self.readSegmentation(
                url, segment: segment, referenceSeries: reference, onto: ct.geometry, subject: subject, lesion: id,
                visit: visit))
        }
        let (maskPath, maskHash) = try store.store(.uint8(outcome.mask))
        segmentation.maskPath = maskPath
        segmentation.maskHash = maskHash
        let value = known ?? Lesion(subjectID: subject, id: id, trackingUID: GeneratedUID.make(), role: lesion.role,
                                    organ: organ, isNodal: isNodal, firstVisit: visit)
        try database.write(as: context) { writer in
            if known == nil { try writer.addLesion(value) }
            try writer.record(segmentation)
            try writer.record(outcome.measurement)
        }
        return (value, outcome)
    }

    /// Re-segments (seed) or re-reads (mask) every lesion with a segmentation at a visit and records the
    /// measurements; a value that changed needs `isCorrection` (a reason), as for typed values.
    public func remeasure(subject: SubjectID, visit: String, reader: String, isCorrection: Bool,
                          context: AuditContext) throws -> [(LesionID, RecordOutcome, NadirModel.Measurement)] {
        let (scanReference, ct) = try scan(subject, visit: visit)
        let segmentations = try database.read { try $0.segmentations(subject) }.filter { $0.visit == visit && $0.status != .rejected }
        let lesions = try database.read { try $0.lesions(subject) }
        var outcomes: [(LesionID, LesionImaging.Outcome)] = []
        for segmentation in segmentations {
            guard let lesion = lesions.first(where: { $0.id == segmentation.lesionID }) else { continue }
            let outcome: LesionImaging.Outcome
            if segmentation.method == .seed, let s = segmentation.seed, s.count == 3 {
                let preset = try LesionImaging.preset(named: segmentation.preset, organ: lesion.organ, isNodal: lesion.isNodal)
                outcome = try LesionImaging.segmentAndMeasure(
                    ct: ct, seed: SIMD3(s[0], s[1], s[2]), preset: preset, subject: subject, lesion: lesion.id,
                    visit: visit, reader: reader, imageHash: scanReference.contentHash)
            } else if let path = segmentation.maskPath, let hash = segmentation.maskHash {
                let stored = try store.load(path, expectedHash: hash)
                let labels = try LabelMap(labelsFrom: stored)
                outcome = try LesionImaging.measure(labels: labels, ct: ct, subject: subject, lesion: lesion.id, visit: visit,
                                                    reader: reader, imageHash: scanReference.contentHash, method: .mask)
            } else {
                continue
            }
            outcomes.append((lesion.id, outcome))
        }
        return try database.write(as: context) { writer in
            try outcomes.map { id, outcome in
                var measurement = outcome.measurement
                measurement.isProposed = segmentations.first { $0.lesionID == id }?.status == .proposed
                return (id, try writer.record(measurement, isCorrection: isCorrection), measurement)
            }
        }
    }

    /// The watertight mesh (STL or OBJ, LPS mm) of a lesion's segmentation at a visit (default: its latest).
    public func mesh(subject: SubjectID, lesion: LesionID, visit: String?, format: String) throws -> Data {
        let all = try database.read { try $0.segmentations(subject) }.filter { $0.lesionID == lesion }
        guard let segmentation = visit.map({ v in all.first { $0.visit == v } }) ?? all.last,
              let path = segmentation.maskPath, let hash = segmentation.maskHash
        else {
            throw WorkflowError(.segmentation, subject: subject, lesion: lesion, visit: visit,
                                "lesion \(lesion) has no segmentation\(visit.map { " at \($0)" } ?? ""); place it with `nadir lesion add --seed` or `--mask`")
        }
        let mask = try store.load(path, expectedHash: hash)
        let (_, ct) = try scan(subject, visit: segmentation.visit)
        guard case .uint8(let binary) = mask else {
            throw WorkflowError(.imageStore, subject: subject, lesion: lesion, "stored mask \(path) is not a binary mask")
        }
        return try LesionImaging.mesh(of: binary, ct: ct, format: format)
    }

    /// Reads one label of a mask file and checks it lies on the scan's grid.
    static func readMask(_ url: URL, label: Int, onto geometry: ImageGeometry, subject: SubjectID, lesion: LesionID,
                         visit: String) throws -> LabelMap {
        let (volume, _) = try ImageFileReader.read(url: url)
        guard volume.geometry.isCongruent(with: geometry, tolerance: 1e-3) else {
            let g = volume.geometry
            throw WorkflowError(.segmentation, subject: subject, lesion: lesion, visit: visit,
                                "the mask \(url.lastPathComponent) does not fit the scan: mask \(g.size.x)x\(g.size.y)x\(g.size.z) at origin \(g.origin), scan \(geometry.size.x)x\(geometry.size.y)x\(geometry.size.z) at origin \(geometry.origin); resample the mask onto the scan first")
        }
        let labels = try LabelMap(labelsFrom: volume)
        guard label > 0, label <= Int(UInt16.max), labels.labelSummaries().contains(where: { Int($0.label) == label }) else {
            throw WorkflowError(.segmentation, subject: subject, lesion: lesion, visit: visit,
                                "label \(label) does not occur in \(url.lastPathComponent)")
        }
        var single = LabelMap(geometry: geometry, repeating: 0)
        try single.paste(labels.mask(of: UInt16(label)), as: 1)
        return single
    }

    /// Reads one segment of a DICOM SEG onto its referenced series and checks that series is the visit's scan.
    static func readSegmentation(_ url: URL, segment: Int, referenceSeries: URL, onto geometry: ImageGeometry,
                                 subject: SubjectID, lesion: LesionID, visit: String) throws -> LabelMap {
        let scanned = DICOMSeriesScanner.scan(folder: referenceSeries)
        let segFile = try DICOMFileReader.read(url: url, headerOnly: false)
        let referenced = segFile.dataSet.firstItem(.referencedSeriesSequence)?.string(.seriesInstanceUID)
        guard let series = scanned.series.first(where: { $0.kind == .image && (referenced == nil || $0.seriesInstanceUID == referenced) }) else {
            throw WorkflowError(.segmentation, subject: subject, lesion: lesion, visit: visit,
                                "\(url.lastPathComponent) references series \(referenced ?? "?"), which is not in \(referenceSeries.lastPathComponent)")
        }
        let seg = try DICOMSegmentationReader.read(url: url, onto: series)
        guard let chosen = seg.segments.first(where: { $0.number == segment }) else {
            throw WorkflowError(.segmentation, subject: subject, lesion: lesion, visit: visit,
                                "\(url.lastPathComponent) has no segment \(segment); segments: \(seg.segments.map(\.number))")
        }
        guard chosen.mask.geometry.isCongruent(with: geometry, tolerance: 1e-3) else {
            throw WorkflowError(.segmentation, subject: subject, lesion: lesion, visit: visit,
                                "the segmentation's series is not the scan of \(visit); import that series for the visit or use its own SEG")
        }
        // Fractional segments count where the fraction is at least one half.
        let binary = chosen.mask.float32().converted { UInt8($0 >= 0.5 ? 1 : 0) }
        var labels = LabelMap(geometry: geometry, repeating: 0)
        try labels.paste(binary, as: 1)
        return labels
    }

    /// The next free tracking ID for a role: T01.., NT01.., NEW01...
    static func nextID(for role: LesionRole, existing: [LesionID]) -> LesionID {
        let prefix = switch role {
        case .target: "T"
        case .nonTarget: "NT"
        case .new: "NEW"
        }
        var n = 1
        while existing.contains(LesionID(String(format: "%@%02d", prefix, n))) { n += 1 }
        return LesionID(String(format: "%@%02d", prefix, n))
    }
}
