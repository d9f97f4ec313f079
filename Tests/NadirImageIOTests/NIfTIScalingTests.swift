import NadirImageIO
import NadirImaging
import Testing

/// The scaling rule of `NIfTIScaling`, checked against y = slope * x + inter computed here.
@Suite struct NIfTIScalingTests {
    static func volume<T: BitwiseCopyable & Sendable>(_ values: [T]) -> Volume<T> {
        guard let v = Volume(geometry: ImageGeometry(size: [values.count, 1, 1]), voxels: values) else {
            preconditionFailure("count")
        }
        return v
    }

    @Test func zeroOrNaNSlopeAndIdentityLeaveVoxelsAlone() {
        for (slope, inter) in [(0.0, 5.0), (.nan, 0), (1, 0), (.infinity, 3)] {
            let (out, note) = NIfTIScaling(slope: slope, intercept: inter).apply(to: .int16(Self.volume([1, -2])))
            #expect(out.voxelTypeName == "int16")
            #expect(doubles(out) == [1, -2])
            #expect(note == nil)
        }
    }

    @Test func wholeNumbersStayExactIntegers() {
        let u8 = NIfTIScaling(slope: 2, intercept: 0).apply(to: .uint8(Self.volume([0, 100, 255]))).0
        #expect(u8.voxelTypeName == "int16")                 // 510 does not fit uint8
        #expect(doubles(u8) == [0, 200, 510])
        let u16 = NIfTIScaling(slope: 1, intercept: -1024).apply(to: .uint16(Self.volume([0, 1024, 65535]))).0
        #expect(u16.voxelTypeName == "int32")                // 64511 does not fit int16
        #expect(doubles(u16) == [-1024, 0, 64511])
        let i16 = NIfTIScaling(slope: 1, intercept: -1024).apply(to: .int16(Self.volume([0, 1024, 3000]))).0
        #expect(i16.voxelTypeName == "int16")                // fits the stored type
        #expect(doubles(i16) == [-1024, 0, 1976])
        let big = NIfTIScaling(slope: 3, intercept: 0).apply(to: .int32(Self.volume([Int32.max]))).0
        #expect(big.voxelTypeName == "float64")              // beyond int32, exact in float64
        #expect(doubles(big) == [3 * Double(Int32.max)])
    }

    @Test func fractionsGiveFloat32OrFloat64() {
        let (f, note) = NIfTIScaling(slope: 0.5, intercept: -10.25).apply(to: .int16(Self.volume([3, -32768])))
        #expect(f.voxelTypeName == "float32")
        #expect(doubles(f) == [-8.75, -16394.25])            // both exact in float32
        #expect(note?.code == .scalingChangedType)
        let wide = NIfTIScaling(slope: 0.5, intercept: 0).apply(to: .uint32(Self.volume([UInt32.max]))).0
        #expect(wide.voxelTypeName == "float64")
        #expect(doubles(wide) == [Double(UInt32.max) / 2])
        let d = NIfTIScaling(slope: 0.1, intercept: 1).apply(to: .float64(Self.volume([10.0]))).0
        #expect(d.voxelTypeName == "float64")
        #expect(abs(doubles(d)[0] - 2) < 1e-12)
    }
}
