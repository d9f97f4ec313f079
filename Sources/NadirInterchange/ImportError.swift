/// Why an import was rejected: the file, the row (1 = header) and column, and what to do. Nothing was written.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure: an open set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let unreadableFile = Code("unreadableFile")
        public static let malformedCSV = Code("malformedCSV")
        public static let missingColumn = Code("missingColumn")
        public static let unknownColumn = Code("unknownColumn")
        public static let duplicateColumn = Code("duplicateColumn")
        public static let wrongFieldCount = Code("wrongFieldCount")
        public static let missingValue = Code("missingValue")
        public static let invalidValue = Code("invalidValue")
        public static let inconsistentRows = Code("inconsistentRows")
        public static let duplicateRow = Code("duplicateRow")
        public static let conflictsWithDatabase = Code("conflictsWithDatabase")
        public static let empty = Code("empty")
    }

    public var code: Code
    public var file: String
    /// The spreadsheet row (the header is row 1), when the problem is in one row.
    public var row: Int?
    public var column: String?
    public var message: String

    public init(_ code: Code, file: String, row: Int? = nil, column: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let row { place += " row \(row)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(message)"
    }
}
