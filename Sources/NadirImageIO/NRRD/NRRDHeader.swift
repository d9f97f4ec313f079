public import Foundation

/// The text header of an NRRD file (http://teem.sourceforge.net/nrrd/format.html): the magic line, then
/// `field: value` lines up to a blank line (or the end of a detached .nhdr). Comments (`#`) and key/value
/// pairs (`key:=value`) are kept apart from fields.
public struct NRRDHeader: Sendable, Hashable {
    /// The format version from the magic line ("NRRD0004" gives 4).
    public var formatVersion: Int
    /// Field values by lower-cased field name ("sizes", "space directions", ...).
    public var fields: [String: String]
    /// Key/value pairs (`key:=value`).
    public var keyValues: [String: String]
    /// Byte offset where attached data starts (just after the blank line), or the header's length.
    public var dataOffset: Int

    /// Parses the header at the start of `bytes`.
    public static func parse(_ bytes: UnsafeRawBufferPointer, file: URL? = nil) throws(ImageIOError) -> NRRDHeader {
        let magic = Array("NRRD000".utf8)
        guard bytes.count >= 9, Array(bytes[0..<7]) == magic, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[7])
        else {
            throw ImageIOError(.badMagic, file: file, field: "magic", byteOffset: 0,
                               detail: "an NRRD file starts with \"NRRD000x\"; this one does not")
        }
        var fields: [String: String] = [:]
        var keyValues: [String: String] = [:]
        var position = 0
        var lineNumber = 0
        var dataOffset = bytes.count
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = String(decoding: bytes[position..<end], as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            let lineStart = position
            position = min(end + 1, bytes.count)
            lineNumber += 1
            if lineNumber == 1 { continue }
            if line.isEmpty {
                dataOffset = position
                break
            }
            if line.hasPrefix("#") { continue }
            if let range = line.range(of: ":=") {
                keyValues[String(line[..<range.lowerBound])] = String(line[range.upperBound...])
                continue
            }
            guard let range = line.range(of: ": ") else {
                throw ImageIOError(.badFieldValue, file: file, field: "line \(lineNumber)", byteOffset: lineStart,
                                   detail: "header line \"\(line.prefix(60))\" is not \"field: value\"")
            }
            let name = line[..<range.lowerBound].lowercased()
            fields[name] = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if lineNumber > 10_000 { break }
        }
        let version = Int(bytes[7]) - Int(UInt8(ascii: "0"))
        return NRRDHeader(formatVersion: version, fields: fields, keyValues: keyValues, dataOffset: dataOffset)
    }

    /// A required field's value.
    func required(_ name: String, file: URL?) throws(ImageIOError) -> String {
        guard let value = fields[name] else {
            throw ImageIOError(.missingField, file: file, field: name,
                               detail: "the required NRRD field \"\(name)\" is missing")
        }
        return value
    }

    /// Whitespace-separated integers.
    func integers(_ name: String, file: URL?) throws(ImageIOError) -> [Int] {
        let words = try required(name, file: file).split(whereSeparator: \.isWhitespace)
        var out: [Int] = []
        for word in words {
            guard let n = Int(word) else {
                throw ImageIOError(.badFieldValue, file: file, field: name, detail: "\"\(word)\" is not an integer")
            }
            out.append(n)
        }
        return out
    }

    /// Vectors written "(x,y,z)", with "none" for axes that have none (space directions).
    static func vectors(_ text: String, field: String, file: URL?) throws(ImageIOError) -> [SIMD3<Double>?] {
        var out: [SIMD3<Double>?] = []
        var depth = 0
        let compact = String(text.filter { c in  // "(1, 0, 0)" -> "(1,0,0)"
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            return depth == 0 || !c.isWhitespace
        })
        for word in compact.split(whereSeparator: \.isWhitespace) {
            if word == "none" { out.append(nil); continue }
            let inner = word.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            let parts = inner.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard word.hasPrefix("("), word.hasSuffix(")"), parts.count == 3,
                  let x = parts[0], let y = parts[1], let z = parts[2], x.isFinite, y.isFinite, z.isFinite
            else {
                throw ImageIOError(.badFieldValue, file: file, field: field,
                                   detail: "\"\(word)\" is not a finite 3-vector \"(x,y,z)\" (only 3D spaces are read)")
            }
            out.append(SIMD3(x, y, z))
        }
        return out
    }
}
