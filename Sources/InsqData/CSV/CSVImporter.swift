import Dispatch
import InsqStorage

/// Imports a CSV file with a header row into a table, inferring column types from the data.
///
/// The file is read in chunks that end at record ends; each group of `threads` chunks is validated (UTF-8),
/// tokenized and parsed into typed column arrays in parallel, then appended in file order. Types are inferred
/// by widening (see `CSVInferredType`): every chunk starts from the type the earlier chunks needed, and a
/// column that later needs a type which cannot be derived from the values held (TEXT after numbers, say) is
/// read again from the file in a second pass. The result is the same for any number of threads.
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

/// One chunk's share of the work, filled in on a worker thread.
private struct CSVChunkWork: @unchecked Sendable {
    var bytes: [UInt8]
    var from: Int
    var fields = CSVChunkFields(columnCount: 0)
    var columns: [CSVChunkColumn?] = []
}

/// Slots that worker threads fill, each its own (so no two threads touch the same memory).
private struct CSVWorkSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<CSVChunkWork>
}

private struct CSVImportRun {
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

    init(path: String, bytes: [UInt8]?, options: CSVImportOptions) {
        self.path = path
        self.bytes = bytes
        self.options = options
    }

    private func openSource() throws(CSVError) -> CSVChunkSource {
        if let bytes { return CSVChunkSource(bytes: bytes, name: path, chunkSize: options.chunkSize) }
        return try CSVChunkSource(path: path, chunkSize: options.chunkSize)
    }

    mutating func run(tableName: String) throws(CSVError) -> CSVImportResult {
        var source = try openSource()
        let totalBytes = source.totalBytes
        guard let first = try source.next() else { throw emptyFile() }
        try readHeader(first, isWholeFile: source.bytesRead == totalBytes)
        var accumulators = declared.map { CSVColumnAccumulator(declared: $0) }
        let all = Array(repeating: true, count: names.count)
        var pending: [UInt8]? = first
        var lineBase = 1 + headerLineBreaks
        var isFirst = true
        var reserved = false
        while pending != nil {
            var wave = try nextWave(from: &source, pending: &pending, isFirst: &isFirst)
            let targets = accumulators.map { a -> CSVColumnTarget in
                a.declared.map { .declared($0) } ?? .inferred(a.type)
            }
            wave = parse(wave, targets: targets, columns: all)
            try finish(&wave, lineBase: &lineBase, accumulators: &accumulators, checkErrors: true)
            if !reserved, let rows = accumulators.first?.count, rows > 0, source.bytesRead > 0, pending != nil {
                // Growing 20M-row arrays by doubling copies them repeatedly: reserve the estimate once.
                let estimate = Int(Double(rows) * Double(totalBytes) / Double(source.bytesRead) * 1.05) + 1024
                for c in accumulators.indices { accumulators[c].reserve(rows: estimate) }
                reserved = true
            }
            options.progress?(CSVProgress(bytesRead: source.bytesRead, totalBytes: totalBytes,
                                          rowsRead: accumulators.first?.count ?? 0))
        }
        if accumulators.contains(where: \.needsReread) {
            try reread(&accumulators)
        }
        let schema = zip(names, accumulators).map { ColumnSchema(name: $0, type: $1.dataType) }
        let table = Table(name: tableName, schema: schema, columns: accumulators.map { $0.build() })
        return CSVImportResult(table: table, skipped: skipped)
    }

    /// Reads again, from the file, the columns whose widening could not be done in memory.
    private mutating func reread(_ accumulators: inout [CSVColumnAccumulator]) throws(CSVError) {
        let columns = accumulators.map(\.needsReread)
        var fresh = accumulators.map { $0.needsReread ? CSVColumnAccumulator(declared: $0.dataType) : $0 }
        var source = try openSource()
        var pending = try source.next()
        var lineBase = 1 + headerLineBreaks
        var isFirst = true
        let targets = fresh.map { CSVColumnTarget.declared($0.dataType) }
        while pending != nil {
            var wave = try nextWave(from: &source, pending: &pending, isFirst: &isFirst)
            wave = parse(wave, targets: targets, columns: columns)
            for i in wave.indices {
                let fields = wave[i].fields
                var keep = [Bool](repeating: true, count: fields.recordCount)
                var dropped = false
                for r in 0..<fields.recordCount where skippedLines.contains(lineBase + Int(fields.lines[r])) {
                    keep[r] = false
                    dropped = true
                }
                for c in names.indices where columns[c] {
                    guard var column = wave[i].columns[c] else { continue }
                    if dropped { column = compact(column, keep) }
                    fresh[c].append(column)
                }
                lineBase += fields.lineBreaks
            }
        }
        for c in names.indices where columns[c] { accumulators[c] = fresh[c] }
    }

