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
        let table = try CSVDocument.records(data: data, fileName: fileName)
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
