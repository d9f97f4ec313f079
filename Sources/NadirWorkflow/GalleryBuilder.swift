public import NadirModel
public import NadirReport
internal import NadirSegmentation
public import NadirStore

/// Builds each patient's snapshot gallery (`SnapshotRenderer`): for every lesion with a segmentation at a visit,
/// the scan and the mask from the image store, with the long- and short-axis endpoints drawn.
///
/// The endpoints are recomputed from the stored mask with `LesionImaging.measure` rather than stored: the mask
/// is hash-verified and measurement is deterministic, so the drawn axes are exactly those of the recorded
/// measurement without a second copy in the database that could disagree with it.
public struct GalleryBuilder: Sendable {
    public var database: CaseDatabase
    public var store: ImageStore
    /// Pixels per side of each snapshot image.
    public var imageSize: Int

    public init(database: CaseDatabase, store: ImageStore, imageSize: Int = 256) {
        self.database = database
        self.store = store
        self.imageSize = imageSize
    }

    /// The gallery of one patient: one cell per lesion per visit with a segmentation that is not rejected,
    /// each scan loaded once.
    public func gallery(_ subject: SubjectID, progress: (String) -> Void = { _ in }) throws -> [SnapshotCell] {
        let (segmentations, lesions, scans) = try database.read { reader in
            let segmentations = try reader.segmentations(subject).filter { $0.status != .rejected && $0.maskPath != nil }
            let lesions = try reader.lesions(subject)
            let visits = Array(Set(segmentations.map(\.visit))).sorted()
            let scans = try visits.compactMap { try reader.scan(subject, visit: $0) }
            return (segmentations, lesions, scans)
        }
        let renderer = SnapshotRenderer(imageSize: imageSize)
        var cells: [SnapshotCell] = []
        for scan in scans {
            let here = segmentations.filter { $0.visit == scan.visit }
            guard !here.isEmpty else { continue }
            progress("\(subject) \(scan.visit): \(here.count) snapshot\(here.count == 1 ? "" : "s")")
            let ct = LesionImaging.hounsfield(try store.load(scan))
            for segmentation in here {
                guard let path = segmentation.maskPath, let hash = segmentation.maskHash,
                      let lesion = lesions.first(where: { $0.id == segmentation.lesionID })
                else { continue }
                let labels = try LabelMap(labelsFrom: try store.load(path, expectedHash: hash))
                let measured = try LesionImaging.measure(
                    labels: labels, ct: ct, subject: subject, lesion: lesion.id, visit: scan.visit, reader: "gallery",
                    imageHash: scan.contentHash, method: segmentation.method)
                let request = SnapshotRequest(
                    lesionID: lesion.id, visit: scan.visit, organ: lesion.organ, label: 1,
                    longAxis: AxisSegment(start: measured.longAxisEndpoints.0, end: measured.longAxisEndpoints.1),
                    shortAxis: AxisSegment(start: measured.shortAxisEndpoints.0, end: measured.shortAxisEndpoints.1))
                cells.append(try renderer.render(ct: ct, mask: measured.mask, request: request))
            }
        }
        return cells
    }
}
