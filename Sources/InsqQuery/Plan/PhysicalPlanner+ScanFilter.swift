import InsqStorage

extension PhysicalPlanner {
    /// `filter(scan)` and `project(filter(scan))` as a `ScanFilterOperator` that copies out only the rows
    /// that pass and only the columns needed above (computed expressions run in a projection on top);
    /// nil for other plans. `rows` limits the scan to part of the table (one thread's share).
    func scanFilter(_ plan: LogicalPlan, rows: Range<Int>? = nil) -> PhysicalOperator? {
        switch plan {
        case let .filter(.scan(table, columns), predicate):
            return scanFilter(table, columns, predicate, outputs: Array(columns.indices), rows: rows)
        case let .project(.project(child, inner), expressions):
            // Column pruning puts a projection of plain columns under the query's own: read through it.
            guard let columns = Self.plainColumns(inner) else { return nil }
            let mapping = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0, $1) })
            return scanFilter(.project(child, expressions.map { $0.remappingColumns(mapping) }), rows: rows)
        case let .project(.filter(.scan(table, columns), predicate), expressions):
            if let plain = Self.plainColumns(expressions) {
                return scanFilter(table, columns, predicate, outputs: plain, rows: rows)
            }
            var used = Set<Int>()
            for e in expressions { e.collectColumns(into: &used) }
            let inputs = used.sorted()
            let mapping = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($1, $0) })
            let child = scanFilter(table, columns, predicate, outputs: inputs, rows: rows)
            return ProjectOperator(child: child, expressions: expressions.map { compiler.compile($0.remappingColumns(mapping)) })
        default:
            return nil
        }
    }

    /// The input columns that expressions merely pass on, or nil when one computes something.
    static func plainColumns(_ expressions: [BoundExpression]) -> [Int]? {
        var columns: [Int] = []
        for e in expressions {
            guard case let .column(i, _, _) = e.unlocated else { return nil }
            columns.append(i)
        }
        return columns
    }

    /// `outputs` are positions among the scan's columns.
    private func scanFilter(_ table: Table, _ columns: [Int], _ predicate: BoundExpression, outputs: [Int],
                            rows: Range<Int>?) -> ScanFilterOperator {
        let conjuncts = predicate.conjuncts.map {
            ScanConjunct.make($0, table: table, scanColumns: columns, compiler: compiler)
        }
        // A part of a table is one thread's share already; a whole table may spread its filtering.
        return ScanFilterOperator(table: table, conjuncts: conjuncts, outputs: outputs.map { columns[$0] },
                                  cancellation: cancellation, rows: rows,
                                  threads: rows == nil ? compiler.context.settings.threads : 1)
    }
}
