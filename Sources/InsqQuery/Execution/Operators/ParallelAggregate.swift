import InsqStorage

/// A GROUP BY (or DISTINCT) split by rows: each partial aggregates a contiguous part of the driving table on
/// its own thread, then the partial tables are merged in part order, which keeps the single-threaded result
/// and group order.
final class ParallelAggregateOperator: PhysicalOperator {
    private let partials: [HashAggregateOperator]
    /// The join tables the partials' pipelines probe, shared by all of them.
    private let builds: [HashJoinBuild]
    private var output: ColumnsOperator?

    init(partials: [HashAggregateOperator], builds: [HashJoinBuild]) {
        self.partials = partials
        self.builds = builds
    }

    func next() throws -> Batch? {
        if output == nil {
            // The shared join tables are built here, before the threads start, so the threads only read them.
            for table in builds { try table.build() }
            let partials = self.partials
            let tables = try ParallelMap.run(partials.count) { try partials[$0].aggregate() }
            try tables[0].merge(Array(tables.dropFirst()))
            output = ColumnsOperator(columns: try tables[0].columns(), rowCount: tables[0].groupCount)
        }
        return try output?.next()
    }
}
