internal import Dispatch
public import Foundation
internal import NadirDICOM
internal import NadirImageIO
public import NadirImaging

/// Writes a scenario's scans: each timepoint rendered from the chest phantom (anatomy, lesions at their designed
/// size, the body moved as designed, noise) as a DICOM CT series (one file per slice, `DICOMCTWriter`) and/or
/// NIfTI-1, plus `ground-truth.json`.
public struct StudyWriter: Sendable {
    /// The scan grid: size, spacing (mm) and the patient-space point at its centre.
    public struct Grid: Hashable, Sendable, Codable {
        /// Voxels along x, y, z.
        public var size: SIMD3<Int>
        /// Spacing, mm (z is the slice spacing and thickness).
        public var spacing: SIMD3<Double>
        /// The grid's centre in patient space, LPS mm.
        public var centre: SIMD3<Double>

        /// Makes a grid.
        public init(size: SIMD3<Int>, spacing: SIMD3<Double>, centre: SIMD3<Double> = .zero) {
            self.size = size
            self.spacing = spacing
            self.centre = centre
        }

        /// The demo's grid: 288 x 288 x 128 voxels of 1.25 x 1.25 x 2.5 mm (360 x 360 x 320 mm), chest and liver.
        public static let demo = Grid(size: [288, 288, 128], spacing: [1.25, 1.25, 2.5], centre: [0, 0, 10])

        /// A grid of `size` in-plane voxels covering the demo's field of view (slices scaled alike).
        public static func demo(inPlane size: Int) -> Grid {
            let n = max(64, size)
            let xy = 360.0 / Double(n)
            let slices = max(32, Int((320.0 / (2 * xy)).rounded()))
            return Grid(size: [n, n, slices], spacing: [xy, xy, 320.0 / Double(slices)], centre: [0, 0, 10])
        }

        /// The image geometry (identity direction) centred on `centre`.
        public var geometry: ImageGeometry {
            var g = Phantom.centredGeometry(size: size, spacing: spacing)
            g.origin += centre
            return g
        }
    }

    /// Which files to write.
    public struct Formats: OptionSet, Hashable, Sendable {
        /// The option bits.
        public var rawValue: Int
        /// Makes a set from bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A DICOM CT series per timepoint.
        public static let dicom = Formats(rawValue: 1)
        /// A NIfTI-1 file (.nii.gz) per timepoint.
        public static let nifti = Formats(rawValue: 2)
    }

    /// What was written for one timepoint.
    public struct WrittenScan: Sendable {
        /// The timepoint's visit.
        public var visit: String
        /// The DICOM series folder, if written.
        public var dicomFolder: URL?
        /// The NIfTI file, if written.
        public var niftiFile: URL?
    }

    /// The grid.
    public var grid: Grid
    /// Noise SD at 1 mm slices (HU); thicker slices get less (`SyntheticCT.noise`).
    public var noiseAt1mm: Double
    /// Files to write.
    public var formats: Formats

    /// Makes a writer.
    public init(grid: Grid = .demo, noiseAt1mm: Double = 12, formats: Formats = [.dicom, .nifti]) {
        self.grid = grid
        self.noiseAt1mm = noiseAt1mm
        self.formats = formats
    }

    /// The phantom of one timepoint (its noise seed differs per subject and timepoint).
    public func phantom(_ scenario: StudyScenario, timepoint index: Int) -> Phantom {
        var seed: UInt64 = 1469598103934665603
        for byte in "\(scenario.subjectID)/\(index)".utf8 { seed = (seed ^ UInt64(byte)) &* 1099511628211 }
        return Phantom(geometry: grid.geometry, lesions: scenario.phantomLesions(at: index),
                       motion: scenario.timepoints[index].motion,
                       noiseStandardDeviation: SyntheticCT.noise(noiseAt1mm, sliceThickness: grid.spacing.z),
                       noiseSeed: seed)
    }

    /// Renders and writes every timepoint of `scenario` under `folder/<visit>/` (visit names with `_` for spaces)
    /// and `folder/ground-truth.json`. Rendering uses both cores per volume; the files of two timepoints are
    /// written concurrently.
    public func write(_ scenario: StudyScenario, to folder: URL,
                      progress: (String) -> Void = { _ in }) throws -> [WrittenScan] {
        let designed = try scenario.designedResponses()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ScenarioError(.io, scenario: scenario.name, "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let count = scenario.timepoints.count
        let results = ResultSlots(count: count)
        var pending: [(Int, Volume<Int16>)] = []
        func flush() {
            let batch = pending
            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                let (index, ct) = batch[k]
                results.set(index, Result { try writeScan(ct, scenario: scenario, index: index, folder: folder) })
            }
            pending.removeAll()
        }
        for index in 0..<count {
            progress("\(scenario.subjectID) \(scenario.timepoints[index].visit): rendering \(grid.size.x)x\(grid.size.y)x\(grid.size.z)")
            pending.append((index, phantom(scenario, timepoint: index).render().ct))
            if pending.count == 2 || index == count - 1 {
                progress("\(scenario.subjectID): writing \(pending.count) series")
                flush()
            }
        }
        let written = try results.values()
        try GroundTruth(scenario: scenario, grid: grid, designed: designed).write(to: folder.appendingPathComponent("ground-truth.json"))
        return written
    }

    /// Writes one timepoint's files.
    func writeScan(_ ct: Volume<Int16>, scenario: StudyScenario, index: Int, folder: URL) throws -> WrittenScan {
        let tp = scenario.timepoints[index]
        let name = tp.visit.replacingOccurrences(of: " ", with: "_")
        var scan = WrittenScan(visit: tp.visit)
        if formats.contains(.dicom) {
            // Each visit is its own study with its own frame of reference, as follow-up scans are.
            let writer = DICOMCTWriter(subjectID: scenario.subjectID, studyDate: tp.dicomDate, seriesNumber: index + 1)
            let target = folder.appendingPathComponent(name, isDirectory: true)
            try writer.write(ct, to: target)
            scan.dicomFolder = target
        }
        if formats.contains(.nifti) {
            let url = folder.appendingPathComponent("\(name).nii.gz")
            try NIfTIWriter(version: .nifti1).write(.int16(ct), to: url)
            scan.niftiFile = url
        }
        return scan
    }
}

/// Per-index results filled from a concurrent loop (each index written once, by one iteration).
final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<StudyWriter.WrittenScan, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<StudyWriter.WrittenScan, any Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() throws -> [StudyWriter.WrittenScan] {
        try slots.map { slot in
            guard let slot else { throw ScenarioError(.io, scenario: "", "a timepoint was not written") }
            return try slot.get()
        }
    }
}
