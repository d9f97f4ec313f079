import Foundation
public import NadirImaging
public import NadirModel

/// A measured axis of a lesion: two endpoints in physical LPS millimetres.
public struct AxisSegment: Hashable, Sendable, Codable {
    /// One endpoint, LPS mm.
    public var start: SIMD3<Double>
    /// The other endpoint, LPS mm.
    public var end: SIMD3<Double>
    /// A segment between two points.
    public init(start: SIMD3<Double>, end: SIMD3<Double>) {
        self.start = start
        self.end = end
    }
    /// The segment's length in mm.
    public var length: Double { norm(end - start) }
    /// The segment's midpoint.
    public var midpoint: SIMD3<Double> { (start + end) / 2 }
}

/// What to draw for one lesion at one timepoint.
public struct SnapshotRequest: Hashable, Sendable {
    /// The lesion.
    public var lesionID: LesionID
    /// The timepoint.
    public var visit: String
    /// Organ or site, which chooses the window preset unless `window` is set.
    public var organ: String
    /// The lesion's value in the label mask.
    public var label: UInt8
    /// Long axis endpoints, LPS mm.
    public var longAxis: AxisSegment?
    /// Short axis endpoints, LPS mm.
    public var shortAxis: AxisSegment?
    /// An explicit window; nil uses `WindowPreset.forOrgan(organ)`.
    public var window: WindowPreset?

    /// Makes a request.
    public init(lesionID: LesionID, visit: String, organ: String, label: UInt8, longAxis: AxisSegment? = nil,
                shortAxis: AxisSegment? = nil, window: WindowPreset? = nil) {
        self.lesionID = lesionID
        self.visit = visit
        self.organ = organ
        self.label = label
        self.longAxis = longAxis
        self.shortAxis = shortAxis
        self.window = window
    }
}

/// Renders a lesion's key images: the axial slice through it (zoomed crop and full slice) with its contour and
/// long- and short-axis lines and lengths, and coronal and sagittal reformats through it. Everything is sampled
/// in physical space through each volume's geometry, so the mask may lie on its own grid.
public struct SnapshotRenderer: Sendable {
    /// Pixels per side of each image.
    public var imageSize: Int = 256
    /// Smallest zoomed field of view, mm.
    public var minimumFieldOfView: Double = 40
    /// Zoomed field of view as a multiple of the lesion's size.
    public var zoomFactor: Double = 2.5

    /// A renderer of square images `imageSize` pixels across (at least 16).
    public init(imageSize: Int = 256) { self.imageSize = max(16, imageSize) }

    /// Renders the four images of one lesion at one timepoint.
    public func render(ct: Volume<Int16>, mask: Volume<UInt8>?, request: SnapshotRequest) throws(ReportError)
        -> SnapshotCell
    {
        guard ct.geometry.voxelCount > 0, ct.geometry.direction.inverse != nil else {
            throw ReportError(.invalidGeometry, "the CT volume is empty or its direction matrix is singular",
                              lesion: request.lesionID.rawValue)
        }
        let (center, extent) = try lesionCenter(mask: mask, request: request)
        let window = request.window ?? WindowPreset.forOrgan(request.organ)
        let fov = max(minimumFieldOfView, extent * zoomFactor)
        let planes: [(SnapshotKind, SnapshotPlane.Orientation, SnapshotPlane)] = [
            (.axialZoom, .axial, SnapshotPlane(.axial, center: center, fieldOfView: fov, size: imageSize)),
            (.axialFull, .axial, .covering(ct.geometry, orientation: .axial, through: center, size: imageSize)),
            (.coronal, .coronal, SnapshotPlane(.coronal, center: center, fieldOfView: fov, size: imageSize)),
            (.sagittal, .sagittal, SnapshotPlane(.sagittal, center: center, fieldOfView: fov, size: imageSize)),
        ]
        var images: [SnapshotImage] = []
        for (kind, orientation, plane) in planes {
            let image = try draw(ct: ct, mask: mask, plane: plane, orientation: orientation, window: window,
                                 request: request, showAxes: orientation == .axial)
            let png = try PNGEncoder.encode(rgb8: image.pixels, width: image.width, height: image.height)
            var caption = "\(request.lesionID.rawValue) \(request.visit) \(orientation.rawValue)"
            caption += " \(kind == .axialFull ? "full slice" : "\(SVGBuilder.number(fov)) mm field")"
            caption += ", window \(window.name) W\(SVGBuilder.number(window.width)) L\(SVGBuilder.number(window.center))"
            if let la = request.longAxis { caption += ", long axis \(SVGBuilder.number(la.length)) mm" }
            if let sa = request.shortAxis { caption += ", short axis \(SVGBuilder.number(sa.length)) mm" }
            images.append(SnapshotImage(kind: kind, png: png, width: image.width, height: image.height, caption: caption))
        }
        return SnapshotCell(lesionID: request.lesionID, visit: request.visit, images: images)
    }

