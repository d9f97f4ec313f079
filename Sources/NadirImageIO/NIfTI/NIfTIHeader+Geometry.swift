public import Foundation
public import NadirImaging

extension NIfTIHeader {
    /// Millimetres per spatial unit from `xyzt_units` (nifti1.h NIFTI_UNITS_METER/MM/MICRON), and a
    /// diagnostic when the unit is unknown or converted.
    func millimetresPerUnit() -> (Double, ImageIODiagnostic?) {
        switch xyztUnits & 0x07 {
        case 1: (1000, ImageIODiagnostic(.unitsConverted, field: "xyzt_units", detail: "spatial units are metres; converted to mm"))
        case 2: (1, nil)
        case 3: (0.001, ImageIODiagnostic(.unitsConverted, field: "xyzt_units", detail: "spatial units are micrometres; converted to mm"))
        default: (1, ImageIODiagnostic(.unknownUnits, field: "xyzt_units",
                                       detail: "spatial units are not given (xyzt_units \(xyztUnits)); millimetres assumed"))
        }
    }

    /// The voxel-to-world affine in RAS, chosen as NIfTI-1 says a reader should: the sform when
    /// `sform_code` > 0 (method 3), else the qform when `qform_code` > 0 (method 2), else pixdim alone
    /// (method 1). A singular sform falls back to a usable qform with a diagnostic.
    func rasAffine(file: URL?) throws(ImageIOError) -> (linear: Matrix3, offset: SIMD3<Double>, [ImageIODiagnostic]) {
        var diagnostics: [ImageIODiagnostic] = []
        if sformCode > 0 {
            let m = Matrix3(rows: SIMD3(srow[0].x, srow[0].y, srow[0].z), SIMD3(srow[1].x, srow[1].y, srow[1].z),
                            SIMD3(srow[2].x, srow[2].y, srow[2].z))
            let t = SIMD3(srow[0].w, srow[1].w, srow[2].w)
            if let problem = Self.degeneracy(of: m, offset: t) {
                guard qformCode > 0 else {
                    throw ImageIOError(.degenerateMatrix, file: file, field: "srow_x/srow_y/srow_z",
                                       byteOffset: layout.srow, detail: "the sform \(problem) and there is no qform to "
                                           + "fall back on; the file's geometry cannot be used")
                }
                diagnostics.append(ImageIODiagnostic(.sformIgnored, field: "sform_code",
                                                     detail: "the sform \(problem); the qform was used instead"))
            } else {
                return (m, t, diagnostics)
            }
        }
        let spacing = try pixdimSpacing(file: file)
        if qformCode > 0 {
            let (rotation, qfacNote) = try quaternionRotation(file: file)
            if let qfacNote { diagnostics.append(qfacNote) }
            let qfac: Double = pixdim[0] < 0 ? -1 : 1
            let m = Matrix3(columns: rotation.c0 * spacing.x, rotation.c1 * spacing.y, rotation.c2 * (qfac * spacing.z))
            guard Self.degeneracy(of: m, offset: qoffset) == nil else {
                throw ImageIOError(.degenerateMatrix, file: file, field: "qoffset_x/y/z", byteOffset: layout.qoffset,
                                   detail: "the qform offset is not finite")
            }
            return (m, qoffset, diagnostics)
        }
        diagnostics.append(ImageIODiagnostic(.noOrientation, field: "qform_code",
                                             detail: "qform_code and sform_code are 0: orientation unknown; axes taken "
                                                 + "as RAS with spacing from pixdim and origin 0 (NIfTI method 1)"))
        return (Matrix3(columns: [spacing.x, 0, 0], [0, spacing.y, 0], [0, 0, spacing.z]), .zero, diagnostics)
    }

    /// Spacing from pixdim[1...3]: must be positive and finite for the axes the image uses (1 for unused axes).
    func pixdimSpacing(file: URL?) throws(ImageIOError) -> SIMD3<Double> {
        var spacing = SIMD3<Double>(1, 1, 1)
        for axis in 0..<3 {
            let value = pixdim[axis + 1]
            if value.isFinite, value > 0 { spacing[axis] = value; continue }
            if axis + 1 > dim[0] { continue }
            throw ImageIOError(.badSpacing, file: file, field: "pixdim[\(axis + 1)]",
                               byteOffset: layout.pixdim + layout.real * (axis + 1),
                               detail: "pixdim[\(axis + 1)] is \(value); voxel spacing must be positive")
        }
        return spacing
    }

