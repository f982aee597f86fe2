import InsqStorage

/// Pass 4: turns each multi-way join into a tree of binary hash joins in the order with the smallest
/// estimated intermediate results. Up to `exhaustiveLimit` inputs every connected split is tried (dynamic
/// programming over subsets, as in DPsub); beyond that a greedy order joins the pair with the smallest
/// result first. A cross product appears only between parts of the query that no condition connects.
/// Each join builds its hash table on its smaller estimated input, which is the right one.
enum JoinOrdering {
    static let exhaustiveLimit = 10

    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .scan, .singleRow: return plan
        case let .filter(child, predicate): return .filter(apply(child), predicate)
        case let .project(child, exprs): return .project(apply(child), exprs)
        case let .aggregate(child, keys, aggregates): return .aggregate(apply(child), keys: keys, aggregates: aggregates)
        case let .join(l, r, join): return .join(apply(l), apply(r), join)
        case let .multiJoin(inputs, conditions): return order(inputs.map(apply), conditions)
        case let .distinct(child): return .distinct(apply(child))
        case let .sort(child, keys): return .sort(apply(child), keys)
        case let .limit(child, limit, offset): return .limit(apply(child), limit: limit, offset: offset)
        case let .setOperation(l, r, kind, isAll): return .setOperation(apply(l), apply(r), kind, isAll: isAll)
        case let .window(child, calls): return .window(apply(child), calls)
        }
    }

    /// The inputs joined on the conditions, with the output columns in input order.
    static func order(_ inputs: [LogicalPlan], _ conditions: [BoundExpression]) -> LogicalPlan {
        var graph = JoinGraph(inputs: inputs, conditions: conditions)
        let types = inputs.flatMap { $0.outputTypes() }
        if graph.inputs.count == 1 {
            return PredicatePushdown.filtered(graph.inputs[0], graph.constantConditions)
        }
        let root = inputs.count <= exhaustiveLimit ? graph.bestTreeExhaustive() : graph.bestTreeGreedy()
        let built = graph.build(root)
        // Back to the multi-way join's column order: the passes above read columns by position.
        var position: [Int: Int] = [:]
        for (k, column) in built.columns.enumerated() { position[column] = k }
        let identity = built.columns == Array(0..<types.count)
        let restored = identity ? built.plan
            : LogicalPlan.project(built.plan, types.indices.map { BoundExpression.input(position[$0]!, types[$0]) })
        return PredicatePushdown.filtered(restored, graph.constantConditions)
    }
}
