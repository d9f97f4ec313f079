internal import Foundation
public import NadirImaging

extension NIfTIHeader {
    /// The header Nadir writes for a volume: dim from the size, the LPS geometry negated to RAS in the sform
    /// (sform_code 1, scanner) and, when the direction is orthonormal, the same in the qform (qform_code 1,
    /// quaternion with qfac in pixdim[0]); millimetres, no scaling, voxels right after header and extension flag.
    public init(for geometry: ImageGeometry, voxelType: VoxelType, version: Version) throws(ImageIOError) {
        let limit = version == .nifti1 ? Int(Int16.max) : Int.max
        let size = geometry.size
        guard size.x >= 1, size.y >= 1, size.z >= 1, size.x <= limit, size.y <= limit, size.z <= limit else {
            throw ImageIOError(.unwritableVolume, field: "dim", detail: "size \(size.x)x\(size.y)x\(size.z) cannot be "
                                   + "stored in NIfTI-\(version.rawValue) (1 to \(limit) per axis)")
        }
        let flip = SIMD3<Double>(-1, -1, 1)
        let d = geometry.direction, s = geometry.spacing
        let ras = Matrix3(columns: d.c0 * flip * s.x, d.c1 * flip * s.y, d.c2 * flip * s.z)
        let origin = geometry.origin * flip
        guard s.x > 0, s.y > 0, s.z > 0, NIfTIHeader.degeneracy(of: ras, offset: origin) == nil else {
            throw ImageIOError(.unwritableVolume, field: "srow_x/srow_y/srow_z",
                               detail: "the geometry (spacing \(s), direction \(d)) cannot place voxels")
        }
        let rotation = Matrix3(columns: d.c0 * flip, d.c1 * flip, d.c2 * flip)
        let quaternion = Self.quaternion(of: rotation)
        let layout = version == .nifti1 ? NIfTILayout.nifti1 : .nifti2
        self.init(
            version: version, bigEndian: false, singleFile: true, dim: [3, size.x, size.y, size.z, 1, 1, 1, 1],
            datatype: voxelType.niftiCode, bitpix: voxelType.byteCount * 8,
            pixdim: [quaternion?.qfac ?? 1, s.x, s.y, s.z, 0, 0, 0, 0], voxOffset: layout.headerSize + 4,
            sclSlope: 1, sclInter: 0, xyztUnits: 2, qformCode: quaternion == nil ? 0 : 1, sformCode: 1,
            quaternion: quaternion?.bcd ?? .zero, qoffset: quaternion == nil ? .zero : origin,
            srow: (0..<3).map { SIMD4(ras.row($0), origin[$0]) }, descrip: "Nadir")
    }

    /// The quaternion (b, c, d) and qfac of an orthonormal matrix (nifti1.h METHOD 2, inverted), or `nil` when
    /// the columns are not orthonormal within 1e-6 (then only the sform is written).
    static func quaternion(of m: Matrix3) -> (bcd: SIMD3<Double>, qfac: Double)? {
        let gram = m.transposed * m
        let deviation = [gram.c0 - [1, 0, 0], gram.c1 - [0, 1, 0], gram.c2 - [0, 0, 1]]
            .map { max(abs($0.x), abs($0.y), abs($0.z)) }.max() ?? 0
        guard deviation < 1e-6 else { return nil }
        let qfac: Double = m.determinant < 0 ? -1 : 1
        let r = Matrix3(columns: m.c0, m.c1, m.c2 * qfac)
        let (r11, r22, r33) = (r.c0.x, r.c1.y, r.c2.z)
        let (r12, r13, r21, r23, r31, r32) = (r.c1.x, r.c2.x, r.c0.y, r.c2.y, r.c0.z, r.c1.z)
        let trace = r11 + r22 + r33
        var q: SIMD4<Double>  // (a, b, c, d), Shepperd's method: divide by the largest component
        if trace > 0 {
            let a = 0.5 * (1 + trace).squareRoot()
            q = [a, (r32 - r23) / (4 * a), (r13 - r31) / (4 * a), (r21 - r12) / (4 * a)]
        } else if r11 >= r22, r11 >= r33 {
            let b = 0.5 * (1 + r11 - r22 - r33).squareRoot()
            q = [(r32 - r23) / (4 * b), b, (r12 + r21) / (4 * b), (r13 + r31) / (4 * b)]
        } else if r22 >= r33 {
            let c = 0.5 * (1 + r22 - r11 - r33).squareRoot()
            q = [(r13 - r31) / (4 * c), (r12 + r21) / (4 * c), c, (r23 + r32) / (4 * c)]
        } else {
            let d = 0.5 * (1 + r33 - r11 - r22).squareRoot()
            q = [(r21 - r12) / (4 * d), (r13 + r31) / (4 * d), (r23 + r32) / (4 * d), d]
        }
        if q.x < 0 { q = -q }  // NIfTI stores b, c, d and recovers a >= 0
        q /= (q * q).sum().squareRoot()
        return (SIMD3(q.y, q.z, q.w), qfac)
    }

    /// The header bytes followed by the 4-byte extension flag (all zero: no extensions).
    public func encoded() -> [UInt8] {
        let layout = self.layout
        var f = BinaryFields(bytes: [UInt8](repeating: 0, count: layout.headerSize + 4), bigEndian: bigEndian)
        f.setInt32(layout.headerSize, 0)
        let magic = layout.magic(singleFile: singleFile)
        f.bytes.replaceSubrange(layout.magic..<(layout.magic + magic.count), with: magic)
        f.setInt16(datatype, layout.datatype)
        f.setInt16(bitpix, layout.bitpix)
        for k in 0..<8 {
            if layout.wide { f.setInt64(dim[k], layout.dim + 8 * k) } else { f.setInt16(dim[k], layout.dim + 2 * k) }
            layout.setReal(&f, pixdim[k], layout.pixdim + layout.real * k)
        }
        if layout.wide { f.setInt64(voxOffset, layout.voxOffset) } else { f.setFloat32(Double(voxOffset), layout.voxOffset) }
        layout.setReal(&f, sclSlope, layout.sclSlope)
        layout.setReal(&f, sclInter, layout.sclInter)
        if layout.wide {
            f.setInt32(xyztUnits, layout.xyztUnits)
            f.setInt32(qformCode, layout.qformCode)
            f.setInt32(sformCode, layout.sformCode)
        } else {
            f.setUInt8(xyztUnits, layout.xyztUnits)
            f.setInt16(qformCode, layout.qformCode)
            f.setInt16(sformCode, layout.sformCode)
            f.setUInt8(Int(UInt8(ascii: "r")), 38)  // `regular`, as Analyze 7.5 readers expect
        }
        for k in 0..<3 {
            layout.setReal(&f, quaternion[k], layout.quatern + layout.real * k)
            layout.setReal(&f, qoffset[k], layout.qoffset + layout.real * k)
            for c in 0..<4 { layout.setReal(&f, srow[k][c], layout.srow + layout.real * (4 * k + c)) }
        }
        f.setText(descrip, layout.descrip, 80)
        return f.bytes
    }
}
