import InsqStorage

/// Turns a logical plan into a tree of operators with compiled expressions.
struct PhysicalPlanner {
    let compiler: ExpressionCompiler

    init(context: CompileContext) {
        compiler = ExpressionCompiler(context: context)
    }

    var cancellation: CancellationFlag { compiler.context.cancellation }

    func build(_ plan: LogicalPlan) -> PhysicalOperator {
        switch plan {
        case let .scan(table, columns):
            return ScanOperator(table: table, columns: columns, cancellation: cancellation)
        case .singleRow:
            return SingleRowOperator()
        case let .filter(child, predicate):
            return FilterOperator(child: build(child), predicate: compiler.compile(predicate))
        case let .project(child, expressions):
            return ProjectOperator(child: build(child), expressions: expressions.map(compiler.compile))
        case let .aggregate(child, keys, aggregates):
            return HashAggregateOperator(child: build(child), keys: keys, aggregates: aggregates, compiler: compiler)
        case let .distinct(child):
            return HashAggregateOperator(child: build(child), keys: Self.allColumns(child), aggregates: [], compiler: compiler)
        case let .join(left, right, join):
            // An inner join builds its hash table on the side expected to be smaller.
            if join.kind != .left, join.residual == nil, right.estimatedRows > left.estimatedRows {
                let swapped = JoinPlan(kind: join.kind, leftKeys: join.rightKeys, rightKeys: join.leftKeys, residual: nil)
                return HashJoinOperator(left: build(right), right: build(left), plan: swapped, rightTypes: left.outputTypes(),
                                        compiler: compiler, buildsOnLeft: true)
            }
            // A LEFT JOIN of a few rows to a large table builds on the few and pads the unmatched ones at the end.
            if join.kind == .left, right.estimatedRows > 4 * left.estimatedRows {
                let swapped = JoinPlan(kind: .inner, leftKeys: join.rightKeys, rightKeys: join.leftKeys,
                                       residual: join.residual)
                return HashJoinOperator(left: build(right), right: build(left), plan: swapped, rightTypes: left.outputTypes(),
                                        compiler: compiler, buildsOnLeft: true, padsBuildSide: true,
                                        probeTypes: right.outputTypes())
            }
            return HashJoinOperator(left: build(left), right: build(right), plan: join, rightTypes: right.outputTypes(),
                                    compiler: compiler)
        case let .sort(child, keys):
            return SortOperator(child: build(child), keys: keys, types: child.outputTypes())
        case let .limit(child, limit, offset):
            return LimitOperator(child: build(child), limit: limit, offset: offset)
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
        case let .window(child, calls):
            return WindowOperator(child: build(child), inputTypes: child.outputTypes(), calls: calls, compiler: compiler)
        }
    }

    private static func allColumns(_ plan: LogicalPlan) -> [BoundExpression] {
        plan.outputTypes().enumerated().map { BoundExpression.column($0.offset, $0.element, SourceRangeBox(.init(0, 0))) }
    }
}
