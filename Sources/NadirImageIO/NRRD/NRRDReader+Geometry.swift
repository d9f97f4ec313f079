internal import Foundation
internal import NadirImaging

extension NRRDReader {
    /// Signs that take a space's axes to LPS (NRRD "space" values, long and short forms, with time variants).
    static let spaces: [String: SIMD3<Double>] = [
        "left-posterior-superior": [1, 1, 1], "lps": [1, 1, 1], "left-posterior-superior-time": [1, 1, 1], "lpst": [1, 1, 1],
        "right-anterior-superior": [-1, -1, 1], "ras": [-1, -1, 1], "right-anterior-superior-time": [-1, -1, 1], "rast": [-1, -1, 1],
        "left-anterior-superior": [1, -1, 1], "las": [1, -1, 1], "left-anterior-superior-time": [1, -1, 1], "last": [1, -1, 1],
    ]

    /// Size, spacing, direction and origin in LPS mm from sizes, space, space directions and space origin
    /// (or spacings when there is no space).
    static func geometry(_ header: NRRDHeader, file: URL?, diagnostics: inout [ImageIODiagnostic]) throws(ImageIOError)
        -> ImageGeometry
    {
        let dimension = try header.integers("dimension", file: file)
        let sizes = try header.integers("sizes", file: file)
        guard dimension.count == 1, (1...16).contains(dimension[0]), sizes.count == dimension[0],
              sizes.allSatisfy({ $0 >= 1 })
        else {
            throw ImageIOError(.badDimensions, file: file, field: "sizes",
                               detail: "dimension \(dimension) and sizes \(sizes) disagree or are not positive")
        }
        var total = 1
        for n in sizes {
            let (p, overflow) = total.multipliedReportingOverflow(by: n)
            guard !overflow, p < 1 << 45 else {
                throw ImageIOError(.badDimensions, file: file, field: "sizes", detail: "sizes \(sizes) overflow")
            }
            total = p
        }
        var flip = SIMD3<Double>(1, 1, 1)
        var axes: [SIMD3<Double>?]
        var origin = SIMD3<Double>.zero
        let space = header.fields["space"]?.lowercased()
        if let space {
            if let signs = spaces[space] {
                flip = signs
            } else {
                diagnostics.append(ImageIODiagnostic(.unusualField, field: "space", detail: "space \"\(space)\" is "
                                                         + "not anatomical; its coordinates are taken as LPS"))
            }
        } else if header.fields["space dimension"] != nil {
            diagnostics.append(ImageIODiagnostic(.unusualField, field: "space dimension", detail: "a space dimension "
                                                     + "without a named space: coordinates are taken as LPS"))
        }
        if let units = header.fields["space units"], units.replacingOccurrences(of: "\"", with: "")
            .split(whereSeparator: \.isWhitespace).contains(where: { $0 != "mm" }) {
            diagnostics.append(ImageIODiagnostic(.unusualField, field: "space units", detail: "space units are "
                                                     + "\(units), not mm; values are taken as mm"))
        }
        if space != nil || header.fields["space dimension"] != nil {
            let text = try header.required("space directions", file: file)
            axes = try NRRDHeader.vectors(text, field: "space directions", file: file)
            if let o = header.fields["space origin"] {
                let vectors = try NRRDHeader.vectors(o, field: "space origin", file: file)
                guard vectors.count == 1, let v = vectors[0] else {
                    throw ImageIOError(.badFieldValue, file: file, field: "space origin", detail: "\"\(o)\" is not \"(x,y,z)\"")
                }
                origin = v * flip
            }
        } else {
            let spacings = (header.fields["spacings"] ?? "").split(whereSeparator: \.isWhitespace).map { Double($0) ?? .nan }
            axes = sizes.indices.map { i in
                let s = i < spacings.count && spacings[i].isFinite && spacings[i] > 0 ? spacings[i] : 1
                return i < 3 ? SIMD3<Double>(i == 0 ? s : 0, i == 1 ? s : 0, i == 2 ? s : 0) : nil
            }
        }
        guard axes.count == sizes.count else {
            throw ImageIOError(.badFieldValue, file: file, field: "space directions",
                               detail: "\(axes.count) directions for \(sizes.count) axes")
        }
        var size: [Int] = []
        var columns: [SIMD3<Double>] = []
        for (axis, n) in zip(axes, sizes) {
            if let axis { size.append(n); columns.append(axis * flip); continue }
            guard n == 1 else {
                throw ImageIOError(.unsupportedDimensions, file: file, field: "sizes", detail: "an axis without a "
                                       + "space direction has \(n) samples (a vector or time series); only scalar volumes are read")
            }
        }
        guard (1...3).contains(columns.count) else {
            throw ImageIOError(.unsupportedDimensions, file: file, field: "space directions",
                               detail: "\(columns.count) spatial axes; 1 to 3 are read")
        }
        while columns.count < 3 {  // 1D or 2D images: complete with a unit normal
            let next = columns.count == 2 ? cross(columns[0], columns[1]) : (abs(columns[0].z) < 0.9 ? [0, 0, 1] : [1, 0, 0])
            columns.append(next / max(norm(next), 1e-300))
            size.append(1)
        }
        let m = Matrix3(columns: columns[0], columns[1], columns[2])
        if let problem = NIfTIHeader.degeneracy(of: m, offset: origin) {
            throw ImageIOError(.degenerateMatrix, file: file, field: "space directions", detail: "the directions \(problem)")
        }
        let spacing = SIMD3(norm(columns[0]), norm(columns[1]), norm(columns[2]))
        let direction = Matrix3(columns: columns[0] / spacing.x, columns[1] / spacing.y, columns[2] / spacing.z)
        if max(abs(dot(direction.c0, direction.c1)), abs(dot(direction.c0, direction.c2)),
               abs(dot(direction.c1, direction.c2))) > 1e-4 {
            diagnostics.append(ImageIODiagnostic(.nonOrthogonalDirection, field: "space directions",
                                                 detail: "the axes are not perpendicular; voxel positions are kept exact"))
        }
        return ImageGeometry(size: SIMD3(size[0], size[1], size[2]), origin: origin, spacing: spacing, direction: direction)
    }
}
