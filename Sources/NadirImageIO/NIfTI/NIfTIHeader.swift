public import Foundation

/// The fields of a NIfTI-1 or NIfTI-2 header that decide voxels and geometry, in a version-neutral form
/// (nifti1.h, nifti2.h; https://nifti.nimh.nih.gov/nifti-1).
public struct NIfTIHeader: Sendable, Hashable {
    /// NIfTI-1 (348-byte header) or NIfTI-2 (540-byte header).
    public enum Version: Int, Sendable { case nifti1 = 1, nifti2 = 2 }

    /// The header version.
    public var version: Version
    /// Whether the file is big-endian (detected from `sizeof_hdr`).
    public var bigEndian: Bool
    /// `n+1`/`n+2` (header and voxels in one file) or `ni1`/`ni2` (a .hdr/.img pair).
    public var singleFile: Bool
    /// `dim[0...7]`: dim[0] is the number of dimensions.
    public var dim: [Int]
    /// `datatype` code (nifti1.h DT_*).
    public var datatype: Int
    /// `bitpix`: bits per voxel.
    public var bitpix: Int
    /// `pixdim[0...7]`: pixdim[0] is qfac, pixdim[1...3] the voxel spacing.
    public var pixdim: [Double]
    /// `vox_offset`: byte offset of the voxels in the data file.
    public var voxOffset: Int
    /// `scl_slope`, `scl_inter`: stored value * slope + inter is the true value (slope 0: no scaling).
    public var sclSlope: Double, sclInter: Double
    /// `xyzt_units`: bits 0-2 the spatial unit (1 m, 2 mm, 3 µm), bits 3-5 the time unit.
    public var xyztUnits: Int
    /// `qform_code`, `sform_code` (0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI152, 5 template).
    public var qformCode: Int, sformCode: Int
    /// `quatern_b`, `quatern_c`, `quatern_d`.
    public var quaternion: SIMD3<Double>
    /// `qoffset_x`, `qoffset_y`, `qoffset_z` (RAS).
    public var qoffset: SIMD3<Double>
    /// `srow_x`, `srow_y`, `srow_z`: rows of the 3x4 sform affine (RAS).
    public var srow: [SIMD4<Double>]
    /// `descrip`: free text.
    public var descrip: String

    var layout: NIfTILayout { version == .nifti1 ? .nifti1 : .nifti2 }

    /// The voxel grid size (dim[1...3], 1 for axes beyond dim[0]).
    public var size: SIMD3<Int> {
        let n = dim[0]
        return SIMD3(n >= 1 ? dim[1] : 1, n >= 2 ? dim[2] : 1, n >= 3 ? dim[3] : 1)
    }

    /// Decodes and checks a header from the first bytes of a file (at least 348 or 540 bytes).
    public static func decode(_ bytes: [UInt8], file: URL? = nil) throws(ImageIOError) -> NIfTIHeader {
        guard bytes.count >= 4 else {
            throw ImageIOError(.truncatedFile, file: file, field: "sizeof_hdr", byteOffset: 0,
                               detail: "the file has \(bytes.count) bytes, too few for a NIfTI header")
        }
        var fields = BinaryFields(bytes: bytes, bigEndian: false)
        var layout: NIfTILayout?
        for candidate in [NIfTILayout.nifti1, .nifti2] {
            for big in [false, true] {
                fields.bigEndian = big
                if fields.int32(0) == candidate.headerSize { layout = candidate; break }
            }
            if layout != nil { break }
        }
        guard let layout else {
            fields.bigEndian = false
            throw ImageIOError(.badHeaderSize, file: file, field: "sizeof_hdr", byteOffset: 0,
                               detail: "sizeof_hdr is \(fields.int32(0)); NIfTI-1 has 348 and NIfTI-2 has 540 "
                                   + "(in either byte order). Is this a NIfTI file?")
        }
        guard bytes.count >= layout.headerSize else {
            throw ImageIOError(.truncatedFile, file: file, byteOffset: bytes.count,
                               detail: "the header needs \(layout.headerSize) bytes, the file has \(bytes.count)")
        }
        let magic = Array(bytes[layout.magic..<(layout.magic + layout.magicWidth)])
        let single: Bool
        if magic == layout.magic(singleFile: true) { single = true }
        else if magic == layout.magic(singleFile: false) { single = false }
        else {
            let expected = layout.wide ? "\"n+2\\0\\r\\n\\x1a\\n\"" : "\"n+1\\0\" or \"ni1\\0\""
            throw ImageIOError(.badMagic, file: file, field: "magic", byteOffset: layout.magic,
                               detail: "magic is \(magic) but \(expected) was expected"
                                   + (layout.wide ? " (a mangled \\r\\n means the file went through a text-mode copy)"
                                                  : " (Analyze 7.5 files, which have none, are not read)"))
        }
        let dim = (0..<8).map { layout.wide ? fields.int64(layout.dim + 8 * $0) : fields.int16(layout.dim + 2 * $0) }
        let pixdim = (0..<8).map { layout.real(fields, layout.pixdim + layout.real * $0) }
        let rawOffset = layout.wide ? Double(fields.int64(layout.voxOffset)) : fields.float32(layout.voxOffset)
        guard rawOffset.isFinite, rawOffset >= 0, rawOffset < 1e15, rawOffset == rawOffset.rounded() else {
            throw ImageIOError(.badVoxelOffset, file: file, field: "vox_offset", byteOffset: layout.voxOffset,
                               detail: "vox_offset \(rawOffset) is not a non-negative whole number of bytes")
        }
        let q = layout.quatern, o = layout.qoffset, r = layout.real
        let header = NIfTIHeader(
            version: layout.wide ? .nifti2 : .nifti1, bigEndian: fields.bigEndian, singleFile: single, dim: dim,
            datatype: fields.int16(layout.datatype), bitpix: fields.int16(layout.bitpix), pixdim: pixdim,
            voxOffset: Int(rawOffset), sclSlope: layout.real(fields, layout.sclSlope),
            sclInter: layout.real(fields, layout.sclInter),
            xyztUnits: layout.wide ? fields.int32(layout.xyztUnits) : fields.uint8(layout.xyztUnits),
            qformCode: layout.wide ? fields.int32(layout.qformCode) : fields.int16(layout.qformCode),
            sformCode: layout.wide ? fields.int32(layout.sformCode) : fields.int16(layout.sformCode),
            quaternion: SIMD3(layout.real(fields, q), layout.real(fields, q + r), layout.real(fields, q + 2 * r)),
            qoffset: SIMD3(layout.real(fields, o), layout.real(fields, o + r), layout.real(fields, o + 2 * r)),
            srow: (0..<3).map { row in
                SIMD4((0..<4).map { layout.real(fields, layout.srow + (4 * row + $0) * r) })
            },
            descrip: fields.text(layout.descrip, 80))
        try header.validate(file: file)
        return header
    }

