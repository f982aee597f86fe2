import InsqStorage

/// A sort key over an operator's output columns.
struct SortKey: Hashable {
    var column: Int
    var isDescending: Bool
    var nullsFirst: Bool
}

/// An equi-join key pair plus any other condition, for hash joins.
struct JoinPlan {
    var kind: JoinKindPlan
    var leftKeys: [BoundExpression]
    var rightKeys: [BoundExpression]
    /// A condition over the joined row (left columns, then right columns) checked for each candidate pair.
    var residual: BoundExpression?
}

/// The set operations, as planned.
enum SetOperationKind: Hashable {
    case union, except, intersect
}

/// How a join combines its inputs.
enum JoinKindPlan: Hashable {
    case inner, left, cross
    /// The left rows with at least one matching right row (EXISTS, IN); only the left columns come out.
    case semi
    /// The left rows without a matching right row (NOT EXISTS); only the left columns come out.
    case anti

    /// Whether the output holds the right input's columns too.
    var keepsRightColumns: Bool { self != .semi && self != .anti }
}

/// What a query computes, as a tree of relational operators; the physical planner turns it into operators.
indirect enum LogicalPlan {
    /// Selected columns of a stored table.
    case scan(Table, columns: [Int])
    /// One row with no columns (SELECT without FROM).
    case singleRow
    case filter(LogicalPlan, BoundExpression)
    case project(LogicalPlan, [BoundExpression])
    /// Output: the keys, then the aggregates.
    case aggregate(LogicalPlan, keys: [BoundExpression], aggregates: [AggregateCall])
    /// Output: the left columns, then the right columns.
    case join(LogicalPlan, LogicalPlan, JoinPlan)
    case distinct(LogicalPlan)
    case sort(LogicalPlan, [SortKey])
    case limit(LogicalPlan, limit: Int?, offset: Int)
    /// UNION/EXCEPT/INTERSECT of two inputs with the same column types.
    case setOperation(LogicalPlan, LogicalPlan, SetOperationKind, isAll: Bool)
    /// Output: the input columns, then one column per window function.
    case window(LogicalPlan, [WindowCall])
    /// Inner joins of several inputs whose order is not chosen yet (between join-graph extraction and join
    /// ordering). Output: every input's columns, in input order; the conditions read that output.
    case multiJoin([LogicalPlan], conditions: [BoundExpression])

    /// Output types of the plan, by column.
    func outputTypes() -> [DataType] {
        switch self {
        case let .scan(t, columns): return columns.map { t.schema[$0].type }
        case .singleRow: return []
        case let .filter(p, _), let .distinct(p), let .sort(p, _), let .limit(p, _, _): return p.outputTypes()
        case let .project(_, exprs): return exprs.map(\.type)
        case let .aggregate(_, keys, aggs): return keys.map(\.type) + aggs.map(\.type)
        case let .join(l, r, join): return join.kind.keepsRightColumns ? l.outputTypes() + r.outputTypes() : l.outputTypes()
        case let .multiJoin(inputs, _): return inputs.flatMap { $0.outputTypes() }
        case let .setOperation(l, _, _, _): return l.outputTypes()
        case let .window(p, calls): return p.outputTypes() + calls.map(\.type)
        }
    }
}


extension LogicalPlan {
    /// A rough row count for choosing a join's build side: table sizes, with filters assumed to keep
    /// a fifth of their input and aggregations a tenth.
    var estimatedRows: Double {
        switch self {
        case let .scan(table, _): return Double(table.rowCount)
        case .singleRow: return 1
        case let .filter(p, _): return p.estimatedRows * 0.2
        case let .project(p, _), let .sort(p, _), let .window(p, _): return p.estimatedRows
        case let .aggregate(p, keys, _): return keys.isEmpty ? 1 : p.estimatedRows * 0.1
        case let .distinct(p): return p.estimatedRows * 0.5
        case let .limit(p, limit, _): return min(p.estimatedRows, Double(limit ?? Int.max))
        case let .join(l, r, join):
            return join.kind.keepsRightColumns ? max(l.estimatedRows, r.estimatedRows) : l.estimatedRows * 0.5
        case let .multiJoin(inputs, _): return inputs.map(\.estimatedRows).max() ?? 1
        case let .setOperation(l, r, _, _): return l.estimatedRows + r.estimatedRows
        }
    }
}
