import Foundation
import NadirImaging
import NadirModel
@testable import NadirReport
import Testing

/// Snapshots of an analytic phantom: a sphere of radius 10 mm in an oblique, anisotropic volume must appear as a
/// circle of diameter 20 mm in every plane (correct aspect), and the axis lines must land where the endpoints
/// project.
@Suite struct SnapshotRendererTests {
    /// Nearest-neighbour sampling of the mask can move each edge by half a voxel: the extent is exact to one voxel
    /// spacing (converted to pixels) plus one pixel of rasterisation.
    static func tolerancePixels(spacing: SIMD3<Double>, pixelSpacing: Double) -> Double {
        max(spacing.x, spacing.y, spacing.z) / pixelSpacing + 1
    }

    /// A 30-degree rotation about the superior axis.
    static let rotated: Matrix3 = {
        let c = cos(Double.pi / 6), s = sin(Double.pi / 6)
        return Matrix3(columns: [c, s, 0], [-s, c, 0], [0, 0, 1])
    }()

    /// CT: 40 HU background, 120 HU sphere (radius 10 mm) at `center`; mask label 3 on the same grid.
    static func phantom(center: SIMD3<Double>, spacing: SIMD3<Double>, direction: Matrix3)
        -> (Volume<Int16>, Volume<UInt8>)
    {
        // 60 mm along every index axis, the sphere's centre in the middle of the grid.
        let size = SIMD3<Int>(Int((60 / spacing.x).rounded(.up)), Int((60 / spacing.y).rounded(.up)),
                              Int((60 / spacing.z).rounded(.up)))
        let half = SIMD3<Double>(Double(size.x - 1), Double(size.y - 1), Double(size.z - 1)) * spacing / 2
        let geometry = ImageGeometry(size: size, origin: center - direction * half, spacing: spacing,
                                     direction: direction)
        var ct = Volume<Int16>(geometry: geometry, repeating: 40)
        var mask = Volume<UInt8>(geometry: geometry, repeating: 0)
        for z in 0..<size.z {
            for y in 0..<size.y {
                for x in 0..<size.x where norm(geometry.physicalPoint(at: SIMD3<Int>(x, y, z)) - center) <= 10 {
                    ct[x, y, z] = 120
                    mask[x, y, z] = 3
                }
            }
        }
        return (ct, mask)
    }

