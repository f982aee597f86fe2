import InsqStorage

/// GROUP BY: hashes the key columns to dense group ids and folds aggregates per group.
/// Output: the key columns (first-seen values), then one column per aggregate, in first-seen group order.
final class HashAggregateOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let keys: [CompiledExpression]
    private let keyTypes: [DataType]
    private let arguments: [CompiledExpression?]
    private let calls: [AggregateCall]
    private var output: ColumnsOperator?

    init(child: PhysicalOperator, keys: [BoundExpression], aggregates: [AggregateCall], compiler: ExpressionCompiler) {
        self.child = child
        self.keys = keys.map(compiler.compile)
        keyTypes = keys.map(\.type)
        arguments = aggregates.map { $0.argument.map(compiler.compile) }
        calls = aggregates
    }

    func next() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> ColumnsOperator {
        let states = calls.map(AggregateStates.make)
        var keyColumns = keyTypes.map { ColumnAccumulator(type: $0) }
        var rowKeys = RowKeys(count: keys.count)
        var table = KeyTable(width: rowKeys.width)
        var groupCount = keys.isEmpty ? 1 : 0
        while let batch = try child.next() {
            var groups = [Int](repeating: 0, count: batch.count)
            if !keys.isEmpty {
                let keyVectors = try keys.map { try $0(batch) }
                let (flat, _) = rowKeys.encode(keyVectors, rows: batch.count, intern: true)
                var newRows: [Int] = []
                flat.withUnsafeBufferPointer { all in
                    table.findOrInsertAll(all, rows: batch.count, ids: &groups, newRows: &newRows)
                }
                if !newRows.isEmpty {
                    for (k, v) in keyVectors.enumerated() { keyColumns[k].append(v.gather(newRows)) }
                }
                groupCount = table.count
            }
            for (k, state) in states.enumerated() {
                try state.update(groups: groups, input: try arguments[k]?(batch), groupCount: groupCount)
            }
        }
        let columns = keyColumns.map { $0.build() } + states.map { $0.result(groupCount: groupCount) }
        return ColumnsOperator(columns: columns, rowCount: groupCount)
    }
}
