import InsqStorage

/// A table scan seen through its filter and through projections that pass columns on: the table columns each
/// output reads, and the filter over the scan's own columns.
private struct ScanShape {
    let table: Table
    let scanColumns: [Int]
    let predicate: BoundExpression?
    /// The table column of each output.
    let outputs: [Int]

    init?(_ plan: LogicalPlan) {
        switch plan {
        case let .scan(table, columns):
            self.init(table: table, scanColumns: columns, predicate: nil, outputs: columns)
        case let .filter(.scan(table, columns), predicate):
            self.init(table: table, scanColumns: columns, predicate: predicate, outputs: columns)
        case let .project(child, expressions):
            guard let plain = PhysicalPlanner.plainColumns(expressions), let inner = ScanShape(child) else { return nil }
            self.init(table: inner.table, scanColumns: inner.scanColumns, predicate: inner.predicate,
                      outputs: plain.map { inner.outputs[$0] })
        default:
            return nil
        }
    }

    private init(table: Table, scanColumns: [Int], predicate: BoundExpression?, outputs: [Int]) {
        self.table = table
        self.scanColumns = scanColumns
        self.predicate = predicate
        self.outputs = outputs
    }
}

extension PhysicalPlanner {
    /// ORDER BY … LIMIT (`count` rows, the offset included) over a scan, its filter and plain-column projections,
    /// possibly under a projection of plain columns, as a `ScanTopNOperator`; nil for other plans.
    func scanTopN(_ plan: LogicalPlan, count: Int) -> PhysicalOperator? {
        var sorted = plan
        var projection: [Int]?
        if case let .project(inner, expressions) = plan {
            guard let plain = Self.plainColumns(expressions) else { return nil }
            projection = plain
            sorted = inner
        }
        guard case let .sort(input, keys) = sorted, !keys.isEmpty, let shape = ScanShape(input) else { return nil }
        let table = shape.table
        let keyColumns = keys.map { shape.outputs[$0.column] }
        guard keyColumns.allSatisfy({ TopNKey.isCheap(table.columns[$0]) }) else { return nil }
        let outputs = (projection ?? Array(shape.outputs.indices)).map { shape.outputs[$0] }
        let conjuncts = shape.predicate.map { predicate in
            predicate.conjuncts.map {
                ScanConjunct.make($0, table: table, scanColumns: shape.scanColumns, compiler: compiler)
            }
        } ?? []
        let parts = compiler.context.settings.parts(forRows: table.rowCount)
        return ScanTopNOperator(table: table, conjuncts: conjuncts, outputs: outputs, keys: keys, keyColumns: keyColumns,
                                limit: count, parts: Self.contiguousParts(table.rowCount, parts),
                                cancellation: cancellation)
    }

    /// `parts` contiguous stretches of `rows` rows, cut on whole batches when each part is at least one.
    private static func contiguousParts(_ rows: Int, _ parts: Int) -> [Range<Int>] {
        if rows == 0 { return [] }
        let aligned = rows >= parts * batchSize
        let bounds = (0...parts).map { i -> Int in
            let cut = rows * i / parts
            return aligned && i < parts ? cut / batchSize * batchSize : cut
        }
        return (0..<parts).map { bounds[$0]..<bounds[$0 + 1] }.filter { !$0.isEmpty }
    }
}