    /// Extent in pixels (columns, rows) of the contour colour in a decoded RGB image.
    static func contourExtent(_ image: TestPNGReader.Decoded) -> (Double, Double) {
        var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
        for y in 0..<image.height {
            for x in 0..<image.width {
                let o = (y * image.width + x) * 3
                if image.pixels[o] == 255, image.pixels[o + 1] == 200, image.pixels[o + 2] == 0 {
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        return (Double(maxX - minX + 1), Double(maxY - minY + 1))
    }

    @Test(arguments: [SIMD3<Double>(0.8, 0.8, 3.0), SIMD3<Double>(1.5, 0.7, 2.0)])
    func sphereIsRoundInEveryPlaneOfAnObliqueAnisotropicVolume(spacing: SIMD3<Double>) throws {
        let center = SIMD3<Double>(0, 5, 2)
        let (ct, mask) = Self.phantom(center: center, spacing: spacing, direction: Self.rotated)
        var renderer = SnapshotRenderer(imageSize: 128)
        renderer.minimumFieldOfView = 40
        let request = SnapshotRequest(lesionID: "T01", visit: "BASELINE", organ: "LIVER", label: 3,
                                      longAxis: AxisSegment(start: center - [10, 0, 0], end: center + [10, 0, 0]))
        let cell = try renderer.render(ct: ct, mask: mask, request: request)
        #expect(cell.images.map(\.kind) == [.axialZoom, .axialFull, .coronal, .sagittal])
        for image in cell.images where image.kind != .axialFull {
            let decoded = try TestPNGReader.decode(image.png)
            let (w, h) = Self.contourExtent(decoded)
            // Field of view max(40, 20 x 2.5) = 50 mm over 127 pixel steps: 20 mm = 50.8 pixels.
            let expected = 20 / (50.0 / 127)
            let tolerance = Self.tolerancePixels(spacing: spacing, pixelSpacing: 50.0 / 127)
            #expect(abs(w - expected) <= tolerance, "\(image.kind.rawValue) width \(w) vs \(expected)")
            #expect(abs(h - expected) <= tolerance, "\(image.kind.rawValue) height \(h) vs \(expected)")
            // An aspect error (index instead of physical space) would stretch one axis by the spacing ratio.
            #expect(abs(w - h) <= tolerance, "\(image.kind.rawValue) aspect \(w) x \(h)")
        }
    }

    @Test func longAxisLineEndsWhereItsEndpointsProject() throws {
        let center = SIMD3<Double>(0, 5, 2)
        let (ct, mask) = Self.phantom(center: center, spacing: [1, 1, 2.5], direction: .identity)
        let renderer = SnapshotRenderer(imageSize: 101)
        // Long axis 20 mm along L, short axis 12 mm along P; zoom FOV max(40, 50) = 50 mm over 100 steps: 0.5 mm/pixel.
        let request = SnapshotRequest(lesionID: "T01", visit: "BASELINE", organ: "LUNG", label: 3,
                                      longAxis: AxisSegment(start: center - [10, 0, 0], end: center + [10, 0, 0]),
                                      shortAxis: AxisSegment(start: center - [0, 6, 0], end: center + [0, 6, 0]))
        let cell = try renderer.render(ct: ct, mask: mask, request: request)
        let zoom = try TestPNGReader.decode(try #require(cell.images.first).png)
        func color(_ x: Int, _ y: Int) -> [UInt8] { Array(zoom.pixels[((y * 101 + x) * 3)..<((y * 101 + x) * 3 + 3)]) }
        // Long axis from pixel (30, 50) to (70, 50); short axis from (50, 38) to (50, 62).
        #expect(color(31, 50) == [0, 220, 255])
        #expect(color(69, 50) == [0, 220, 255])
        #expect(color(50, 39) == [255, 80, 200])
        #expect(color(50, 61) == [255, 80, 200])
        #expect(color(75, 50) != [0, 220, 255])
        // Lung window W1500 L-600 maps the 40 HU background by the DICOM linear function to
        // ((40 + 600.5) / 1499 + 0.5) x 255 = 236.46 -> 236 (pixel (50, 80) is 15 mm posterior of the centre).
        #expect(color(50, 80) == [236, 236, 236])
    }

    @Test func missingLabelIsAClearError() {
        let (ct, mask) = Self.phantom(center: [0, 5, 2], spacing: [1, 1, 2], direction: .identity)
        let request = SnapshotRequest(lesionID: "T09", visit: "BASELINE", organ: "LIVER", label: 9)
        #expect(throws: ReportError.self) { try SnapshotRenderer(imageSize: 32).render(ct: ct, mask: mask, request: request) }
    }

    @Test func dicomLinearWindowFunction() {
        // PS3.3 C.11.2.1.2.1 with c = 40, w = 400: x <= -160.5 -> 0; x > 239.5 -> 255; else ((x - 39.5)/399 + 0.5) x 255.
        let w = WindowPreset.softTissue
        #expect(w.grey(-161) == 0)
        #expect(w.grey(240) == 255)
        #expect(w.grey(39.5) == 128)   // 127.5 rounds half away from zero
        #expect(w.grey(139.25) == 191) // (99.75 / 399 + 0.5) x 255 = 191.25
        #expect(WindowPreset.forOrgan("Right lung") == .lung)
        #expect(WindowPreset.forOrgan("LYMPH NODE") == .mediastinum)
        #expect(WindowPreset.forOrgan("ADRENAL GLAND") == .softTissue)
    }
}
