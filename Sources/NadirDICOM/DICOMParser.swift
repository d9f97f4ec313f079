import Foundation

/// Walks the elements of a data set in a buffer (PS3.5 chapter 7): element headers, nested sequences and
/// items of defined or undefined length, and encapsulated pixel data fragments. Values are not decoded.
struct DICOMParser {
    let raw: UnsafeRawBufferPointer
    let buffer: Data
    let explicitVR: Bool
    let bigEndian: Bool
    /// Sequences nested deeper than this are refused (no real object comes near; it bounds the recursion).
    static let maxDepth = 24
    static let undefinedLength = 0xFFFF_FFFF

    /// When to stop at the top level: called with each tag before its element is read.
    enum Stop {
        case never
        case beforePixelData
        case afterGroup2
    }

    func u16(_ o: Int) -> UInt16 {
        let v = raw.loadUnaligned(fromByteOffset: o, as: UInt16.self)
        return bigEndian ? UInt16(bigEndian: v) : UInt16(littleEndian: v)
    }

    func u32(_ o: Int) -> Int {
        let v = raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)
        return Int(bigEndian ? UInt32(bigEndian: v) : UInt32(littleEndian: v))
    }

    func dataSet(_ elements: [DICOMElement]) -> DICOMDataSet {
        DICOMDataSet(buffer: buffer, isBigEndian: bigEndian, isExplicitVR: explicitVR, elements: elements)
    }

    /// Reads elements from `start` up to `end`; with `untilItemDelimiter`, up to an Item Delimitation Item.
    /// Returns the elements and the offset just past the last byte consumed.
    func elements(from start: Int, to end: Int, untilItemDelimiter: Bool, depth: Int,
                  stop: Stop = .never) throws(DICOMError) -> (elements: [DICOMElement], end: Int)
    {
        guard depth <= Self.maxDepth else {
            throw DICOMError(.nestingTooDeep, "sequences nested more than \(Self.maxDepth) deep", byteOffset: start)
        }
        var list: [DICOMElement] = []
        var o = start
        while o < end || untilItemDelimiter {
            guard end - o >= 8 else {
                let what = untilItemDelimiter ? "an item of undefined length has no Item Delimitation Item"
                    : "the stream ends inside an element header"
                throw DICOMError(.truncated, what, byteOffset: o)
            }
            let tag = DICOMTag(u16(o), u16(o + 2))
            switch stop {
            case .beforePixelData where tag.rawValue >= DICOMTag.pixelData.rawValue: return (list, o)
            case .afterGroup2 where tag.group != 0x0002: return (list, o)
            default: break
            }
            if tag.group == 0xFFFE {
                if tag == .itemDelimitation && untilItemDelimiter { return (list, o + 8) }
                if tag == .itemDelimitation || tag == .sequenceDelimitation {
                    o += 8  // a stray delimiter: skip it, as dcmtk and pydicom do
                    continue
                }
                throw DICOMError(.invalidValue, "an Item tag outside a sequence", tag: tag, byteOffset: o)
            }
            let element = try self.element(at: o, tag: tag, end: end, depth: depth)
            o = element.valueOffset + element.valueLength
            list.append(element)
        }
        return (list, o)
    }

    private func element(at o: Int, tag: DICOMTag, end: Int, depth: Int) throws(DICOMError) -> DICOMElement {
        var vr: DICOMVR
        var length: Int
        var valueStart: Int
        if explicitVR {
            vr = DICOMVR(rawValue: UInt16(raw[o + 4]) << 8 | UInt16(raw[o + 5]))
            guard vr.isWellFormed else {
                throw DICOMError(.invalidVR, "explicit VR bytes 0x\(hex4(vr.rawValue)) are not a VR",
                                 tag: tag, byteOffset: o + 4)
            }
            if vr.hasLongLength {
                guard end - o >= 12 else {
                    throw DICOMError(.truncated, "the stream ends inside an element header", tag: tag, byteOffset: o)
                }
                length = u32(o + 8)
                valueStart = o + 12
            } else {
                length = Int(u16(o + 6))
                valueStart = o + 8
            }
        } else {
            length = u32(o + 4)
            valueStart = o + 8
            if tag.element == 0 {
                vr = .UL  // group length (PS3.5 7.2)
            } else {
                vr = tag.dictionaryVR ?? (length == Self.undefinedLength ? .SQ : .UN)
            }
        }
        var element = DICOMElement(tag: tag, vr: vr, headerOffset: o, valueOffset: valueStart, valueLength: length,
                                   hasUndefinedLength: length == Self.undefinedLength)
        if length == Self.undefinedLength {
            if tag == .pixelData && depth == 0 {
                let (fragments, table, after) = try self.fragments(from: valueStart, end: end)
                element.fragments = fragments
                element.basicOffsetTable = table
                element.valueLength = after - valueStart
            } else if vr == .SQ || vr == .UN || !explicitVR {
                // UN of undefined length holds Implicit VR Little Endian items (PS3.5 6.2.2 note).
                let inner = vr == .UN ? DICOMParser(raw: raw, buffer: buffer, explicitVR: false, bigEndian: false) : self
                let (items, after) = try inner.items(from: valueStart, to: nil, limit: end, depth: depth + 1)
                element.items = items
                element.valueLength = after - valueStart
            } else {
                throw DICOMError(.invalidValue, "undefined length on an element of VR \(vr)", tag: tag, byteOffset: o)
            }
            return element
        }
        guard length <= end - valueStart else {
            throw DICOMError(.lengthPastEnd, "value length \(length) runs \(length - (end - valueStart)) bytes past "
                             + "the end of its container", tag: tag, byteOffset: o)
        }
        if vr == .SQ {
            element.items = try items(from: valueStart, to: valueStart + length, limit: valueStart + length,
                                      depth: depth + 1).items
        } else if vr == .UN && !explicitVR && length >= 8 && u16(valueStart) == 0xFFFE && u16(valueStart + 2) == 0xE000,
                  let found = try? items(from: valueStart, to: valueStart + length, limit: valueStart + length,
                                         depth: depth + 1).items
        {
            // An unknown (often private) Implicit VR element whose value is items: a sequence, as pydicom reads it.
            element.items = found
            element.vr = .SQ
        }
        return element
    }

    /// Reads sequence items from `start` up to `end` (defined length) or a Sequence Delimitation Item.
    func items(from start: Int, to end: Int?, limit: Int, depth: Int) throws(DICOMError)
        -> (items: [DICOMDataSet], end: Int)
    {
        var list: [DICOMDataSet] = []
        var o = start
        while true {
            if let end, o >= end { return (list, o) }
            guard limit - o >= 8 else {
                throw DICOMError(.truncated, "the stream ends inside a sequence (no Sequence Delimitation Item)",
                                 byteOffset: o)
            }
            let tag = DICOMTag(u16(o), u16(o + 2))
            let length = u32(o + 4)
            if tag == .sequenceDelimitation { return (list, o + 8) }
            guard tag == .item else {
                throw DICOMError(.invalidValue, "expected an Item (FFFE,E000) in a sequence, found \(tag)",
                                 tag: tag, byteOffset: o)
            }
            if length == Self.undefinedLength {
                let (elements, after) = try self.elements(from: o + 8, to: limit, untilItemDelimiter: true, depth: depth)
                list.append(dataSet(elements))
                o = after
            } else {
                guard length <= limit - (o + 8) else {
                    throw DICOMError(.lengthPastEnd, "item length \(length) runs past the end of its sequence",
                                     tag: tag, byteOffset: o)
                }
                let (elements, _) = try self.elements(from: o + 8, to: o + 8 + length, untilItemDelimiter: false,
                                                      depth: depth)
                list.append(dataSet(elements))
                o += 8 + length
            }
        }
    }

    /// Reads the items of encapsulated pixel data: the Basic Offset Table, then fragments (PS3.5 A.4).
    private func fragments(from start: Int, end: Int) throws(DICOMError)
        -> (fragments: [Range<Int>], table: [Int]?, end: Int)
    {
        var fragments: [Range<Int>] = []
        var table: [Int]?
        var o = start
        var first = true
        while true {
            guard end - o >= 8 else {
                throw DICOMError(.truncated, "encapsulated pixel data ends without a Sequence Delimitation Item",
                                 tag: .pixelData, byteOffset: o)
            }
            let tag = DICOMTag(u16(o), u16(o + 2))
            let length = u32(o + 4)
            if tag == .sequenceDelimitation { return (fragments, table, o + 8) }
            guard tag == .item else {
                throw DICOMError(.invalidValue, "expected a fragment Item in encapsulated pixel data, found \(tag)",
                                 tag: .pixelData, byteOffset: o)
            }
            guard length <= end - (o + 8) else {
                throw DICOMError(.lengthPastEnd, "fragment length \(length) runs past the end of the file",
                                 tag: .pixelData, byteOffset: o)
            }
            let range = (o + 8)..<(o + 8 + length)
            if first {
                if length >= 4 {
                    table = stride(from: range.lowerBound, to: range.upperBound - 3, by: 4).map { u32($0) }
                }
                first = false
            } else {
                fragments.append(range)
            }
            o = range.upperBound
        }
    }
}