    /// The next chunks to parse together, one per thread, after checking for Ctrl-C; the first chunk of the
    /// file starts after its header.
    private func nextWave(from source: inout CSVChunkSource, pending: inout [UInt8]?,
                          isFirst: inout Bool) throws(CSVError) -> [CSVChunkWork] {
        if options.isCancelled?() == true {
            throw CSVError(kind: .cancelled, file: path, line: nil, message: "import cancelled")
        }
        var wave: [CSVChunkWork] = []
        while wave.count < max(1, options.threads), let bytes = pending {
            wave.append(CSVChunkWork(bytes: bytes, from: isFirst ? headerEnd : 0))
            isFirst = false
            pending = try source.next()
        }
        return wave
    }

    private func parse(_ wave: [CSVChunkWork], targets: [CSVColumnTarget], columns: [Bool]) -> [CSVChunkWork] {
        let slots = CSVWorkSlots(base: .allocate(capacity: wave.count))
        slots.base.initialize(from: wave, count: wave.count)
        defer { slots.base.deallocate() }
        let delimiter = self.delimiter
        let width = names.count
        let work: @Sendable (Int) -> Void = { i in
            var item = (slots.base + i).move()
            item.bytes.withUnsafeBufferPointer { bytes in
                let invalid = Self.invalidUTF8Offsets(bytes, from: item.from)
                item.fields = CSVTokenizer.tokenize(bytes, from: item.from, delimiter: delimiter, columnCount: width,
                                                    invalidUTF8: invalid)
                let parsing = CSVColumnParsing(bytes: bytes, fields: item.fields)
                item.columns = (0..<width).map { c in columns[c] ? parsing.parse(column: c, target: targets[c]) : nil }
            }
            (slots.base + i).initialize(to: item)
        }
        if wave.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: wave.count, execute: work)
        }
        return (0..<wave.count).map { (slots.base + $0).move() }
    }

    static func invalidUTF8Offsets(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> [Int] {
        var offsets: [Int] = []
        var start = from
        while start < bytes.count,
              let bad = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[start...])) {
            offsets.append(start + bad)
            start += bad + 1
        }
        return offsets
    }

    /// Checks a parsed wave, unifies inferred types across its chunks and appends it in order.
    private mutating func finish(_ wave: inout [CSVChunkWork], lineBase: inout Int,
                                 accumulators: inout [CSVColumnAccumulator], checkErrors: Bool) throws(CSVError) {
        // 1. Types: the join over the wave; chunks read as a narrower type are read again as the join.
        for c in names.indices where declared[c] == nil {
            var join = accumulators[c].type
            for item in wave { if let t = item.columns[c]?.type { join = join.joined(t) } }
            for i in wave.indices where wave[i].columns[c]?.type.kind != join.kind {
                guard join.kind != .empty else { continue }
                let fields = wave[i].fields
                let column = wave[i].bytes.withUnsafeBufferPointer { bytes in
                    CSVColumnParsing(bytes: bytes, fields: fields).parse(column: c, target: .declared(join.dataType))
                }
                wave[i].columns[c] = CSVChunkColumn(values: column.values, validity: column.validity,
                                                     count: column.count, type: join)
            }
            accumulators[c].widen(to: join)
        }
        // 2. Bad rows: refuse the file at the first, or skip them all.
        for i in wave.indices {
            var issues = wave[i].fields.issues
            let fields = wave[i].fields
            for c in names.indices {
                for r in wave[i].columns[c]?.failures ?? [] {
                    let k = r * names.count + c
                    issues.append(CSVRowIssue(kind: .invalidValue, line: Int(fields.lines[r]), field: c, record: r,
                                              start: Int(fields.starts[k]), end: Int(fields.ends[k])))
                }
            }
            if !issues.isEmpty {
                issues.sort { ($0.line, $0.field) < ($1.line, $1.field) }
                let errors = wave[i].bytes.withUnsafeBufferPointer { bytes in
                    issues.map { error($0, bytes: bytes, fields: fields, lineBase: lineBase) }
                }
                guard options.skipBadRows else { throw errors[0] }
                var keep = [Bool](repeating: true, count: fields.recordCount)
                var badLines = Set<Int>()
                for (issue, error) in zip(issues, errors) where !badLines.contains(issue.line) {
                    badLines.insert(issue.line)
                    skipped.append(error)
                    skippedLines.insert(lineBase + issue.line)
                }
                for r in 0..<fields.recordCount where badLines.contains(Int(fields.lines[r])) { keep[r] = false }
                for c in names.indices {
                    if let column = wave[i].columns[c] { wave[i].columns[c] = compact(column, keep) }
                }
            }
            for c in names.indices {
                if let column = wave[i].columns[c] { accumulators[c].append(column) }
            }
            lineBase += fields.lineBreaks
            wave[i].bytes = []
        }
    }

    private func compact(_ column: CSVChunkColumn, _ keep: [Bool]) -> CSVChunkColumn {
        let rows = keep.indices.filter { keep[$0] }
        var bits = [UInt64](repeating: 0, count: (rows.count + 63) >> 6)
        for (k, r) in rows.enumerated() where column.validity[r >> 6] & (1 << UInt64(r & 63)) != 0 {
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        let values: CSVValues
        switch column.values {
        case .empty: values = .empty
        case let .int64(a): values = .int64(rows.map { a[$0] })
        case let .int32(a): values = .int32(rows.map { a[$0] })
        case let .double(a): values = .double(rows.map { a[$0] })
        case let .bool(a): values = .bool(rows.map { a[$0] })
        case let .text(a, d): values = .text(rows.map { a[$0] }, d)
        }
        return CSVChunkColumn(values: values, validity: bits, count: rows.count, type: column.type)
    }

    private func error(_ issue: CSVRowIssue, bytes: UnsafeBufferPointer<UInt8>, fields: CSVChunkFields,
                       lineBase: Int) -> CSVError {
        let line = lineBase + issue.line
        let column = issue.field < names.count ? names[issue.field] : nil
        func make(_ kind: CSVError.Kind, _ message: String, column: String? = column, line: Int = line) -> CSVError {
            CSVError(kind: kind, file: path, line: line, column: column, message: message)
        }
        switch issue.kind {
        case let .fieldCount(found):
            if found < names.count {
                return make(.wrongFieldCount, "missing field; expected \(names.count) fields, found \(found)")
            }
            return make(.wrongFieldCount, "expected \(names.count) fields, found \(found)", column: nil)
        case .unterminatedQuote: return make(.unterminatedQuote, "unterminated quoted field")
        case .textAfterClosingQuote: return make(.textAfterClosingQuote, "unexpected text after a closing quote")
        case .strayQuote: return make(.strayQuote, "unexpected quote in an unquoted field")
        case .invalidUTF8: return make(.invalidUTF8, "invalid UTF-8")
        case .invalidValue:
            let raw = UnsafeBufferPointer(rebasing: bytes[issue.start..<issue.end])
            var text = String(decoding: raw, as: UTF8.self).replacingQuotes()
            if text.count > 40 { text = String(text.prefix(39)) + "…" }
            var fieldLine = line
            let first = Int(fields.starts[issue.record * names.count])
            if first < issue.start {
                fieldLine += bytes[first..<issue.start].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            let type = declared[issue.field]?.description ?? "value"
            return make(.invalidValue, "\"\(text)\" is not a \(type)", line: fieldLine)
        }
    }

    // MARK: header

    private mutating func readHeader(_ chunk: [UInt8], isWholeFile: Bool) throws(CSVError) {
        try chunk.withUnsafeBufferPointer { bytes throws(CSVError) in
            let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            delimiter = options.delimiter
                ?? CSVDelimiterSniffer.sniff(bytes, from: bom, isWholeFile: isWholeFile)
            let header = CSVTokenizer.tokenize(bytes, from: bom, delimiter: delimiter, columnCount: nil,
                                               invalidUTF8: Self.invalidUTF8Offsets(bytes, from: bom))
            if let issue = header.issues.first {
                let partial = (0..<header.starts.count).map { _ in "" }
                names = partial
                let message: String
                let kind: CSVError.Kind
                switch issue.kind {
                case .unterminatedQuote: (kind, message) = (.unterminatedQuote, "unterminated quoted field")
                case .textAfterClosingQuote: (kind, message) = (.textAfterClosingQuote, "unexpected text after a closing quote")
                case .strayQuote: (kind, message) = (.strayQuote, "unexpected quote in an unquoted field")
                case .invalidUTF8: (kind, message) = (.invalidUTF8, "invalid UTF-8")
                case .fieldCount, .invalidValue: (kind, message) = (.headerMismatch, "unreadable header")
                }
                throw CSVError(kind: kind, file: path, line: 1 + issue.line, column: nil, message: "header: " + message)
            }
            guard !header.starts.isEmpty else { throw emptyFile() }
            var seen = Set<String>()
            names = []
            for i in header.starts.indices {
                let raw = UnsafeBufferPointer(rebasing: bytes[Int(header.starts[i])..<Int(header.ends[i])])
                var name = String(decoding: raw, as: UTF8.self)
                if header.flags[i] & CSVChunkFields.doubledQuotes != 0 { name = name.replacingQuotes() }
                if name.isEmpty { name = "column\(i + 1)" }
                var unique = name
                var k = 2
                while seen.contains(unique.lowercased()) {
                    unique = "\(name)_\(k)"
                    k += 1
                }
                seen.insert(unique.lowercased())
                names.append(unique)
            }
            headerEnd = header.end
            headerLineBreaks = header.lineBreaks
        }
        declared = Array(repeating: nil, count: names.count)
        if let expected = options.expectedColumns {
            try checkHeader(against: expected)
            for (i, column) in expected.enumerated() { declared[i] = column.type == .null ? .text : column.type }
        }
        for (name, type) in options.types.sorted(by: { $0.key < $1.key }) {
            guard let i = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw CSVError(kind: .unknownColumn, file: path, line: nil,
                               message: "type given for unknown column \"\(name)\"; columns are \(names.joined(separator: ", "))")
            }
            declared[i] = type == .null ? .text : type
        }
    }

    /// The header must name `expected` exactly and in order (a declared schema, not a hint).
    private func checkHeader(against expected: [ColumnSchema]) throws(CSVError) {
        func mismatch(_ message: String) -> CSVError {
            CSVError(kind: .headerMismatch, file: path, line: 1, message: message)
        }
        func shown(_ text: String) -> String { text.count <= 40 ? text : String(text.prefix(39)) + "…" }
        for (i, column) in expected.enumerated() where i < names.count && names[i] != column.name {
            throw mismatch("header column \(i + 1) is \"\(shown(names[i]))\", expected \"\(column.name)\"")
        }
        if names.count < expected.count {
            throw mismatch("header has \(names.count) columns, expected \(expected.count): missing \"\(expected[names.count].name)\"")
        }
        if names.count > expected.count {
            throw mismatch("header has \(names.count) columns, expected \(expected.count): unexpected \"\(shown(names[expected.count]))\"")
        }
    }

    private func emptyFile() -> CSVError {
        CSVError(kind: .emptyFile, file: path, line: nil, message: "file is empty; expected a header row")
    }
}

extension String {
    /// `""` unescaped to `"`.
    func replacingQuotes() -> String {
        guard contains("\"") else { return self }
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == "\"" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = ch == "\""
            out.append(ch)
        }
        return out
    }
}
