import InsqStorage

/// Reads selected columns of a table (or of a contiguous part of its rows) in batches; checks for
/// cancellation between batches.
final class ScanOperator: PhysicalOperator {
    private let columns: [Column]
    private let end: Int
    private let cancellation: CancellationFlag
    private var position: Int

    /// `rows` limits the scan to one thread's part of the table (nil: every row).
    init(table: Table, columns: [Int], cancellation: CancellationFlag, rows: Range<Int>? = nil) {
        self.columns = columns.map { table.columns[$0] }
        let part = rows ?? 0..<table.rowCount
        position = part.lowerBound
        end = part.upperBound
        self.cancellation = cancellation
    }

    func next() throws -> Batch? {
        if cancellation.isCancelled { throw QueryCancelled() }
        guard position < end else { return nil }
        let end = min(position + batchSize, self.end)
        let range = position..<end
        position = end
        return Batch(columns: columns.map { VectorConversion.vector(from: $0, range: range) }, count: range.count)
    }
}

/// A single row with no columns, for SELECT without FROM.
final class SingleRowOperator: PhysicalOperator {
    private var done = false
    func next() throws -> Batch? {
        if done { return nil }
        done = true
        return Batch(columns: [], count: 1)
    }
}

/// Streams already materialized columns in batches (sorted output, join build sides).
final class ColumnsOperator: PhysicalOperator {
    private let columns: [Column]
    private let rowCount: Int
    private var position = 0

    init(columns: [Column], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    func next() throws -> Batch? {
        guard position < rowCount else { return nil }
        let end = min(position + batchSize, rowCount)
        let range = position..<end
        position = end
        return Batch(columns: columns.map { VectorConversion.vector(from: $0, range: range) }, count: range.count)
    }
}
