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

    /// Partition keys packed into at most this many bits use the array; beyond, the sort is cheaper.
    static let maximumSlotBits = 25

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
        var keyAccumulators = keyExpressions.map { ColumnAccumulator(type: $0.type) }
        var batches: [Batch] = []
        var rows = 0
        while let batch = try child.next() {
            for (k, f) in compiled.enumerated() { keyAccumulators[k].append(try f(batch)) }
            batches.append(batch)
            rows += batch.count
        }
        let keyColumns = keyAccumulators.map { $0.build() }
        keyAccumulators = []
        if compiler.context.cancellation.isCancelled { throw QueryCancelled() }
        let partitionKeys = call.partitionBy.indices.map { SortKey(column: $0, isDescending: false, nullsFirst: true) }
        let orderKeys = call.orderBy.enumerated().map {
            SortKey(column: call.partitionBy.count + $0.offset, isDescending: $0.element.isDescending, nullsFirst: $0.element.nullsFirst)
        }
        let selected = firstRowsByArray(keyColumns, partitionKeys, orderKeys, rows)
            ?? firstRowsBySorting(keyColumns, partitionKeys + orderKeys, partitionKeys.count, rows)
        return ColumnsOperator(columns: gather(selected, from: batches)
                                   + [Column(type: call.type, data: .int64([Int64](repeating: 1, count: selected.count)))],
                               rowCount: selected.count)
    }

    /// The first rows, ascending, when the partition key packs into few bits and the order key into a word.
    private func firstRowsByArray(_ columns: [Column], _ partition: [SortKey], _ order: [SortKey], _ n: Int) -> [Int]? {
        guard let p = RowSorter.packedKeys(columns, keys: partition, rowCount: n),
              p.bits <= Self.maximumSlotBits, 1 << p.bits <= max(4 * n, 1 << 16),
              let o = RowSorter.packedKeys(columns, keys: order, rowCount: n) else { return nil }
        let slots = 1 << p.bits
        var bestKey = [UInt64](repeating: 0, count: slots)
        var bestRow = [Int](repeating: -1, count: slots)
        var isSelected = [Bool](repeating: false, count: n)
        p.keys.withUnsafeBufferPointer { pk in
            o.keys.withUnsafeBufferPointer { ok in
                bestKey.withUnsafeMutableBufferPointer { key in
                    bestRow.withUnsafeMutableBufferPointer { row in
                        // Rows come in input order, so only a strictly smaller key replaces: ties keep the
                        // earlier row, as the stable sort does.
                        for r in 0..<n {
                            let s = Int(truncatingIfNeeded: pk[r])
                            if row[s] < 0 || ok[r] < key[s] {
                                key[s] = ok[r]
                                row[s] = r
                            }
                        }
                    }
                }
            }
        }
        isSelected.withUnsafeMutableBufferPointer { selected in
            for r in bestRow where r >= 0 { selected[r] = true }
        }
        var rows: [Int] = []
        for (r, s) in isSelected.enumerated() where s { rows.append(r) }
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
