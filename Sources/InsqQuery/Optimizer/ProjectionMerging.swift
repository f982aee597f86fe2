/// Pass 6: folds a projection into the projection below it and drops projections that pass every column
/// through unchanged. Binding, unnesting and pruning each add projections of their own; merged, each
/// operator's output is computed once and EXPLAIN shows one PROJECT where the query has one.
enum ProjectionMerging {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        let rebuilt = plan.withInputs(plan.inputs.map(apply))
        guard case let .project(child, exprs) = rebuilt else { return rebuilt }
        if case let .project(grandchild, inner) = child, canMerge(exprs, over: inner) {
            return apply(.project(grandchild, exprs.map { substitute($0, inner) }))
        }
        let isIdentity = exprs.count == child.outputTypes().count && exprs.enumerated().allSatisfy { i, e in
            if case let .column(c, _, _) = e { return c == i }
            return false
        }
        return isIdentity ? child : rebuilt
    }

    /// Merging must not copy work: an inner expression that computes something is read at most once, and
    /// never one with a subquery or one that can fail (it could then fail where the query does not read it).
    private static func canMerge(_ outer: [BoundExpression], over inner: [BoundExpression]) -> Bool {
        var uses = [Int](repeating: 0, count: inner.count)
        for e in outer { countUses(e, into: &uses) }
        return inner.indices.allSatisfy { i in
            if case .column = inner[i] { return true }
            if uses[i] == 0 { return !inner[i].containsSubquery && !inner[i].canFail }
            return uses[i] == 1 && !inner[i].containsSubquery
        }
    }

    private static func countUses(_ e: BoundExpression, into uses: inout [Int]) {
        if case let .column(i, _, _) = e { uses[i] += 1 }
        for c in e.children { countUses(c, into: &uses) }
    }

    private static func substitute(_ e: BoundExpression, _ inner: [BoundExpression]) -> BoundExpression {
        e.rewritten { node in
            if case let .column(i, _, _) = node { return inner[i] }
            return nil
        }
    }
}

private extension BoundExpression {
    /// Marked by the binder as able to fail at run time (overflow, a bad cast).
    var canFail: Bool {
        if case .located = self { return true }
        return children.contains { $0.canFail }
    }
}
