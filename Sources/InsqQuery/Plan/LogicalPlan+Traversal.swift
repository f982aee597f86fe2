import InsqStorage

/// Generic access to a plan node's inputs and expressions, for passes that treat most nodes alike.
extension LogicalPlan {
    /// The expressions this node evaluates (not those of its inputs).
    var nodeExpressions: [BoundExpression] {
        switch self {
        case .scan, .singleRow, .distinct, .sort, .limit, .setOperation: return []
        case let .filter(_, predicate): return [predicate]
        case let .project(_, exprs): return exprs
        case let .aggregate(_, keys, aggregates): return keys + aggregates.compactMap(\.argument)
        case let .join(_, _, join): return join.leftKeys + join.rightKeys + (join.residual.map { [$0] } ?? [])
        case let .multiJoin(_, conditions): return conditions
        case let .window(_, calls): return calls.flatMap(\.expressions)
        }
    }

    /// The node's inputs.
    var inputs: [LogicalPlan] {
        switch self {
        case .scan, .singleRow: return []
        case let .filter(c, _), let .project(c, _), let .aggregate(c, _, _), let .distinct(c), let .sort(c, _),
             let .limit(c, _, _), let .window(c, _): return [c]
        case let .join(l, r, _), let .setOperation(l, r, _, _): return [l, r]
        case let .multiJoin(inputs, _): return inputs
        }
    }

    /// The same node over other inputs (as many as `inputs` has).
    func withInputs(_ new: [LogicalPlan]) -> LogicalPlan {
        switch self {
        case .scan, .singleRow: return self
        case let .filter(_, predicate): return .filter(new[0], predicate)
        case let .project(_, exprs): return .project(new[0], exprs)
        case let .aggregate(_, keys, aggregates): return .aggregate(new[0], keys: keys, aggregates: aggregates)
        case .distinct: return .distinct(new[0])
        case let .sort(_, keys): return .sort(new[0], keys)
        case let .limit(_, limit, offset): return .limit(new[0], limit: limit, offset: offset)
        case let .window(_, calls): return .window(new[0], calls)
        case let .join(_, _, join): return .join(new[0], new[1], join)
        case let .setOperation(_, _, kind, isAll): return .setOperation(new[0], new[1], kind, isAll: isAll)
        case let .multiJoin(_, conditions): return .multiJoin(new, conditions: conditions)
        }
    }

    /// Whether any expression in the plan reads a value of an enclosing query.
    var readsOuterColumns: Bool {
        nodeExpressions.contains(where: \.readsOuterColumns) || inputs.contains(where: \.readsOuterColumns)
    }
}
