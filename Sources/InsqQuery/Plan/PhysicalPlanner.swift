import InsqStorage

/// Turns a logical plan into a tree of operators with compiled expressions.
struct PhysicalPlanner {
    let compiler: ExpressionCompiler

    init(context: CompileContext) {
        compiler = ExpressionCompiler(context: context)
    }

    var cancellation: CancellationFlag { compiler.context.cancellation }

    func build(_ plan: LogicalPlan) -> PhysicalOperator {
        // EXPLAIN ANALYZE: the operator built for each logical node counts its rows and time.
        if let profiler = compiler.context.profiler { return profiler.profile(plan) { buildOperator(plan) } }
        return buildOperator(plan)
    }

    private func buildOperator(_ plan: LogicalPlan) -> PhysicalOperator {
        switch plan {
        case let .scan(table, columns):
            return ScanOperator(table: table, columns: columns, cancellation: cancellation)
        case .singleRow:
            return SingleRowOperator()
        case let .filter(child, predicate):
            return firstPerPartition(child, predicate) ?? scanFilter(plan)
                ?? FilterOperator(child: build(child), predicate: compiler.compile(predicate))
        case let .project(child, expressions):
            return scanFilter(plan) ?? ProjectOperator(child: build(child), expressions: expressions.map(compiler.compile))
        case let .aggregate(child, keys, aggregates):
            return parallelAggregate(child, keys: keys, aggregates: aggregates)
                ?? HashAggregateOperator(child: build(child), keys: keys, aggregates: aggregates, compiler: compiler)
        case let .distinct(child):
            return parallelAggregate(child, keys: Self.allColumns(child), aggregates: [])
                ?? HashAggregateOperator(child: build(child), keys: Self.allColumns(child), aggregates: [], compiler: compiler)
        case let .join(left, right, join):
            let layout = JoinLayout(left: left, right: right, join: join)
            let table = HashJoinBuild(input: build(layout.build), keys: layout.plan.rightKeys,
                                      types: layout.build.outputTypes(), compiler: compiler)
            return HashJoinOperator(probe: build(layout.probe), build: table, layout: layout, compiler: compiler)
        case let .sort(child, keys):
            return SortOperator(child: build(child), keys: keys, types: child.outputTypes(), threads: compiler.context.settings.threads)
        case let .limit(child, limit, offset):
            return buildLimit(child, limit: limit, offset: offset)
        case let .setOperation(left, right, kind, isAll):
            let types = left.outputTypes()
            if kind == .union {
                let both = ConcatenateOperator(inputs: [build(left), build(right)])
                return isAll ? both : HashAggregateOperator(child: both, keys: Self.allColumns(left), aggregates: [], compiler: compiler)
            }
            let distinctLeft = isAll ? build(left)
                : HashAggregateOperator(child: build(left), keys: Self.allColumns(left), aggregates: [], compiler: compiler)
            return SetMembershipOperator(left: distinctLeft, right: build(right), types: types,
                                         keepsMembers: kind == .intersect, countsDuplicates: isAll)
        case .multiJoin:
            preconditionFailure("the optimizer orders every multi-way join before planning")
        case let .window(child, calls):
            return WindowOperator(child: build(child), inputTypes: child.outputTypes(), calls: calls, compiler: compiler)
        }
    }

    private static func allColumns(_ plan: LogicalPlan) -> [BoundExpression] {
        plan.outputTypes().enumerated().map { BoundExpression.column($0.offset, $0.element, SourceRangeBox(.init(0, 0))) }
    }
}
