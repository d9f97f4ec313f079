public import Foundation

/// One 2D image of a series: a single-frame file or one frame of a multi-frame file, with its plane
/// geometry (PS3.3 C.7.6.2 Image Plane Module, C.7.6.16 functional groups) and rescale.
public struct DICOMSlice: Hashable, Sendable {
    /// The file that holds the pixels.
    public var url: URL
    /// The frame within the file (0 for single-frame images).
    public var frameIndex: Int
    /// Instance Number (0020,0013), for ordering duplicates.
    public var instanceNumber: Int
    /// Image Position (Patient): centre of the first pixel, LPS mm.
    public var position: SIMD3<Double>
    /// The direction of increasing column index (first triple of Image Orientation (Patient)).
    public var rowDirection: SIMD3<Double>
    /// The direction of increasing row index (second triple).
    public var columnDirection: SIMD3<Double>
    /// Pixel Spacing: (between columns, between rows), i.e. (x, y) mm. DICOM stores them as row\column.
    public var pixelSpacing: SIMD2<Double>
    /// Rescale Slope (0028,1053), 1 when absent.
    public var rescaleSlope: Double
    /// Rescale Intercept (0028,1052), 0 when absent.
    public var rescaleIntercept: Double
    /// Rows and columns of the frame.
    public var rows: Int, columns: Int

    /// The slice normal: row direction x column direction.
    public var normal: SIMD3<Double> { crossProduct(rowDirection, columnDirection) }
}

/// The cross product (kept local so this file does not depend on NadirImaging's free functions).
func crossProduct(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    [a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x]
}
