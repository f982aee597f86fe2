import InsqStorage

extension PhysicalPlanner {
    /// A GROUP BY or DISTINCT whose input is a pipeline (scan, filter, project, join probes) run as one
    /// partial aggregate per thread, each reading a contiguous part of the pipeline's driving table (the
    /// scan at the end of its probe sides); nil when the input is no such pipeline, the settings ask for
    /// one thread, or the driving table is too small to split.
    func parallelAggregate(_ child: LogicalPlan, keys: [BoundExpression], aggregates: [AggregateCall]) -> PhysicalOperator? {
        let settings = compiler.context.settings
        guard settings.threads > 1, !keys.contains(where: \.containsSubquery),
              !aggregates.contains(where: { $0.argument?.containsSubquery ?? false }),
              let rows = Self.drivingRows(child) else { return nil }
        let parts = settings.parts(forRows: rows)
        guard parts > 1 else { return nil }
        var builds: [HashJoinBuild] = []
        let pipelines = copies(of: child, reading: Self.split(rows, into: parts), builds: &builds)
        let partials = pipelines.map { HashAggregateOperator(child: $0, keys: keys, aggregates: aggregates, compiler: compiler) }
        return ParallelAggregateOperator(partials: partials, builds: builds)
    }

    /// The row count of the table a pipeline is driven by, or nil when the plan is not a pipeline whose
    /// copies may run on several threads. Excluded: subqueries in its expressions (their evaluators keep
    /// caches) and LEFT joins that pad unmatched build rows (which rows are unmatched is known only after
    /// every probe).
    private static func drivingRows(_ plan: LogicalPlan) -> Int? {
        switch plan {
        case let .scan(table, _):
            return table.rowCount
        case let .filter(child, predicate):
            return predicate.containsSubquery ? nil : drivingRows(child)
        case let .project(child, expressions):
            return expressions.contains(where: \.containsSubquery) ? nil : drivingRows(child)
        case let .join(left, right, join):
            let layout = JoinLayout(left: left, right: right, join: join)
            guard !layout.padsBuildSide, !layout.plan.leftKeys.contains(where: \.containsSubquery),
                  !(layout.plan.residual?.containsSubquery ?? false) else { return nil }
            return drivingRows(layout.probe)
        default:
            return nil
        }
    }

    /// Contiguous parts in table order. Boundaries fall on whole batches when the parts are big enough, so
    /// the batches are the ones a single scan reads.
    private static func split(_ rows: Int, into parts: Int) -> [Range<Int>] {
        let aligned = rows >= parts * batchSize
        let bounds = (0...parts).map { i -> Int in
            let cut = rows * i / parts
            return aligned && i < parts ? cut / batchSize * batchSize : cut
        }
        return (0..<parts).map { bounds[$0]..<bounds[$0 + 1] }
    }

    /// One copy of the pipeline per part, with compiled expressions of its own (they keep caches); every
    /// join's build side is planned once and shared, and collected into `builds` in the order the
    /// single-threaded plan would build them.
    private func copies(of plan: LogicalPlan, reading parts: [Range<Int>], builds: inout [HashJoinBuild]) -> [PhysicalOperator] {
        let fused = parts.compactMap { scanFilter(plan, rows: $0) }
        if !fused.isEmpty { return fused }
        switch plan {
        case let .scan(table, columns):
            return parts.map { ScanOperator(table: table, columns: columns, cancellation: cancellation, rows: $0) }
        case let .filter(child, predicate):
            return copies(of: child, reading: parts, builds: &builds).map {
                FilterOperator(child: $0, predicate: compiler.compile(predicate))
            }
        case let .project(child, expressions):
            return copies(of: child, reading: parts, builds: &builds).map {
                ProjectOperator(child: $0, expressions: expressions.map(compiler.compile))
            }
        case let .join(left, right, join):
            let layout = JoinLayout(left: left, right: right, join: join)
            let table = HashJoinBuild(input: build(layout.build), keys: layout.plan.rightKeys,
                                      types: layout.build.outputTypes(), compiler: compiler)
            builds.append(table)
            return copies(of: layout.probe, reading: parts, builds: &builds).map {
                HashJoinOperator(probe: $0, build: table, layout: layout, compiler: compiler)
            }
        default:
            preconditionFailure("drivingRows admits only scans, filters, projections and joins")
        }
    }
}
