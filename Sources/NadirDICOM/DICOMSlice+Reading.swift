public import Foundation

extension DICOMSlice {
    /// The slices of one image object: one for a classic image, one per frame for an enhanced multi-frame image
    /// (per-frame functional groups first, then shared ones, PS3.3 C.7.6.16). Throws naming the missing tag.
    public static func slices(of file: DICOMFile, url: URL) throws(DICOMError) -> [DICOMSlice] {
        let ds = file.dataSet
        guard let rows = ds.int(.rows), let columns = ds.int(.columns), rows > 0, columns > 0 else {
            throw DICOMError(.missingAttribute, "the image has no Rows/Columns", file: url, tag: .rows)
        }
        let instance = ds.int(.instanceNumber) ?? 0
        if let perFrame = ds.sequence(.perFrameFunctionalGroupsSequence) {
            let shared = ds.firstItem(.sharedFunctionalGroupsSequence)
            let frames = ds.int(.numberOfFrames) ?? perFrame.count
            guard perFrame.count == frames else {
                throw DICOMError(.invalidValue, "\(perFrame.count) per-frame functional group items for \(frames) "
                                 + "frames", file: url, tag: .perFrameFunctionalGroupsSequence)
            }
            var list: [DICOMSlice] = []
            list.reserveCapacity(frames)
            for (index, item) in perFrame.enumerated() {
                func macro(_ tag: DICOMTag) -> DICOMDataSet? { item.firstItem(tag) ?? shared?.firstItem(tag) }
                let position = try vector(macro(.planePositionSequence), .imagePositionPatient, 3, url)
                let orientation = try vector(macro(.planeOrientationSequence), .imageOrientationPatient, 6, url)
                let spacing = try vector(macro(.pixelMeasuresSequence), .pixelSpacing, 2, url)
                let rescale = macro(.pixelValueTransformationSequence)
                list.append(try make(url: url, frame: index, instance: instance, position: position,
                                     orientation: orientation, spacing: spacing,
                                     slope: rescale?.double(.rescaleSlope) ?? ds.double(.rescaleSlope),
                                     intercept: rescale?.double(.rescaleIntercept) ?? ds.double(.rescaleIntercept),
                                     rows: rows, columns: columns))
            }
            return list
        }
        let position = try vector(ds, .imagePositionPatient, 3, url)
        let orientation = try vector(ds, .imageOrientationPatient, 6, url)
        let spacing = try vector(ds, .pixelSpacing, 2, url)
        let frames = ds.int(.numberOfFrames) ?? 1
        guard frames == 1 else {
            throw DICOMError(.missingAttribute, "a \(frames)-frame image without per-frame functional groups has no "
                             + "position for each frame", file: url, tag: .perFrameFunctionalGroupsSequence)
        }
        return [try make(url: url, frame: 0, instance: instance, position: position, orientation: orientation,
                         spacing: spacing, slope: ds.double(.rescaleSlope), intercept: ds.double(.rescaleIntercept),
                         rows: rows, columns: columns)]
    }

    private static func vector(_ ds: DICOMDataSet?, _ tag: DICOMTag, _ count: Int, _ url: URL) throws(DICOMError)
        -> [Double]
    {
        guard let values = ds?.doubles(tag) else {
            throw DICOMError(.missingAttribute, "the image has no \(tag.keyword ?? "value"); it cannot be placed in "
                             + "space", file: url, tag: tag)
        }
        guard values.count == count else {
            throw DICOMError(.invalidValue, "\(tag.keyword ?? "value") has \(values.count) values, not \(count)",
                             file: url, tag: tag)
        }
        return values
    }

    private static func make(url: URL, frame: Int, instance: Int, position p: [Double], orientation o: [Double],
                             spacing s: [Double], slope: Double?, intercept: Double?, rows: Int, columns: Int)
        throws(DICOMError) -> DICOMSlice
    {
        var row = SIMD3(o[0], o[1], o[2])
        var column = SIMD3(o[3], o[4], o[5])
        let rowLength = (row * row).sum().squareRoot(), columnLength = (column * column).sum().squareRoot()
        guard abs(rowLength - 1) < 0.01, abs(columnLength - 1) < 0.01, abs((row * column).sum()) < 0.01 else {
            throw DICOMError(.invalidValue, "Image Orientation (Patient) \(o) is not two orthogonal unit vectors",
                             file: url, tag: .imageOrientationPatient)
        }
        row /= rowLength
        column /= columnLength
        guard s[0] > 0, s[1] > 0 else {
            throw DICOMError(.invalidValue, "Pixel Spacing \(s) is not positive", file: url, tag: .pixelSpacing)
        }
        let slope = slope ?? 1
        guard slope != 0, slope.isFinite else {
            throw DICOMError(.invalidValue, "Rescale Slope \(slope) is zero", file: url, tag: .rescaleSlope)
        }
        return DICOMSlice(url: url, frameIndex: frame, instanceNumber: instance, position: SIMD3(p[0], p[1], p[2]),
                          rowDirection: row, columnDirection: column, pixelSpacing: SIMD2(s[1], s[0]),
                          rescaleSlope: slope, rescaleIntercept: intercept ?? 0, rows: rows, columns: columns)
    }
}
