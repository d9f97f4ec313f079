import Foundation
import NadirDICOM
import NadirImaging
import Testing

@Suite struct DICOMSegmentationReaderTests {
    @Test func binarySegmentsLandOnTheReferencedSeriesVoxelForVoxel() throws {
        let truth = try #require(Fixtures.truth)
        let series = try Fixtures.imageSeries("ct-explicit-le")
        let seg = try DICOMSegmentationReader.read(url: Fixtures.url("seg/seg-binary.dcm"), onto: series)
        #expect(seg.segmentationType == "BINARY")
        #expect(seg.referencedSeriesInstanceUID == truth.ct.seriesInstanceUID)
        #expect(seg.segments.map(\.number) == [1, 2])
        #expect(seg.segments.map(\.label) == truth.seg.labels)
        for (segment, expected) in zip(seg.segments, truth.seg.binary) {
            guard case .uint8(let mask) = segment.mask else {
                Issue.record("binary segment should be UInt8")
                continue
            }
            #expect(mask.voxels.map(Int.init) == expected)
            #expect(mask.geometry == series.geometry)
        }
    }

    @Test func fractionalSegmentKeepsItsFractions() throws {
        let truth = try #require(Fixtures.truth)
        let series = try Fixtures.imageSeries("ct-explicit-le")
        let seg = try DICOMSegmentationReader.read(url: Fixtures.url("seg/seg-fractional.dcm"), onto: series)
        #expect(seg.segmentationType == "FRACTIONAL")
        let segment = try #require(seg.segments.first)
        guard case .float32(let mask) = segment.mask else {
            Issue.record("fractional segment should be Float")
            return
        }
        let expected = truth.seg.fractionalStored.map { Float($0) / Float(truth.seg.maxFractionalValue) }
        #expect(mask.voxels.count == expected.count)
        let worst = zip(mask.voxels, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= Tolerance.floatVoxel)
    }

    @Test func aSegmentationOfAnotherSeriesIsAClearError() throws {
        let other = try Fixtures.imageSeries("ct-signed-float")
        do {
            _ = try DICOMSegmentationReader.read(url: Fixtures.url("seg/seg-binary.dcm"), onto: other)
            Issue.record("reading a SEG onto a series it does not reference must fail")
        } catch {
            #expect(error.code == .segmentationReferencesOtherSeries)
            #expect(error.file?.lastPathComponent == "seg-binary.dcm")
            #expect(error.tag == .referencedSeriesSequence)
        }
    }
}
