import InsqStorage

/// Lifts the conditions that read an enclosing query's values (`.outerColumn`) out of a correlated
/// subquery's plan, so the plan can run once for all outer rows and be joined to them on those conditions
/// (Neumann and Kemper, "Unnesting Arbitrary Queries", the simple case of their dependent-join push-down:
/// correlations that are conditions, lifted through the operators above them). An aggregation below a
/// lifted equality groups by its inner side as well, so the subquery yields one row per correlation value.
/// Returns nil where lifting would change the answer; the subquery then runs per distinct outer value.
struct CorrelationPullUp {
    /// What the subquery's answer is used for: EXISTS ignores projections, sorts and LIMITs of at least
    /// one row; a scalar subquery may be an aggregation without GROUP BY (the caller fixes COUNT's 0).
    enum Use { case exists, values, scalar }
    let use: Use

    /// The plan without outer references (its first columns are the original plan's, then the columns the
    /// lifted conditions read) and the lifted conditions over that output, still with outer references.
    func lift(_ plan: LogicalPlan) -> (plan: LogicalPlan, conditions: [BoundExpression])? {
        if !plan.readsOuterColumns { return (plan, []) }
        switch plan {
        case .scan, .singleRow, .multiJoin, .setOperation, .window:
            return nil
        case let .filter(child, predicate):
            guard let (lifted, conditions) = lift(child) else { return nil }
            var stay: [BoundExpression] = [], moved = conditions
            for c in predicate.conjuncts {
                if !c.readsOuterColumns { stay.append(c); continue }
                if c.containsSubquery { return nil }
                moved.append(c)
            }
            return (PredicatePushdown.filtered(lifted, stay), moved)
        case let .project(child, exprs):
            if exprs.contains(where: \.readsOuterColumns) {
                // EXISTS does not read what the subquery selects.
                guard use == .exists else { return nil }
                return lift(child)
            }
            guard let (lifted, conditions) = lift(child) else { return nil }
            let types = lifted.outputTypes()
            var needed = Set<Int>()
            for c in conditions { needed.formUnion(c.columnSet) }
            let extra = needed.sorted()
            var mapping: [Int: Int] = [:]
            for (k, column) in extra.enumerated() { mapping[column] = exprs.count + k }
            let projected = LogicalPlan.project(lifted, exprs + extra.map { .input($0, types[$0]) })
            return (projected, conditions.map { $0.remappingColumns(mapping) })
        case let .aggregate(child, keys, aggregates):
            if keys.contains(where: \.readsOuterColumns) || aggregates.contains(where: { $0.argument?.readsOuterColumns ?? false }) {
                return nil
            }
            // Without GROUP BY an aggregation yields a row even for no input: only a scalar use can tell.
            if keys.isEmpty && use != .scalar { return nil }
            guard let (lifted, conditions) = lift(child) else { return nil }
            var innerKeys: [BoundExpression] = [], outerSides: [BoundExpression] = []
            for c in conditions {
                guard let (inner, outer) = c.correlationEquality else { return nil }
                innerKeys.append(inner)
                outerSides.append(outer)
            }
            let grouped = LogicalPlan.aggregate(lifted, keys: keys + innerKeys, aggregates: aggregates)
            // Keys, aggregates, then the correlation keys: the columns above still read the first two in place.
            let types = grouped.outputTypes()
            let k = keys.count, a = aggregates.count, c = innerKeys.count
            let order = Array(0..<k) + Array((k + c)..<(k + c + a)) + Array(k..<(k + c))
            let restored = LogicalPlan.project(grouped, order.map { .input($0, types[$0]) })
            let lifted2 = outerSides.enumerated().map { j, outer in
                BoundExpression.compare(.equal, .input(k + a + j, innerKeys[j].type), outer)
            }
            return (restored, lifted2)
        case let .distinct(child):
            guard let (lifted, conditions) = lift(child), conditions.allSatisfy({ $0.correlationEquality != nil }) else {
                return nil
            }
            return (.distinct(lifted), conditions)
        case let .sort(child, keys):
            guard let (lifted, conditions) = lift(child) else { return nil }
            return (.sort(lifted, keys), conditions)
        case let .limit(child, limit, offset):
            guard use == .exists, offset == 0, (limit ?? 1) >= 1 else { return nil }
            return lift(child)
        case let .join(l, r, join):
            return liftJoin(l, r, join)
        }
    }

    /// Inner and cross joins lift from both sides and their own condition; other kinds only from the left.
    private func liftJoin(_ l: LogicalPlan, _ r: LogicalPlan, _ join: JoinPlan) -> (plan: LogicalPlan, conditions: [BoundExpression])? {
        let isInner = join.kind == .inner || join.kind == .cross
        if !isInner && (r.readsOuterColumns || (join.residual?.readsOuterColumns ?? false)) { return nil }
        if (join.leftKeys + join.rightKeys).contains(where: \.readsOuterColumns) { return nil }
        guard let (left, leftConditions) = lift(l), let (right, rightConditions) = lift(r) else { return nil }
        let lc = l.outputTypes().count, rc = r.outputTypes().count
        let le = left.outputTypes().count - lc, re = right.outputTypes().count - rc
        var residualTerms: [BoundExpression] = [], moved: [BoundExpression] = []
        for c in join.residual?.conjuncts ?? [] {
            if c.readsOuterColumns { moved.append(c) } else { residualTerms.append(c) }
        }
        // In the new join's output the left extras sit between the left and right columns.
        var shiftRight: [Int: Int] = [:]
        for i in 0..<(rc + re) { shiftRight[lc + i] = lc + le + i }
        let newJoin = JoinPlan(kind: join.kind, leftKeys: join.leftKeys, rightKeys: join.rightKeys,
                               residual: BoundExpression.allOf(residualTerms.map { $0.remappingColumns(shiftRight) }))
        let joined = LogicalPlan.join(left, right, newJoin)
        guard join.kind.keepsRightColumns else { return (joined, leftConditions) }
        // Back to the join's own column order, the extras after it.
        let types = joined.outputTypes()
        let order = Array(0..<lc) + Array((lc + le)..<(lc + le + rc)) + Array(lc..<(lc + le)) + Array((lc + le + rc)..<(lc + le + rc + re))
        var position: [Int: Int] = [:]
        for (k, column) in order.enumerated() { position[column] = k }
        let restored = LogicalPlan.project(joined, order.map { .input($0, types[$0]) })
        let fromLeft = leftConditions.map { $0.remappingColumns(position) }
        var rightMapping: [Int: Int] = [:]
        for i in 0..<(rc + re) { rightMapping[i] = position[lc + le + i]! }
        let fromRight = rightConditions.map { $0.remappingColumns(rightMapping) }
        // The join's own columns keep their places, so conditions lifted from its residual read them as before.
        return (restored, fromLeft + fromRight + moved)
    }
}

extension BoundExpression {
    /// Whether the expression reads a value of an enclosing query.
    var readsOuterColumns: Bool {
        if case .outerColumn = self { return true }
        return children.contains { $0.readsOuterColumns }
    }

    /// `inner = outer` where `outer` reads only enclosing values and `inner` only this plan's columns.
    var correlationEquality: (inner: BoundExpression, outer: BoundExpression)? {
        guard case let .compare(.equal, a, b) = unlocated else { return nil }
        if !a.readsOuterColumns && b.columnSet.isEmpty && b.readsOuterColumns && !a.columnSet.isEmpty { return (a, b) }
        if !b.readsOuterColumns && a.columnSet.isEmpty && a.readsOuterColumns && !b.columnSet.isEmpty { return (b, a) }
        return nil
    }
}