    /// Checks dimensions, datatype and offsets; the geometry is checked when it is computed.
    func validate(file: URL?) throws(ImageIOError) {
        let layout = self.layout
        guard (1...7).contains(dim[0]) else {
            throw ImageIOError(.badDimensions, file: file, field: "dim[0]", byteOffset: layout.dim,
                               detail: "dim[0] is \(dim[0]); it must be 1 to 7 (the number of dimensions)")
        }
        for axis in 1...dim[0] where dim[axis] < 1 {
            throw ImageIOError(.badDimensions, file: file, field: "dim[\(axis)]",
                               byteOffset: layout.dim + layout.dimWidth * axis,
                               detail: "dim[\(axis)] is \(dim[axis]); every used dimension must be at least 1")
        }
        if dim[0] > 3 {
            guard dim[4...dim[0]].allSatisfy({ $0 == 1 }) else {
                throw ImageIOError(.unsupportedDimensions, file: file, field: "dim", byteOffset: layout.dim,
                                   detail: "the image has \(dim[0]) dimensions (dim \(dim[1...dim[0]])); only 3D volumes "
                                       + "are read: split a 4D series into volumes first")
            }
        }
        guard VoxelType(niftiCode: datatype) != nil else {
            let name = VoxelType.definedNIfTICodes[datatype]
            throw ImageIOError(name == nil ? .unknownDatatype : .unsupportedDatatype, file: file, field: "datatype",
                               byteOffset: layout.datatype,
                               detail: name.map { "datatype \(datatype) (\($0)) is not a scalar type Nadir reads" }
                                   ?? "datatype \(datatype) is not defined by NIfTI")
        }
        guard voxOffset >= (singleFile ? layout.headerSize : 0) || (singleFile && voxOffset == 0) else {
            throw ImageIOError(.badVoxelOffset, file: file, field: "vox_offset", byteOffset: layout.voxOffset,
                               detail: "vox_offset \(voxOffset) lies inside the \(layout.headerSize)-byte header")
        }
        _ = try voxelByteCount(file: file)
    }

    /// Where the voxels start in the data file: `vox_offset`, except that a single file with `vox_offset` 0
    /// (written by some old tools, though nifti1.h requires at least 352) has them right after the header and
    /// its 4-byte extension flag.
    public var dataOffset: Int { singleFile && voxOffset == 0 ? layout.headerSize + 4 : voxOffset }

    /// The voxel type from `datatype`.
    var voxelType: VoxelType { VoxelType(niftiCode: datatype) ?? .uint8 }

    /// Bytes of voxel data, checked for overflow.
    func voxelByteCount(file: URL?) throws(ImageIOError) -> Int {
        let s = size
        var total = voxelType.byteCount
        for n in [s.x, s.y, s.z] {
            let (product, overflow) = total.multipliedReportingOverflow(by: n)
            guard !overflow, product < 1 << 48 else {
                throw ImageIOError(.badDimensions, file: file, field: "dim", byteOffset: layout.dim,
                                   detail: "dimensions \(s.x)x\(s.y)x\(s.z) overflow the byte count")
            }
            total = product
        }
        return total
    }
}