    /// The lesion's centre (long-axis midpoint, else the label's centroid) and size in mm.
    func lesionCenter(mask: Volume<UInt8>?, request: SnapshotRequest) throws(ReportError) -> (SIMD3<Double>, Double) {
        if let la = request.longAxis { return (la.midpoint, la.length) }
        guard let mask else {
            throw ReportError(.labelNotFound, "neither axis endpoints nor a mask were given; pass one of them",
                              lesion: request.lesionID.rawValue)
        }
        var sum = SIMD3<Double>.zero, count = 0
        var lo = SIMD3<Int>(repeating: .max), hi = SIMD3<Int>(repeating: .min)
        let s = mask.geometry.size
        mask.withUnsafeVoxels { v in
            var o = 0
            for z in 0..<s.z {
                for y in 0..<s.y {
                    for x in 0..<s.x {
                        if v[o] == request.label {
                            sum += SIMD3<Double>(Double(x), Double(y), Double(z))
                            count += 1
                            lo = pointwiseMin(lo, [x, y, z])
                            hi = pointwiseMax(hi, [x, y, z])
                        }
                        o &+= 1
                    }
                }
            }
        }
        guard count > 0 else {
            throw ReportError(.labelNotFound, "label \(request.label) has no voxels in the mask; check the label "
                + "number of this lesion", lesion: request.lesionID.rawValue)
        }
        let center = mask.geometry.physicalPoint(at: sum / Double(count))
        let size = norm(mask.geometry.physicalPoint(at: hi) - mask.geometry.physicalPoint(at: lo))
        return (center, size)
    }

    /// One image: windowed CT, contour, axes and labels.
    func draw(ct: Volume<Int16>, mask: Volume<UInt8>?, plane: SnapshotPlane, orientation: SnapshotPlane.Orientation,
              window: WindowPreset, request: SnapshotRequest, showAxes: Bool) throws(ReportError) -> RGBImage {
        let n = plane.size
        let greys: [UInt8]? = ct.withUnsafeVoxels { voxels in
            plane.sample(ct.geometry, fill: 0) { window.grey(ct.interpolated(at: $0, outside: -1024, voxels)) }
        }
        guard let greys else {
            throw ReportError(.invalidGeometry, "the CT direction matrix is singular", lesion: request.lesionID.rawValue)
        }
        var image = RGBImage(gray: greys, width: n, height: n)
        if let mask {
            let s = mask.geometry.size
            let labels: [Bool]? = mask.withUnsafeVoxels { v in
                plane.sample(mask.geometry, fill: false) { c in
                    let x = Int(c.x.rounded()), y = Int(c.y.rounded()), z = Int(c.z.rounded())
                    guard x >= 0, y >= 0, z >= 0, x < s.x, y < s.y, z < s.z else { return false }
                    return v[(z * s.y + y) * s.x + x] == request.label
                }
            }
            if let labels { drawContour(&image, labels) }
        }
        if showAxes {
            if let la = request.longAxis {
                image.line(from: plane.pixel(of: la.start), to: plane.pixel(of: la.end), .longAxis, thickness: 2)
            }
            if let sa = request.shortAxis {
                image.line(from: plane.pixel(of: sa.start), to: plane.pixel(of: sa.end), .shortAxis, thickness: 2)
            }
        }
        let scale = n >= 256 ? 2 : 1
        var y = 4 * scale
        image.text("\(request.lesionID.rawValue) \(orientation.rawValue)", x: 4 * scale, y: y, .white, scale: scale)
        if showAxes, let la = request.longAxis {
            y += 10 * scale
            image.text("LA \(ReportFormat.fixed(Decimal(la.length), digits: 1)) MM", x: 4 * scale, y: y, .longAxis,
                       scale: scale)
        }
        if showAxes, let sa = request.shortAxis {
            y += 10 * scale
            image.text("SA \(ReportFormat.fixed(Decimal(sa.length), digits: 1)) MM", x: 4 * scale, y: y, .shortAxis,
                       scale: scale)
        }
        image.text("W\(SVGBuilder.number(window.width)) L\(SVGBuilder.number(window.center))", x: 4 * scale,
                   y: n - 12 * scale, .white, scale: scale)
        return image
    }

    /// Marks label pixels with a 4-neighbour outside the label.
    func drawContour(_ image: inout RGBImage, _ inside: [Bool]) {
        let n = image.width
        for j in 0..<n {
            for i in 0..<n where inside[j * n + i] {
                let edge = i == 0 || j == 0 || i == n - 1 || j == n - 1 || !inside[j * n + i - 1]
                    || !inside[j * n + i + 1] || !inside[(j - 1) * n + i] || !inside[(j + 1) * n + i]
                if edge { image.set(x: i, y: j, .contour) }
            }
        }
    }
}
