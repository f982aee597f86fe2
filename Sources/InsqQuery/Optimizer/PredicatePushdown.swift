/// Moves filters toward the scans, across projections that pass columns through and into the inputs of
/// joins, so that joins and aggregations see fewer rows. A condition on the NULL-padded side of a LEFT
/// JOIN stays above it: pushing it would keep rows the condition removes.
enum PredicatePushdown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case let .filter(child, predicate):
            return push(predicate, into: apply(child))
        case .scan, .singleRow:
            return plan
        case let .project(child, exprs): return .project(apply(child), exprs)
        case let .aggregate(child, keys, aggregates): return .aggregate(apply(child), keys: keys, aggregates: aggregates)
        case let .join(l, r, join): return .join(apply(l), apply(r), join)
        case let .distinct(child): return .distinct(apply(child))
        case let .sort(child, keys): return .sort(apply(child), keys)
        case let .limit(child, limit, offset): return .limit(apply(child), limit: limit, offset: offset)
        case let .setOperation(l, r, kind, isAll): return .setOperation(apply(l), apply(r), kind, isAll: isAll)
        case let .window(child, calls): return .window(apply(child), calls)
        }
    }

    /// The plan `filter(plan, predicate)`, with each conjunct placed as low as it can go.
    private static func push(_ predicate: BoundExpression, into plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case let .project(child, exprs):
            // Through a projection when every column the condition reads is a plain column below it.
            var below: [Int: Int] = [:]
            for c in columns(predicate) {
                guard case let .column(j, _, _) = exprs[c].unlocated else { return .filter(plan, predicate) }
                below[c] = j
            }
            return .project(push(remap(predicate, below), into: child), exprs)
        case let .sort(child, keys):
            return .sort(push(predicate, into: child), keys)
        case let .distinct(child):
            return .distinct(push(predicate, into: child))
        case let .join(l, r, join):
            let leftCount = l.outputTypes().count
            var left: [BoundExpression] = [], right: [BoundExpression] = [], stay: [BoundExpression] = []
            for c in FromBinder.conjuncts(predicate) {
                let cols = columns(c)
                if !cols.isEmpty && cols.allSatisfy({ $0 < leftCount }) {
                    left.append(c)
                } else if !cols.isEmpty && cols.allSatisfy({ $0 >= leftCount }) && join.kind != .left {
                    right.append(remap(c, Dictionary(uniqueKeysWithValues: cols.map { ($0, $0 - leftCount) })))
                } else {
                    stay.append(c)
                }
            }
            let newLeft = left.isEmpty ? l : push(TypeRules.balanced(left, BoundExpression.and), into: l)
            let newRight = right.isEmpty ? r : push(TypeRules.balanced(right, BoundExpression.and), into: r)
            let joined = LogicalPlan.join(newLeft, newRight, join)
            return stay.isEmpty ? joined : .filter(joined, TypeRules.balanced(stay, BoundExpression.and))
        case let .filter(child, other):
            return push(.and(other, predicate), into: child)
        default:
            return .filter(plan, predicate)
        }
    }

    private static func columns(_ e: BoundExpression) -> Set<Int> {
        var s = Set<Int>()
        e.collectColumns(into: &s)
        return s
    }

    private static func remap(_ e: BoundExpression, _ mapping: [Int: Int]) -> BoundExpression {
        e.remappingColumns(mapping)
    }
}
