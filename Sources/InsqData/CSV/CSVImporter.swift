import InsqStorage

/// Imports a CSV file with a header row into a table, inferring column types from the data.
///
/// The file is read in chunks that end at record ends; each group ("wave") of `threads` chunks is parsed in
/// parallel into typed columns, then appended in file order. While one wave is parsed, the importing thread
/// appends the previous one and reads the next. A chunk without quotes or errors is read by `CSVFastParser` in
/// one pass; any other chunk is validated (UTF-8), tokenized and parsed column by column. Types are inferred by
/// widening (see `CSVInferredType`): every chunk starts from the type the earlier chunks needed, and a column
/// that later needs a type which cannot be derived from the values held (TEXT after numbers, say) is read again
/// from the file in a second pass. The result is the same for any number of threads.
public enum CSVImporter {
    public static func importFile(path: String, tableName: String,
                                  options: CSVImportOptions = CSVImportOptions()) throws(CSVError) -> CSVImportResult {
        var run = CSVImportRun(path: path, bytes: nil, options: options)
        return try run.run(tableName: tableName)
    }

    /// Imports CSV bytes held in memory; `sourceName` stands for the file in error messages.
    public static func importBytes(_ bytes: [UInt8], sourceName: String, tableName: String,
                                   options: CSVImportOptions = CSVImportOptions()) throws(CSVError) -> CSVImportResult {
        var run = CSVImportRun(path: sourceName, bytes: bytes, options: options)
        return try run.run(tableName: tableName)
    }
}

/// One chunk's share of the work, filled in on a worker thread: either the fast parser's columns or the
/// tokenized fields and the columns parsed from them.
struct CSVChunkWork: @unchecked Sendable {
    var buffer: CSVChunkBuffer
    var from: Int
    /// How each column was read (nil: not wanted).
    var targets: [CSVColumnTarget?] = []
    var fast: CSVFastChunk?
    var fields = CSVChunkFields(columnCount: 0)
    var columns: [CSVChunkColumn?] = []

    init(buffer: CSVChunkBuffer, from: Int) {
        self.buffer = buffer
        self.from = from
    }

    var recordCount: Int { fast?.rows ?? fields.recordCount }
    var lineBreaks: Int { fast?.lineBreaks ?? fields.lineBreaks }
}

/// The state of one import: the header's names and types, and the rows skipped so far.
struct CSVImportRun {
    let path: String
    /// The input when it is in memory rather than in the file at `path`.
    let bytes: [UInt8]?
    let options: CSVImportOptions
    var delimiter: UInt8 = UInt8(ascii: ",")
    var names: [String] = []
    var declared: [DataType?] = []
    var headerEnd = 0
    var headerLineBreaks = 0
    var skipped: [CSVError] = []
    var skippedLines = Set<Int>()
    let pool = CSVBufferPool()
    /// Two sets of fast-parser outputs, one per wave slot: one wave is parsed while the previous one is appended.
    var fastSets: [[CSVFastChunk]] = []

    init(path: String, bytes: [UInt8]?, options: CSVImportOptions) {
        self.path = path
        self.bytes = bytes
        self.options = options
    }

    var threads: Int { max(1, options.threads) }

    func openSource() throws(CSVError) -> CSVChunkSource {
        if let bytes { return CSVChunkSource(bytes: bytes, name: path, chunkSize: options.chunkSize, pool: pool) }
        return try CSVChunkSource(path: path, chunkSize: options.chunkSize, pool: pool)
    }

    mutating func run(tableName: String) throws(CSVError) -> CSVImportResult {
        var source = try openSource()
        let totalBytes = source.totalBytes
        guard let first = try source.next() else { throw emptyFile() }
        try readHeader(first, isWholeFile: source.bytesRead == totalBytes)
        fastSets = (0..<2).map { _ in (0..<threads).map { _ in CSVFastChunk(width: names.count) } }
        var accumulators = declared.map { CSVColumnAccumulator(declared: $0) }
        var pending: CSVChunkBuffer? = first
        var lineBase = 1 + headerLineBreaks
        var isFirst = true
        var reserved = false
        var parsed: [CSVChunkWork] = []
        var consumed = headerEnd
        var prefaulter: CSVPrefaulter?
        defer { prefaulter?.stop() }
        var wave = try nextWave(from: &source, pending: &pending, isFirst: &isFirst)
        var parity = 0
        while !wave.isEmpty || !parsed.isEmpty {
            // Inferred chunks start from the types known before the previous wave: a lag that only costs
            // reading a chunk again in the rare wave where a type widens.
            let targets = accumulators.map { a -> CSVColumnTarget? in
                a.declared.map { .declared($0) } ?? .inferred(a.type)
            }
            let task = CSVParseTask(wave, targets: targets, fast: fastSets[parity], delimiter: delimiter)
            parity ^= 1
            do {
                if !parsed.isEmpty {
                    try finish(&parsed, lineBase: &lineBase, accumulators: &accumulators)
                    for item in parsed {
                        consumed += item.buffer.count - item.from
                        pool.give(item.buffer)
                    }
                    let rows = accumulators.first?.count ?? 0
                    if !reserved && rows > 0 && consumed > 0 && consumed < totalBytes {
                        // Growing 20M-row arrays by doubling copies them repeatedly: reserve the estimate once.
                        let estimate = Int(Double(rows) * Double(totalBytes) / Double(consumed) * 1.02) + 1024
                        for c in accumulators.indices { accumulators[c].reserve(rows: estimate) }
                        prefaulter = CSVPrefaulter(ranges: accumulators.compactMap(\.spareCapacity), rows: estimate - rows)
                        reserved = true
                    }
                    options.progress?(CSVProgress(bytesRead: consumed, totalBytes: totalBytes, rowsRead: rows))
                }
                wave = try nextWave(from: &source, pending: &pending, isFirst: &isFirst)
            } catch {
                _ = task.wait()
                throw error
            }
            parsed = task.wait()
        }
        prefaulter?.stop()
        if accumulators.contains(where: \.needsReread) {
            try reread(&accumulators)
        }
        let schema = zip(names, accumulators).map { ColumnSchema(name: $0, type: $1.dataType) }
        let table = Table(name: tableName, schema: schema, columns: accumulators.map { $0.build() })
        return CSVImportResult(table: table, skipped: skipped)
    }

    /// The next chunks to parse together, one per thread, after checking for Ctrl-C; the first chunk of the
    /// file starts after its header.
    func nextWave(from source: inout CSVChunkSource, pending: inout CSVChunkBuffer?,
                  isFirst: inout Bool) throws(CSVError) -> [CSVChunkWork] {
        if options.isCancelled?() == true {
            throw CSVError(kind: .cancelled, file: path, line: nil, message: "import cancelled")
        }
        var wave: [CSVChunkWork] = []
        while wave.count < threads, let buffer = pending {
            wave.append(CSVChunkWork(buffer: buffer, from: isFirst ? headerEnd : 0))
            isFirst = false
            pending = try source.next()
        }
        return wave
    }
}
