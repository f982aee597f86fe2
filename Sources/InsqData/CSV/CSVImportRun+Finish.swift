import InsqStorage

/// Appending parsed waves in file order, and the second pass for columns widened beyond what memory holds.
extension CSVImportRun {
    /// The type chunk `item` read column `c` as (nil: not read).
    private static func type(of item: CSVChunkWork, _ c: Int) -> CSVInferredType? {
        if let fast = item.fast {
            guard case let .inferred(floor)? = item.targets[c] else { return nil }
            return fast.type(c, floor: floor)
        }
        return item.columns[c]?.type
    }

    /// Checks a parsed wave, unifies inferred types across its chunks and appends it in order.
    mutating func finish(_ wave: inout [CSVChunkWork], lineBase: inout Int,
                         accumulators: inout [CSVColumnAccumulator]) throws(CSVError) {
        // 1. Types: the join over the wave; chunks read as a narrower type are read again as the join.
        for c in names.indices where declared[c] == nil {
            var join = accumulators[c].type
            for item in wave { if let t = Self.type(of: item, c) { join = join.joined(t) } }
            for i in wave.indices where Self.type(of: wave[i], c)?.kind != join.kind {
                guard join.kind != .empty else { continue }
                if wave[i].fast != nil { CSVParseTask.tokenizeAndParse(&wave[i], delimiter: delimiter) }
                let fields = wave[i].fields
                let column = CSVColumnParsing(bytes: wave[i].buffer.bytes, fields: fields)
                    .parse(column: c, target: .declared(join.dataType))
                wave[i].columns[c] = CSVChunkColumn(values: column.values, validity: column.validity,
                                                     count: column.count, type: join)
            }
            accumulators[c].widen(to: join)
        }
        // 2. Bad rows: refuse the file at the first, or skip them all.
        for i in wave.indices {
            if let fast = wave[i].fast {
                for c in names.indices { accumulators[c].append(fast: fast.slots[c], rows: fast.rows) }
                lineBase += fast.lineBreaks
                continue
            }
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
                let bytes = wave[i].buffer.bytes
                let errors = issues.map { error($0, bytes: bytes, fields: fields, lineBase: lineBase) }
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
        }
    }

    /// Reads again, from the file, the columns whose widening could not be done in memory.
    mutating func reread(_ accumulators: inout [CSVColumnAccumulator]) throws(CSVError) {
        let columns = accumulators.map(\.needsReread)
        var fresh = accumulators.map { $0.needsReread ? CSVColumnAccumulator(declared: $0.dataType) : $0 }
        var source = try openSource()
        var pending = try source.next()
        var lineBase = 1 + headerLineBreaks
        var isFirst = true
        let targets = fresh.indices.map { c -> CSVColumnTarget? in columns[c] ? .declared(fresh[c].dataType) : nil }
        // Skipped rows are recognised by their line, which only the tokenizer records.
        let fast = skippedLines.isEmpty ? fastSets.first : nil
        while pending != nil {
            let wave = try nextWave(from: &source, pending: &pending, isFirst: &isFirst)
            let parsed = CSVParseTask(wave, targets: targets, fast: fast, delimiter: delimiter).wait()
            for item in parsed {
                defer { pool.give(item.buffer) }
                if let chunk = item.fast {
                    for c in names.indices where columns[c] { fresh[c].append(fast: chunk.slots[c], rows: chunk.rows) }
                    lineBase += chunk.lineBreaks
                    continue
                }
                let fields = item.fields
                var keep = [Bool](repeating: true, count: fields.recordCount)
                var dropped = false
                for r in 0..<fields.recordCount where skippedLines.contains(lineBase + Int(fields.lines[r])) {
                    keep[r] = false
                    dropped = true
                }
                for c in names.indices where columns[c] {
                    guard var column = item.columns[c] else { continue }
                    if dropped { column = compact(column, keep) }
                    fresh[c].append(column)
                }
                lineBase += fields.lineBreaks
            }
        }
        for c in names.indices where columns[c] { accumulators[c] = fresh[c] }
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
}
