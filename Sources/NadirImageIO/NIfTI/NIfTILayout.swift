/// Byte offsets of the NIfTI header fields we use, for NIfTI-1 (nifti1.h, 348 bytes, 16-bit integers and
/// float32) and NIfTI-2 (nifti2.h, 540 bytes, 64-bit integers and float64).
struct NIfTILayout: Sendable {
    var headerSize: Int
    var wide: Bool  // NIfTI-2: dim, vox_offset as Int64; pixdim, scaling, quaternion, srow as Float64
    var datatype: Int, bitpix: Int, dim: Int, pixdim: Int, voxOffset: Int
    var sclSlope: Int, sclInter: Int, xyztUnits: Int, descrip: Int, qformCode: Int, sformCode: Int
    var quatern: Int, qoffset: Int, srow: Int, magic: Int, magicWidth: Int

    /// nifti1.h `struct nifti_1_header`.
    static let nifti1 = NIfTILayout(
        headerSize: 348, wide: false, datatype: 70, bitpix: 72, dim: 40, pixdim: 76, voxOffset: 108,
        sclSlope: 112, sclInter: 116, xyztUnits: 123, descrip: 148, qformCode: 252, sformCode: 254,
        quatern: 256, qoffset: 268, srow: 280, magic: 344, magicWidth: 4)

    /// nifti2.h `struct nifti_2_header`.
    static let nifti2 = NIfTILayout(
        headerSize: 540, wide: true, datatype: 12, bitpix: 14, dim: 16, pixdim: 104, voxOffset: 168,
        sclSlope: 176, sclInter: 184, xyztUnits: 500, descrip: 240, qformCode: 344, sformCode: 348,
        quatern: 352, qoffset: 376, srow: 400, magic: 4, magicWidth: 8)

    /// Width of one floating-point field (4 or 8 bytes).
    var real: Int { wide ? 8 : 4 }
    /// Width of one `dim` entry (2 or 8 bytes).
    var dimWidth: Int { wide ? 8 : 2 }

    func real(_ fields: BinaryFields, _ offset: Int) -> Double {
        wide ? fields.float64(offset) : fields.float32(offset)
    }

    func setReal(_ fields: inout BinaryFields, _ value: Double, _ offset: Int) {
        if wide { fields.setFloat64(value, offset) } else { fields.setFloat32(value, offset) }
    }

    /// The magic for a single file (`n+1`, `n+2` with its line-ending check bytes) or a header/image pair.
    func magic(singleFile: Bool) -> [UInt8] {
        let stem: [UInt8] = wide ? (singleFile ? Array("n+2".utf8) : Array("ni2".utf8))
                                 : (singleFile ? Array("n+1".utf8) : Array("ni1".utf8))
        return wide ? stem + [0, 0x0D, 0x0A, 0x1A, 0x0A] : stem + [0]
    }
}
