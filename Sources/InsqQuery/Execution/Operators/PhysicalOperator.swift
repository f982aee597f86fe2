import InsqStorage

/// A pull-based operator: each call returns the next batch, or nil when done.
protocol PhysicalOperator: AnyObject {
    func next() throws -> Batch?
}

/// Reads every batch of an operator into storage columns.
enum Materialize {
    static func columns(_ op: PhysicalOperator, types: [DataType]) throws -> (columns: [Column], rowCount: Int) {
        var accumulators = types.map { ColumnAccumulator(type: $0) }
        var rows = 0
        while let batch = try op.next() {
            for (i, v) in batch.columns.enumerated() { accumulators[i].append(v) }
            rows += batch.count
        }
        return (accumulators.map { $0.build() }, rows)
    }
}
