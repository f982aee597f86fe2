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
        if output == nil {
            let table = try aggregate()
            output = ColumnsOperator(columns: try table.columns(), rowCount: table.groupCount)
        }
        return try output?.next()
    }

    /// Reads the whole input into a new table (the whole aggregate, or one thread's part of it).
    func aggregate() throws -> AggregateTable {
        let table = AggregateTable(keyTypes: keyTypes, calls: calls)
        while let batch = try child.next() {
            try table.add(keys: try keys.map { try $0(batch) }, arguments: try arguments.map { try $0?(batch) },
                          rows: batch.count)
        }
        try table.finishInput()
        return table
    }
}
