import InsqStorage

/// Turns a logical plan into a tree of operators with compiled expressions.
struct PhysicalPlanner {
    let cancellation: CancellationFlag

    func build(_ plan: LogicalPlan) -> PhysicalOperator {
        switch plan {
        case let .scan(table, columns):
            return ScanOperator(table: table, columns: columns, cancellation: cancellation)
        case .singleRow:
            return SingleRowOperator()
        case let .filter(child, predicate):
            return FilterOperator(child: build(child), predicate: ExpressionCompiler.compile(predicate))
        case let .project(child, expressions):
            return ProjectOperator(child: build(child), expressions: expressions.map(ExpressionCompiler.compile))
        case let .aggregate(child, keys, aggregates):
            return HashAggregateOperator(child: build(child), keys: keys, aggregates: aggregates)
        case let .distinct(child):
            let keys = child.outputTypes().enumerated().map {
                BoundExpression.column($0.offset, $0.element, SourceRangeBox(.init(0, 0)))
            }
            return HashAggregateOperator(child: build(child), keys: keys, aggregates: [])
        case let .join(left, right, join):
            return HashJoinOperator(left: build(left), right: build(right), plan: join, rightTypes: right.outputTypes(),
                                    cancellation: cancellation)
        case let .sort(child, keys):
            return SortOperator(child: build(child), keys: keys, types: child.outputTypes())
        case let .limit(child, limit, offset):
            return LimitOperator(child: build(child), limit: limit, offset: offset)
        }
    }
}
