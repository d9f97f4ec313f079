public import Foundation
public import NadirImaging

/// One series found in a folder: its slices in spatial order, the volume geometry they make, de-identified
/// metadata, and what is wrong with it.
public struct DICOMSeriesSummary: Sendable {
    /// What the series holds.
    public enum Kind: String, Hashable, Sendable {
        /// Images that can form a volume.
        case image
        /// A DICOM Segmentation (PS3.3 A.51).
        case segmentation
        /// Anything else (structured reports, presentation states, ...): listed, not read.
        case other
    }

    /// Series Instance UID (0020,000E), kept under the Retain UIDs Option.
    public var seriesInstanceUID: String
    /// What the series holds.
    public var kind: Kind
    /// The files of the series, in path order.
    public var files: [URL]
    /// The slices along the slice normal (duplicates removed); empty for `.other`.
    public var slices: [DICOMSlice]
    /// The volume geometry (LPS mm), or `nil` when the slices cannot form one volume.
    public var geometry: ImageGeometry?
    /// De-identified metadata from the first slice.
    public var metadata: ScanMetadata
    /// The transfer syntaxes of the files.
    public var transferSyntaxes: Set<DICOMTransferSyntax>
    /// Findings about the series: gaps, uneven spacing, tilt, mixed orientations, duplicates.
    public var diagnostics: [DICOMDiagnostic]
}

/// What `DICOMSeriesScanner.scan` found: the series, and findings about files that belong to none.
public struct DICOMScanResult: Sendable {
    /// The series, ordered by Series Instance UID.
    public var series: [DICOMSeriesSummary]
    /// Files that could not be read, with the reason.
    public var diagnostics: [DICOMDiagnostic]
}

/// Sorting and geometry of a stack of slices: the rules of ITK's GDCMSeriesFileNames/ImageSeriesReader
/// (sort by position along the normal), plus explicit findings where a stack is not a regular grid.
enum SliceStackGeometry {
    /// Positions closer than this along the normal are duplicates, mm.
    static let duplicateTolerance = 1e-3
    /// Direction cosines that differ by more than this are different orientations.
    static let orientationTolerance = 1e-4
    /// Relative difference between steps reported as uneven.
    static let unevenTolerance = 0.01
    /// A step larger than this many median steps is a gap.
    static let gapFactor = 1.5
    /// A tilt above this angle, in degrees, is reported and used in the direction matrix.
    static let tiltToleranceDegrees = 0.01