    /// The rotation of the qform quaternion (nifti1.h "METHOD 2"), before qfac and spacing.
    func quaternionRotation(file: URL?) throws(ImageIOError) -> (Matrix3, ImageIODiagnostic?) {
        var (b, c, d) = (quaternion.x, quaternion.y, quaternion.z)
        guard b.isFinite, c.isFinite, d.isFinite else {
            throw ImageIOError(.degenerateMatrix, file: file, field: "quatern_b/c/d", byteOffset: layout.quatern,
                               detail: "the qform quaternion is not finite")
        }
        var a = 1 - (b * b + c * c + d * d)
        if a < 1e-7 {
            // |(b, c, d)| is (about) 1: a 180-degree rotation; renormalise as nifti1_io does.
            let n = (b * b + c * c + d * d).squareRoot()
            (a, b, c, d) = (0, b / n, c / n, d / n)
        } else {
            a = a.squareRoot()
        }
        let rotation = Matrix3(rows: SIMD3(a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)),
                               SIMD3(2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)),
                               SIMD3(2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b))
        let q = pixdim[0]
        let note = (q == 1 || q == -1 || q == 0) ? nil
            : ImageIODiagnostic(.unusualQfac, field: "pixdim[0]", detail: "qfac (pixdim[0]) is \(q), neither 1 nor -1; "
                                    + (q < 0 ? "treated as -1" : "treated as 1"))
        return (rotation, note)
    }

    /// Why a 3x3 linear part and offset cannot place voxels (a sentence fragment), or `nil` when it can.
    static func degeneracy(of m: Matrix3, offset: SIMD3<Double>) -> String? {
        let all = [m.c0, m.c1, m.c2, offset].flatMap { [$0.x, $0.y, $0.z] }
        if !all.allSatisfy(\.isFinite) { return "has entries that are not finite" }
        let norms = [norm(m.c0), norm(m.c1), norm(m.c2)]
        if norms.contains(where: { $0 < 1e-9 }) { return "has a zero column (an axis of length 0)" }
        if abs(m.determinant) < 1e-6 * norms[0] * norms[1] * norms[2] { return "is singular (its axes are coplanar)" }
        return nil
    }

    /// The geometry in LPS millimetres: the RAS affine with x and y negated, scaled to mm, split into origin,
    /// spacing (column lengths) and direction (unit columns). Sheared affines keep their exact columns and
    /// get a diagnostic.
    public func geometry(file: URL? = nil) throws(ImageIOError) -> (ImageGeometry, [ImageIODiagnostic]) {
        var (linear, offset, diagnostics) = try rasAffine(file: file)
        let (scale, unitNote) = millimetresPerUnit()
        if let unitNote { diagnostics.append(unitNote) }
        let flip = SIMD3<Double>(-1, -1, 1)
        linear = Matrix3(columns: linear.c0 * flip * scale, linear.c1 * flip * scale, linear.c2 * flip * scale)
        offset = offset * flip * scale
        let spacing = SIMD3(norm(linear.c0), norm(linear.c1), norm(linear.c2))
        let direction = Matrix3(columns: linear.c0 / spacing.x, linear.c1 / spacing.y, linear.c2 / spacing.z)
        let skew = max(abs(dot(direction.c0, direction.c1)), abs(dot(direction.c0, direction.c2)),
                       abs(dot(direction.c1, direction.c2)))
        if skew > 1e-4 {
            let degrees = (90 - acos(min(skew, 1)) * 180 / .pi)
            diagnostics.append(ImageIODiagnostic(.nonOrthogonalDirection, field: "srow_x/srow_y/srow_z",
                                                 detail: "the axes are not perpendicular (sheared by up to "
                                                     + String(format: "%.3f", degrees) + " degrees); voxel positions "
                                                     + "are kept exact, but tools that assume orthonormal directions "
                                                     + "(SimpleITK) will disagree"))
        }
        return (ImageGeometry(size: size, origin: offset, spacing: spacing, direction: direction), diagnostics)
    }
}
