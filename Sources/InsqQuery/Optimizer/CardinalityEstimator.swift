import InsqStorage

/// Estimates how many rows a plan yields and how many distinct values its columns hold, for join ordering,
/// build-side choice and EXPLAIN. Deterministic: the same plan over the same tables gets the same numbers.
struct CardinalityEstimator {
    /// Rows the plan is expected to yield (at least 1).
    func rows(_ plan: LogicalPlan) -> Double {
        switch plan {
        case let .scan(table, _): return max(1, Double(table.rowCount))
        case .singleRow: return 1
        case let .filter(child, predicate): return max(1, rows(child) * selectivity(predicate, over: child))
        case let .project(child, _), let .sort(child, _), let .window(child, _): return rows(child)
        case let .aggregate(child, keys, _):
            if keys.isEmpty { return 1 }
            let input = rows(child)
            var groups = 1.0
            for k in keys { groups *= distinct(k, over: child) }
            return max(1, min(input, groups))
        case let .distinct(child):
            let input = rows(child)
            var groups = 1.0
            for c in 0..<child.outputTypes().count { groups *= distinct(.input(c, .bigint), over: child) }
            return max(1, min(input, groups))
        case let .limit(child, limit, _): return min(rows(child), Double(limit ?? Int.max))
        case let .setOperation(l, r, _, _): return rows(l) + rows(r)
        case let .join(l, r, join):
            let left = rows(l), right = rows(r)
            switch join.kind {
            case .semi: return max(1, left * 0.5)
            case .anti: return max(1, left * 0.5)
            case .cross: return left * right
            case .inner, .left:
                var result = left * right
                for (lk, rk) in zip(join.leftKeys, join.rightKeys) {
                    result /= max(1, max(distinct(lk, over: l), distinct(rk, over: r)))
                }
                if join.residual != nil { result *= 0.5 }
                return max(join.kind == .left ? left : 1, result)
            }
        case let .multiJoin(inputs, conditions):
            var result = inputs.reduce(1.0) { $0 * rows($1) }
            for _ in conditions { result *= 0.1 }
            return max(1, result)
        }
    }

    /// Distinct values of `expression` over the plan's output (at least 1, at most the plan's rows).
    func distinct(_ expression: BoundExpression, over plan: LogicalPlan) -> Double {
        let total = rows(plan)
        guard case let .column(c, _, _) = expression.unlocated else { return max(1, total * 0.5) }
        switch plan {
        case let .scan(table, columns):
            let column = table.columns[columns[c]]
            if case let .text(_, dictionary) = column.data { return max(1, min(total, Double(dictionary.count))) }
            if let zones = column.zoneMap {
                let (low, high) = zones.range(0..<column.count)
                if low <= high { return max(1, min(total, Double(high) - Double(low) + 1)) }
            }
            return max(1, total)
        case let .filter(child, _), let .sort(child, _), let .limit(child, _, _):
            return max(1, min(total, distinct(expression, over: child)))
        default:
            return max(1, total)
        }
    }

    /// The share of the plan's rows expected to satisfy `predicate` (between 0 and 1).
    func selectivity(_ predicate: BoundExpression, over plan: LogicalPlan) -> Double {
        switch predicate.unlocated {
        case let .and(a, b): return selectivity(a, over: plan) * selectivity(b, over: plan)
        case let .or(a, b):
            let x = selectivity(a, over: plan), y = selectivity(b, over: plan)
            return min(1, x + y - x * y)
        case let .not(a): return 1 - selectivity(a, over: plan)
        case let .compare(.equal, a, b):
            if b.isConstant { return 1 / distinct(a, over: plan) }
            if a.isConstant { return 1 / distinct(b, over: plan) }
            return 1 / max(distinct(a, over: plan), distinct(b, over: plan))
        case .compare(.notEqual, _, _): return 0.9
        case .compare: return 0.33
        case .isNull(_, let negated): return negated ? 0.9 : 0.1
        case .like: return 0.1
        default: return 0.33
        }
    }
}
