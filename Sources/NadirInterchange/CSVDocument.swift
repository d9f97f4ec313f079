internal import CSV
public import Foundation

/// An RFC 4180 file read into a header and named rows (CSV.swift underneath): what `LesionCSVParser` reads, and
/// what other tables shipped beside a lesion file (expected responses, admiralonco cases) are read with.
public struct CSVDocument: Sendable {
    /// The first record.
    public var header: [String]
    /// Every later non-blank record, keyed by header name.
    public var rows: [[String: String]]

    /// Parses UTF-8 text (an Excel byte-order mark is dropped); `fileName` names the file in errors.
    public init(data: Data, fileName: String) throws(ImportError) {
        let table = try Self.records(data: data, fileName: fileName)
        guard let header = table.first else {
            throw ImportError(.empty, file: fileName, "is empty; the first line must be the header")
        }
        self.header = header
        rows = table.dropFirst().filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }.map { values in
            var row: [String: String] = [:]
            for (key, value) in zip(header, values) { row[key] = value }
            return row
        }
    }

    /// Reads a file from disk.
    public init(contentsOf url: URL) throws(ImportError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError(.unreadableFile, file: url.path, "cannot be read: \(error.localizedDescription)")
        }
        try self.init(data: data, fileName: url.lastPathComponent)
    }

    /// The records of a file, the header first.
    static func records(data: Data, fileName: String) throws(ImportError) -> [[String]] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportError(.unreadableFile, file: fileName, "is not UTF-8 text; save the spreadsheet as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // Excel's byte-order mark
        if let problem = quoteProblem(in: text) {
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
}
