import Foundation

/// A minimal RFC 4180 reader for the test fixtures (quoted fields with commas and doubled quotes). The
/// production CSV import lives elsewhere.
struct CSVTable {
    var header: [String]
    var rows: [[String: String]]

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\n", "\r\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\r": break
            default: field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        guard let header = records.first else {
            throw ScenarioError(description: "\(url.lastPathComponent) is empty")
        }
        self.header = header
        rows = records.dropFirst().filter { $0 != [""] }.map { values in
            var row: [String: String] = [:]
            for (key, value) in zip(header, values) { row[key] = value }
            return row
        }
    }
}
