import InsqStorage

/// How the progress of an import looks to a progress bar: bytes consumed so far and records parsed.
public struct CSVProgress: Sendable, Equatable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var rowsRead: Int

    public init(bytesRead: Int, totalBytes: Int, rowsRead: Int) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.rowsRead = rowsRead
    }
}

/// Settings of one CSV import (`CSVImporter.importFile`).
public struct CSVImportOptions: Sendable {
    /// Field separator; nil sniffs one of comma, semicolon, tab and pipe from the first lines.
    public var delimiter: UInt8?
    /// Declared types by column name (ASCII case ignored); other columns are inferred from the data.
    public var types: [String: DataType]
    /// A declared schema: the header must name exactly these columns in this order, and each is read as its
    /// type. `types` may still override single columns.
    public var expectedColumns: [ColumnSchema]?
    /// Skip rows that cannot be read and report them, instead of refusing the whole file.
    public var skipBadRows: Bool
    /// Threads that parse chunks (at least 1).
    public var threads: Int
    /// Bytes per chunk; a chunk ends at a record end, so one may be longer when a record is.
    public var chunkSize: Int
    /// Called on the importing thread after every group of chunks.
    public var progress: (@Sendable (CSVProgress) -> Void)?
    /// Polled between groups of chunks; returning true stops the import with a `.cancelled` error.
    public var isCancelled: (@Sendable () -> Bool)?

    public init(delimiter: UInt8? = nil, types: [String: DataType] = [:], expectedColumns: [ColumnSchema]? = nil,
                skipBadRows: Bool = false,
                threads: Int = 2, chunkSize: Int = 8 << 20,
                progress: (@Sendable (CSVProgress) -> Void)? = nil,
                isCancelled: (@Sendable () -> Bool)? = nil) {
        self.delimiter = delimiter
        self.types = types
        self.expectedColumns = expectedColumns
        self.skipBadRows = skipBadRows
        self.threads = threads
        self.chunkSize = chunkSize
        self.progress = progress
        self.isCancelled = isCancelled
    }
}

/// A loaded table plus the rows left out in `skipBadRows` mode (one error per skipped row, in file order).
public struct CSVImportResult: Sendable {
    public let table: Table
    public let skipped: [CSVError]
}
