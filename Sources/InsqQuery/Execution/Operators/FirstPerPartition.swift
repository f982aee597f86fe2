import InsqStorage

/// `ROW_NUMBER() OVER (PARTITION BY p ORDER BY o) = 1` as a filter right above its window: each partition's
/// first row in window order. One pass keeps the best row per partition in an array indexed by the packed
/// partition key, instead of sorting the whole input; wide keys fall back to the window's sort. The rows and
/// their (input) order are those the window and the filter would give.
final class FirstPerPartitionOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let inputTypes: [DataType]
    private let call: WindowCall
    private let compiler: ExpressionCompiler
    private var output: ColumnsOperator?

    /// Partition keys packed into at most this many bits use the array (12 B a slot, and never more slots
    /// than four per input row); beyond, the sort. At SF 5 (person_id and scheme: 26 bits) the sort took
    /// 18 s and 8 GB more than the array.
    static let maximumSlotBits = 27

    init(child: PhysicalOperator, inputTypes: [DataType], call: WindowCall, compiler: ExpressionCompiler) {
        self.child = child
        self.inputTypes = inputTypes
        self.call = call
        self.compiler = compiler
    }

    func next() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> ColumnsOperator {
        let keyExpressions = call.partitionBy + call.orderBy.map(\.expression)
        let compiled = keyExpressions.map(compiler.compile)
        // Key expressions that are input columns share the batches' storage; only computed keys add memory.
        var batches: [Batch] = [], keys: [[Vector]] = []
        var rows = 0
        while let batch = try child.next() {
            keys.append(try compiled.map { try $0(batch) })
            batches.append(batch)
            rows += batch.count
        }
        if compiler.context.cancellation.isCancelled { throw QueryCancelled() }
        let partitionKeys = call.partitionBy.indices.map { SortKey(column: $0, isDescending: false, nullsFirst: true) }
        let orderKeys = call.orderBy.enumerated().map {
            SortKey(column: call.partitionBy.count + $0.offset, isDescending: $0.element.isDescending, nullsFirst: $0.element.nullsFirst)
        }
        let counts = batches.map(\.count)
        let selected = firstRowsByArray(keys, counts, partitionKeys, orderKeys)
            ?? firstRowsBySorting(concatenated(keys, types: keyExpressions.map(\.type)), partitionKeys + orderKeys, partitionKeys.count, rows)
        return ColumnsOperator(columns: gather(selected, from: batches)
                                   + [Column(type: call.type, data: .int64([Int64](repeating: 1, count: selected.count)))],
                               rowCount: selected.count)
    }

    /// The keys concatenated into columns, for the sort.
    private func concatenated(_ keys: [[Vector]], types: [DataType]) -> [Column] {
        var accumulators = types.map { ColumnAccumulator(type: $0) }
        for batch in keys { for (k, v) in batch.enumerated() { accumulators[k].append(v) } }
        return accumulators.map { $0.build() }
    }

    /// The first rows, ascending, when the partition key packs into few bits and the order key into a word.
    /// `counts` are the batches' row counts (a window with no keys has no key vectors to count).
    private func firstRowsByArray(_ keys: [[Vector]], _ counts: [Int], _ partition: [SortKey], _ order: [SortKey]) -> [Int]? {
        let n = counts.reduce(0, +)
        guard n < Int(Int32.max),
              let p = BatchKeyPacker(keys: keys, order: partition),
              p.bits <= Self.maximumSlotBits, 1 << p.bits <= max(4 * n, 1 << 16),
              let o = BatchKeyPacker(keys: keys, order: order) else { return nil }
        let slots = 1 << p.bits
        var bestKey = [UInt64](repeating: 0, count: slots)
        var bestRow = [Int32](repeating: -1, count: slots)
        var pk = [UInt64](repeating: 0, count: counts.max() ?? 0), ok = pk
        var offset = 0
        for (batch, count) in zip(keys, counts) {
            pk.withUnsafeMutableBufferPointer { pk in
                ok.withUnsafeMutableBufferPointer { ok in
                    p.pack(batch, count: count, into: pk)
                    o.pack(batch, count: count, into: ok)
                    bestKey.withUnsafeMutableBufferPointer { key in
                        bestRow.withUnsafeMutableBufferPointer { row in
                            // Rows come in input order, so only a strictly smaller key replaces: ties keep the
                            // earlier row, as the stable sort does.
                            for i in 0..<count {
                                let s = Int(truncatingIfNeeded: pk[i])
                                if row[s] < 0 || ok[i] < key[s] {
                                    key[s] = ok[i]
                                    row[s] = Int32(truncatingIfNeeded: offset + i)
                                }
                            }
                        }
                    }
                }
            }
            offset += count
        }
        var isSelected = [UInt64](repeating: 0, count: (n + 63) / 64)
        isSelected.withUnsafeMutableBufferPointer { selected in
            for r in bestRow where r >= 0 { selected[Int(r) >> 6] |= 1 << UInt64(r & 63) }
        }
        var rows: [Int] = []
        for (w, word) in isSelected.enumerated() {
            var bits = word
            while bits != 0 {
                rows.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return rows
    }

    /// The first rows, ascending, from the window's sort: the sorted positions that start a partition.
    private func firstRowsBySorting(_ columns: [Column], _ keys: [SortKey], _ groupKeys: Int, _ n: Int) -> [Int] {
        let grouped = RowSorter.groupedRows(columns, keys: keys, groupKeys: groupKeys, rowCount: n,
                                            threads: compiler.context.settings.threads)
        var rows: [Int] = []
        for (i, start) in grouped.groupStarts.enumerated() where start { rows.append(grouped.rows[i]) }
        rows.sort()
        return rows
    }

    /// The input columns at `rows` (ascending), read batch by batch.
    private func gather(_ rows: [Int], from batches: [Batch]) -> [Column] {
        var accumulators = inputTypes.map { ColumnAccumulator(type: $0) }
        var offset = 0, next = 0
        var local: [Int] = []
        for batch in batches {
            local.removeAll(keepingCapacity: true)
            while next < rows.count && rows[next] < offset + batch.count {
                local.append(rows[next] - offset)
                next += 1
            }
            offset += batch.count
            if local.isEmpty { continue }
            local.withUnsafeBufferPointer { l in
                for (c, v) in batch.columns.enumerated() { accumulators[c].append(GatherKernels.vector(v, rows: l)) }
            }
        }
        return accumulators.map { $0.build() }
    }
}
