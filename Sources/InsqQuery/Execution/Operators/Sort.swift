import InsqStorage

/// ORDER BY: materializes the input and sorts its rows by packed integer keys (see `RowSorter`); ties keep input order.
final class SortOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let keys: [SortKey]
    private let types: [DataType]
    private let threads: Int
    private var output: GatherOperator?

    init(child: PhysicalOperator, keys: [SortKey], types: [DataType], threads: Int = 1) {
        self.child = child
        self.keys = keys
        self.types = types
        self.threads = threads
    }

    func next() throws -> Batch? {
        if output == nil {
            let (columns, n) = try Materialize.columns(child, types: types)
            let rows = RowSorter.sortedRows(columns, keys: keys, rowCount: n, threads: threads)
            output = GatherOperator(columns: columns, rows: rows)
        }
        return try output?.next()
    }
}

/// Streams chosen rows of materialized columns in a given order, gathering one batch at a time (so that a LIMIT
/// above a sort copies only the rows it reads).
final class GatherOperator: PhysicalOperator {
    private let columns: [Column]
    private let rows: SortedRows
    private var position = 0

    init(columns: [Column], rows: SortedRows) {
        self.columns = columns
        self.rows = rows
    }

    func next() throws -> Batch? {
        guard position < rows.count else { return nil }
        let range = position..<min(position + batchSize, rows.count)
        position = range.upperBound
        return rows.withRows(range) { part in
            Batch(columns: columns.map { GatherKernels.vector($0, rows: part) }, count: range.count)
        }
    }
}
