internal import CSV
public import Foundation
internal import NadirModel

/// Reads Nadir's lesion-level CSV (RFC 4180, UTF-8, header row) into type-checked rows.
///
/// Strict on purpose: an unknown column, a value with more precision than Nadir keeps (0.01 mm), an unknown
/// state or a malformed date rejects the whole file with the row, the column and the reason.
public struct LesionCSVParser: Sendable {
    /// The file name used in error messages.
    public var fileName: String

    public init(fileName: String) {
        self.fileName = fileName
    }

    /// Parses a whole file.
    public func parse(_ data: Data) throws(ImportError) -> [LesionCSVRow] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportError(.unreadableFile, file: fileName, "is not UTF-8 text; save the spreadsheet as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // Excel's byte-order mark
        let table = try records(of: text)
        guard let header = table.first else {
            throw ImportError(.empty, file: fileName, "is empty; the first line must be the header \(LesionCSVColumn.requiredHeader)")
        }
        let columns = try columnIndex(header)
        var rows: [LesionCSVRow] = []
        for (offset, fields) in table.dropFirst().enumerated() {
            let rowNumber = offset + 2
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard fields.count == header.count else {
                throw ImportError(.wrongFieldCount, file: fileName, row: rowNumber,
                                  "has \(fields.count) fields but the header has \(header.count); check for a stray or missing comma")
            }
            rows.append(try LesionCSVRowReader(fileName: fileName, row: rowNumber, fields: fields, columns: columns).read())
        }
        if rows.isEmpty {
            throw ImportError(.empty, file: fileName, "has a header but no rows")
        }
        return rows
    }

    private func records(of text: String) throws(ImportError) -> [[String]] {
        if let problem = Self.quoteProblem(in: text) {
            throw ImportError(.malformedCSV, file: fileName, row: problem, "has a quoted field that is never closed")
        }
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            var out: [[String]] = []
            while let record = reader.next() { out.append(record) }
            if let error = reader.error {
                throw ImportError(.malformedCSV, file: fileName, "cannot be read as CSV: \(error)")
            }
            return out
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.malformedCSV, file: fileName, "cannot be read as CSV: \(error)")
        }
    }

    /// The record number of a quoted field left open at the end of the text, if any (RFC 4180 §2.5-2.7).
    static func quoteProblem(in text: String) -> Int? {
        var inQuotes = false
        var record = 1
        var openedAt = 1
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
                if inQuotes { openedAt = record }
            } else if scalar == "\n", !inQuotes {
                record += 1
            }
        }
        return inQuotes ? openedAt : nil
    }

    private func columnIndex(_ header: [String]) throws(ImportError) -> [LesionCSVColumn: Int] {
        var index: [LesionCSVColumn: Int] = [:]
        for (position, rawName) in header.enumerated() {
            let name = rawName.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = LesionCSVColumn(rawValue: name) else {
                let known = LesionCSVColumn.allCases.map(\.rawValue).joined(separator: ", ")
                throw ImportError(.unknownColumn, file: fileName, row: 1, column: rawName,
                                  "unknown column '\(rawName)'; the columns are \(known)")
            }
            guard index[column] == nil else {
                throw ImportError(.duplicateColumn, file: fileName, row: 1, column: name, "column \(name) appears twice")
            }
            index[column] = position
        }
        for column in LesionCSVColumn.allCases where column.isRequired && index[column] == nil {
            throw ImportError(.missingColumn, file: fileName, row: 1, column: column.rawValue,
                              "the required column \(column.rawValue) is missing; the header must include \(LesionCSVColumn.requiredHeader)")
        }
        return index
    }
}