    static func assemble(_ input: [DICOMSlice]) -> (slices: [DICOMSlice], geometry: ImageGeometry?,
                                                     diagnostics: [DICOMDiagnostic])
    {
        guard let reference = input.first else { return ([], nil, []) }
        var diagnostics: [DICOMDiagnostic] = []
        func close(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Bool {
            maxAbs(a - b) <= orientationTolerance
        }
        let mismatched = input.filter {
            !close($0.rowDirection, reference.rowDirection) || !close($0.columnDirection, reference.columnDirection)
                || $0.rows != reference.rows || $0.columns != reference.columns
                || abs($0.pixelSpacing.x - reference.pixelSpacing.x) > orientationTolerance
                || abs($0.pixelSpacing.y - reference.pixelSpacing.y) > orientationTolerance
        }
        if let other = mismatched.first {
            diagnostics.append(DICOMDiagnostic(.mixedOrientations, .warning,
                "\(mismatched.count) of \(input.count) slices differ in orientation, size or pixel spacing from "
                + "the first; the series cannot form one volume (split it by orientation before reading)",
                file: other.url, tag: .imageOrientationPatient))
            return (input.sorted { $0.instanceNumber < $1.instanceNumber }, nil, diagnostics)
        }
        let normal = reference.normal
        func along(_ s: DICOMSlice) -> Double { (normal * s.position).sum() }
        let sorted = input.sorted {
            let a = along($0), b = along($1)
            if abs(a - b) > duplicateTolerance { return a < b }
            return ($0.instanceNumber, $0.frameIndex) < ($1.instanceNumber, $1.frameIndex)
        }
        var kept: [DICOMSlice] = [sorted[0]]
        var duplicates: [DICOMSlice] = []
        for slice in sorted.dropFirst() {
            if let last = kept.last, maxAbs(slice.position - last.position) <= duplicateTolerance {
                duplicates.append(slice)
            } else {
                kept.append(slice)
            }
        }
        if let first = duplicates.first {
            diagnostics.append(DICOMDiagnostic(.duplicatePositions, .warning,
                "\(duplicates.count) slice(s) repeat a position already taken (e.g. \(format(first.position))); "
                + "the one with the lowest Instance Number is used", file: first.url, tag: .imagePositionPatient))
        }
        let count = kept.count
        var step = normal
        var sliceSpacing = 1.0
        if count > 1 {
            let steps = zip(kept, kept.dropFirst()).map { along($1) - along($0) }
            let median = steps.sorted()[steps.count / 2]
            let total = kept[count - 1].position - kept[0].position
            let mean = along(kept[count - 1]) - along(kept[0])
            let meanStep = mean / Double(count - 1)
            guard meanStep > duplicateTolerance else {
                diagnostics.append(DICOMDiagnostic(.mixedOrientations, .warning,
                    "the slices do not advance along their normal (first and last at the same depth); they do not "
                    + "form a stack", file: kept[0].url, tag: .imagePositionPatient))
                return (kept, nil, diagnostics)
            }
            if let index = steps.firstIndex(where: { $0 > gapFactor * median }) {
                diagnostics.append(DICOMDiagnostic(.gap, .warning,
                    String(format: "a %.3f mm step between slices %d and %d where the usual step is %.3f mm: "
                           + "slices are missing; spacing is the mean %.3f mm, so positions inside the stack are off",
                           steps[index], index, index + 1, median, meanStep), file: kept[index + 1].url,
                    tag: .imagePositionPatient))
            } else if let worst = steps.max(by: { abs($0 - meanStep) < abs($1 - meanStep) }),
                      abs(worst - meanStep) > unevenTolerance * meanStep
            {
                diagnostics.append(DICOMDiagnostic(.unevenSpacing, .warning,
                    String(format: "steps between slices range from %.4f to %.4f mm; spacing is the mean %.4f mm",
                           steps.min() ?? 0, steps.max() ?? 0, meanStep), tag: .imagePositionPatient))
            }
            let stepVector = total / Double(count - 1)
            let stepLength = (stepVector * stepVector).sum().squareRoot()
            let cosine = min(1, (stepVector * normal).sum() / stepLength)
            let degrees = acos(cosine) * 180 / Double.pi
            sliceSpacing = meanStep
            if degrees > tiltToleranceDegrees {
                diagnostics.append(DICOMDiagnostic(.gantryTilt, .warning,
                    String(format: "slices are displaced in-plane: a gantry tilt of %.2f degrees; the third "
                           + "direction follows the slice positions (non-orthogonal direction matrix)", degrees),
                    tag: .imagePositionPatient))
                step = stepVector / stepLength
                sliceSpacing = stepLength
            }
        }
        let geometry = ImageGeometry(
            size: SIMD3(reference.columns, reference.rows, count), origin: kept[0].position,
            spacing: SIMD3(reference.pixelSpacing.x, reference.pixelSpacing.y, sliceSpacing),
            direction: Matrix3(columns: reference.rowDirection, reference.columnDirection, step))
        return (kept, geometry, diagnostics)
    }

    static func maxAbs(_ v: SIMD3<Double>) -> Double { max(abs(v.x), abs(v.y), abs(v.z)) }

    static func format(_ p: SIMD3<Double>) -> String { String(format: "(%.3f, %.3f, %.3f)", p.x, p.y, p.z) }
}
