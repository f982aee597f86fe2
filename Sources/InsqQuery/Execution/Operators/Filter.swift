/// Keeps the rows where a predicate is true (not false, not NULL).
final class FilterOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let predicate: CompiledExpression

    init(child: PhysicalOperator, predicate: @escaping CompiledExpression) {
        self.child = child
        self.predicate = predicate
    }

    func next() throws -> Batch? {
        while let batch = try child.next() {
            if batch.count == 0 { continue }
            let mask = try predicate(batch)
            let rows = [Int](unsafeUninitializedCapacity: batch.count) { buffer, initialized in
                initialized = SelectionKernels.whereTrue(mask, 0..<batch.count, buffer.baseAddress!)
            }
            if rows.isEmpty { continue }
            if rows.count == batch.count { return batch }
            // One gather per column, each into an array allocated at its final size.
            return rows.withUnsafeBufferPointer { selected in
                Batch(columns: batch.columns.map { GatherKernels.vector($0, rows: selected) }, count: selected.count)
            }
        }
        return nil
    }
}

/// Computes one vector per output expression.
final class ProjectOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let expressions: [CompiledExpression]

    init(child: PhysicalOperator, expressions: [CompiledExpression]) {
        self.child = child
        self.expressions = expressions
    }

    func next() throws -> Batch? {
        guard let batch = try child.next() else { return nil }
        return Batch(columns: try expressions.map { try $0(batch) }, count: batch.count)
    }
}

/// Skips `offset` rows, then passes at most `limit` rows and stops pulling.
final class LimitOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private var remaining: Int
    private var toSkip: Int

    init(child: PhysicalOperator, limit: Int?, offset: Int) {
        self.child = child
        remaining = limit ?? Int.max
        toSkip = offset
    }

    func next() throws -> Batch? {
        while remaining > 0, let batch = try child.next() {
            var start = 0
            if toSkip > 0 {
                start = min(toSkip, batch.count)
                toSkip -= start
            }
            let end = min(batch.count, start + remaining)
            if end <= start { continue }
            remaining -= end - start
            if start == 0 && end == batch.count { return batch }
            return batch.gather(Array(start..<end))
        }
        return nil
    }
}
