import InsqStorage

/// Pass 1: correlated subqueries become joins, so they run once instead of once per outer value.
/// In a WHERE or HAVING conjunct, `EXISTS` becomes a semi join, `NOT EXISTS` an anti join and `x IN (...)`
/// a semi join on `x` as well; a scalar subquery over an aggregation, anywhere in a filter or a select
/// list, becomes a LEFT JOIN to the aggregation grouped by its correlation keys (COUNT's 0 for a key with
/// no rows is put back). Nested subqueries are unnested first, inside out. What cannot be lifted
/// (`CorrelationPullUp` says which) and `NOT IN` (whose NULL rules a plain anti join does not keep) stay
/// subqueries, run once per distinct outer value.
enum SubqueryUnnesting {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        let rebuilt = plan.withInputs(plan.inputs.map(apply))
        switch rebuilt {
        case let .filter(input, predicate): return unnestFilter(input, predicate)
        case let .project(input, exprs): return unnestProject(input, exprs)
        default: return rebuilt
        }
    }

    private static func unnestFilter(_ input: LogicalPlan, _ predicate: BoundExpression) -> LogicalPlan {
        guard predicate.hasCorrelatedSubquery else { return .filter(input, predicate) }
        let width = input.outputTypes().count
        var plan = input
        var kept: [BoundExpression] = []
        for c in predicate.conjuncts {
            if let (subquery, negated) = c.existsOrIn, let joined = semiJoin(plan, subquery, negated: negated) {
                plan = joined
                continue
            }
            kept.append(replacingScalars(c, in: &plan))
        }
        let filtered = PredicatePushdown.filtered(plan, kept)
        let types = filtered.outputTypes()
        if types.count == width { return filtered }
        return .project(filtered, (0..<width).map { .input($0, types[$0]) })
    }

    private static func unnestProject(_ input: LogicalPlan, _ exprs: [BoundExpression]) -> LogicalPlan {
        guard exprs.contains(where: \.hasCorrelatedSubquery) else { return .project(input, exprs) }
        var plan = input
        let rewritten = exprs.map { replacingScalars($0, in: &plan) }
        return .project(plan, rewritten)
    }

    /// `EXISTS`, `NOT EXISTS` or `x IN` as a semi or anti join of `plan` with the lifted subquery, or nil.
    private static func semiJoin(_ plan: LogicalPlan, _ subquery: SubqueryPlan, negated: Bool) -> LogicalPlan? {
        let isIn: Bool
        switch subquery.kind {
        case .exists: isIn = false
        case .inValues(negated: false): isIn = true
        default: return nil
        }
        let inner = apply(subquery.plan.plan)
        guard let (lifted, conditions) = CorrelationPullUp(use: isIn ? .values : .exists).lift(inner) else { return nil }
        let width = plan.outputTypes().count
        var terms = conditions.map { joined($0, subquery, leftWidth: width) }
        if isIn, let operand = subquery.operand {
            terms.append(.compare(.equal, operand, .input(width, lifted.outputTypes()[0])))
        }
        return .join(plan, lifted, JoinPlan(kind: negated ? .anti : .semi, leftKeys: [], rightKeys: [],
                                            residual: BoundExpression.allOf(terms)))
    }

    /// The expression with each correlated scalar subquery over an aggregation replaced by a column of a
    /// LEFT JOIN added to `plan`; the others stay.
    private static func replacingScalars(_ e: BoundExpression, in plan: inout LogicalPlan) -> BoundExpression {
        e.rewritten { node in
            guard case let .subquery(subquery) = node, subquery.kind == .scalar, !subquery.outerArguments.isEmpty,
                  let (joinedPlan, value) = scalarJoin(plan, subquery) else { return nil }
            plan = joinedPlan
            return value
        }
    }

    private static func scalarJoin(_ plan: LogicalPlan, _ subquery: SubqueryPlan) -> (LogicalPlan, BoundExpression)? {
        let inner = apply(subquery.plan.plan)
        guard let emptyValue = inner.scalarAggregateEmptyValue,
              let (lifted, conditions) = CorrelationPullUp(use: .scalar).lift(inner) else { return nil }
        let width = plan.outputTypes().count
        let type = lifted.outputTypes()[0]
        guard type == subquery.type else { return nil }
        let terms = conditions.map { joined($0, subquery, leftWidth: width) }
        let result = LogicalPlan.join(plan, lifted, JoinPlan(kind: .left, leftKeys: [], rightKeys: [],
                                                             residual: BoundExpression.allOf(terms)))
        let column = BoundExpression.input(width, type)
        guard let emptyValue else { return (result, column) }
        return (result, .function(.coalesce, [column, emptyValue], type))
    }

    /// A lifted condition over the join of the outer plan (`leftWidth` columns) and the lifted subquery:
    /// the subquery's columns move right, and its outer references become the outer plan's expressions.
    private static func joined(_ condition: BoundExpression, _ subquery: SubqueryPlan, leftWidth: Int) -> BoundExpression {
        condition.remappingColumns([:], shift: -leftWidth).rewritten { node in
            if case let .outerColumn(_, index, _) = node { return subquery.outerArguments[index] }
            return nil
        }
    }
}

private extension BoundExpression {
    /// A correlated subquery somewhere in the expression.
    var hasCorrelatedSubquery: Bool {
        if case let .subquery(s) = self, !s.outerArguments.isEmpty { return true }
        return children.contains { $0.hasCorrelatedSubquery }
    }

    /// A correlated `EXISTS`/`NOT EXISTS`/`IN` conjunct, with whether it is negated.
    var existsOrIn: (SubqueryPlan, negated: Bool)? {
        switch unlocated {
        case let .subquery(s) where !s.outerArguments.isEmpty:
            if case let .exists(negated) = s.kind { return (s, negated) }
            return (s, false)
        case let .not(inner):
            guard case let .subquery(s) = inner.unlocated, !s.outerArguments.isEmpty,
                  case .exists(negated: false) = s.kind else { return nil }
            return (s, true)
        default:
            return nil
        }
    }
}

private extension LogicalPlan {
    /// For a plan whose answer is one aggregation row (projections and filters over an aggregation without
    /// GROUP BY): nil inside when the answer over no rows is NULL, `.some(0)` when it is a COUNT; nil
    /// outside for other plans, or when COUNT reaches the answer in another way.
    var scalarAggregateEmptyValue: BoundExpression?? {
        var expression = BoundExpression.input(0, outputTypes().first ?? .bigint)
        var node = self
        var sawFilter = false
        while true {
            switch node {
            case let .project(child, exprs):
                expression = expression.rewritten { if case let .column(i, _, _) = $0 { return exprs[i] }; return nil }
                node = child
            case let .filter(child, _):
                sawFilter = true
                node = child
            case let .aggregate(_, keys, aggregates) where keys.isEmpty:
                let counts = Set(aggregates.indices.filter { [.count, .countStar].contains(aggregates[$0].function) })
                let read = expression.columnSet
                if read.isDisjoint(with: counts) { return .some(nil) }
                if !sawFilter, case let .column(i, _, _) = expression.unlocated, counts.contains(i) {
                    return .some(.constant(.bigint(0), .bigint))
                }
                return nil
            default:
                return nil
            }
        }
    }
}
