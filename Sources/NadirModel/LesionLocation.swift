internal import Foundation

/// Where a lesion lies on one scan, so that a reviewer can find it: its centroid and bounding box in patient
/// space (DICOM LPS, mm) and the key slice a reader opens first.
///
/// The key slice is the 0-based index along the scan's third (slice) axis of the axial slice holding the long
/// axis (RECIST 1.1 measures the longest diameter in the axial plane, Eisenhauer et al., Eur J Cancer
/// 2009;45:228-247); viewers number slices from 1, so the text output prints `keySlice + 1` of the series.
public struct LesionLocation: Hashable, Sendable, Codable {
    /// The centroid of the lesion's voxels, LPS mm.
    public var centroid: [Double]
    /// The lower corner of the axis-aligned bounding box of the lesion's voxel centres, LPS mm.
    public var boundingBoxLower: [Double]
    /// The upper corner of that box, LPS mm.
    public var boundingBoxUpper: [Double]
    /// The 0-based slice index of the key (long-axis) slice.
    public var keySlice: Int

    /// Makes a location.
    public init(centroid: SIMD3<Double>, boundingBoxLower: SIMD3<Double>, boundingBoxUpper: SIMD3<Double>,
                keySlice: Int) {
        self.centroid = [centroid.x, centroid.y, centroid.z]
        self.boundingBoxLower = [boundingBoxLower.x, boundingBoxLower.y, boundingBoxLower.z]
        self.boundingBoxUpper = [boundingBoxUpper.x, boundingBoxUpper.y, boundingBoxUpper.z]
        self.keySlice = keySlice
    }

    /// The centroid as a vector.
    public var centroidPoint: SIMD3<Double> {
        SIMD3(centroid.count == 3 ? centroid[0] : .nan, centroid.count == 3 ? centroid[1] : .nan,
              centroid.count == 3 ? centroid[2] : .nan)
    }

    /// One line for text output: "centroid (x, y, z) mm, box (..)-(..) mm, slice k+1".
    public var summary: String {
        func triple(_ v: [Double]) -> String {
            "(" + v.map { String(format: "%.1f", $0) }.joined(separator: ", ") + ")"
        }
        return "centroid \(triple(centroid)) mm, box \(triple(boundingBoxLower))-\(triple(boundingBoxUpper)) mm, slice \(keySlice + 1)"
    }
}
