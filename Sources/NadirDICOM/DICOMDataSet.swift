public import Foundation

/// A DICOM data set (or a sequence item): its elements in tag order over the bytes they were read from.
/// Values are decoded only when asked for (pydicom's lazy model).
public struct DICOMDataSet: Sendable {
    /// The bytes the element offsets refer to (a memory-mapped file, or an inflated stream).
    public let buffer: Data
    /// Whether numbers are big endian (Explicit VR Big Endian, retired but still found).
    public let isBigEndian: Bool
    /// Whether the VRs were explicit in the stream.
    public let isExplicitVR: Bool
    /// The elements in ascending tag order.
    public let elements: [DICOMElement]

    /// Makes a data set; elements are sorted by tag if the stream had them out of order.
    init(buffer: Data, isBigEndian: Bool, isExplicitVR: Bool, elements: [DICOMElement]) {
        self.buffer = buffer
        self.isBigEndian = isBigEndian
        self.isExplicitVR = isExplicitVR
        var sorted = true
        var i = 1
        while i < elements.count {
            if elements[i].tag < elements[i - 1].tag { sorted = false; break }
            i &+= 1
        }
        self.elements = sorted ? elements : elements.sorted { $0.tag < $1.tag }
    }

    /// The element with `tag`, if present (binary search).
    public func element(_ tag: DICOMTag) -> DICOMElement? {
        var low = 0, high = elements.count
        while low < high {
            let mid = (low + high) / 2
            let t = elements[mid].tag
            if t == tag { return elements[mid] }
            if t < tag { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Whether the data set holds `tag` (possibly with an empty value).
    public func contains(_ tag: DICOMTag) -> Bool { element(tag) != nil }

    /// The raw value bytes of `tag`, as stored (no byte swapping).
    public func bytes(_ tag: DICOMTag) -> Data? {
        guard let e = element(tag), e.items == nil, e.fragments == nil else { return nil }
        return buffer.subdata(in: clamp(e.valueRange))
    }

    /// The items of the sequence `tag`, or `nil` if absent or not a sequence.
    public func sequence(_ tag: DICOMTag) -> [DICOMDataSet]? { element(tag)?.items }

    /// The first item of the sequence `tag`.
    public func firstItem(_ tag: DICOMTag) -> DICOMDataSet? { sequence(tag)?.first }

    func clamp(_ range: Range<Int>) -> Range<Int> {
        let lower = min(max(range.lowerBound, 0), buffer.count)
        return lower..<min(max(range.upperBound, lower), buffer.count)
    }
}
