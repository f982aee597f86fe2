import InsqStorage

/// Pass 3: moves each condition as far toward the scans as it can go: through projections (by substituting
/// the projected expressions), sorts and DISTINCT, below an aggregation when it reads only group keys, into
/// the one input of a multi-way join that it reads, and into the sides of a binary join. A condition on the
/// NULL-padded side of a LEFT JOIN stays above it: pushing it would keep rows the condition removes.
/// `k = 5` beside a join key pair `k = j` also filters the other side by `j = 5`, so a lookup of one
/// person's payments reads a few blocks of the payments table instead of all of it.
enum PredicatePushdown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case let .filter(child, predicate):
            return push(predicate.conjuncts, into: apply(child))
        case .scan, .singleRow:
            return plan
        case let .project(child, exprs): return .project(apply(child), exprs)
        case let .aggregate(child, keys, aggregates): return .aggregate(apply(child), keys: keys, aggregates: aggregates)
        case let .join(l, r, join): return pushIntoJoin([], apply(l), apply(r), join)
        case let .multiJoin(inputs, conditions): return push(conditions, into: .multiJoin(inputs.map(apply), conditions: []))
        case let .distinct(child): return .distinct(apply(child))
        case let .sort(child, keys): return .sort(apply(child), keys)
        case let .limit(child, limit, offset): return .limit(apply(child), limit: limit, offset: offset)
        case let .setOperation(l, r, kind, isAll): return .setOperation(apply(l), apply(r), kind, isAll: isAll)
        case let .window(child, calls): return .window(apply(child), calls)
        }
    }

    /// `filter(plan, AND of conjuncts)`, with each conjunct placed as low as it can go.
    static func push(_ conjuncts: [BoundExpression], into plan: LogicalPlan) -> LogicalPlan {
        if conjuncts.isEmpty { return plan }
        switch plan {
        case let .project(child, exprs):
            // A condition over projected expressions holds below the projection with the expressions in place
            // of the columns; expressions with subqueries are not copied (they would run twice), nor those that
            // can fail (they would run on rows a condition below removes).
            var below: [BoundExpression] = [], stay: [BoundExpression] = []
            for c in conjuncts {
                let cols = c.columnSet
                if !cols.isEmpty && cols.allSatisfy({ exprs[$0].isSafeToCopy }) {
                    below.append(substitute(c, exprs))
                } else {
                    stay.append(c)
                }
            }
            return filtered(.project(push(below, into: child), exprs), stay)
        case let .sort(child, keys):
            return .sort(push(conjuncts, into: child), keys)
        case let .distinct(child):
            return .distinct(push(conjuncts, into: child))
        case let .filter(child, other):
            return push(other.conjuncts + conjuncts, into: child)
        case let .aggregate(child, keys, aggregates):
            var below: [BoundExpression] = [], stay: [BoundExpression] = []
            for c in conjuncts {
                let cols = c.columnSet
                if !cols.isEmpty && cols.allSatisfy({ $0 < keys.count && keys[$0].isSafeToCopy }) {
                    below.append(substitute(c, keys))
                } else {
                    stay.append(c)
                }
            }
            return filtered(.aggregate(push(below, into: child), keys: keys, aggregates: aggregates), stay)
        case let .join(l, r, join):
            return pushIntoJoin(conjuncts, l, r, join)
        case let .multiJoin(inputs, conditions):
            var perInput = [[BoundExpression]](repeating: [], count: inputs.count)
            var remaining = conditions, stay: [BoundExpression] = []
            let ranges = columnRanges(inputs)
            for c in conjuncts {
                let cols = c.columnSet
                if cols.isEmpty {
                    stay.append(c)
                } else if let k = ranges.firstIndex(where: { range in cols.allSatisfy(range.contains) }) {
                    perInput[k].append(c.remappingColumns([:], shift: ranges[k].lowerBound))
                } else {
                    remaining.append(c)
                }
            }
            let newInputs = inputs.indices.map { push(perInput[$0], into: inputs[$0]) }
            return filtered(.multiJoin(newInputs, conditions: remaining), stay)
        default:
            return filtered(plan, conjuncts)
        }
    }

    /// Conditions over a binary join's output placed on its sides, plus the constants its keys carry across.
    private static func pushIntoJoin(_ conjuncts: [BoundExpression], _ l: LogicalPlan, _ r: LogicalPlan,
                                     _ join: JoinPlan) -> LogicalPlan {
        let leftCount = l.outputTypes().count
        var left: [BoundExpression] = [], right: [BoundExpression] = [], stay: [BoundExpression] = []
        let rightIsFiltered = join.kind == .inner || join.kind == .cross
        for c in conjuncts {
            let cols = c.columnSet
            if !cols.isEmpty && cols.allSatisfy({ $0 < leftCount }) {
                left.append(c)
            } else if !cols.isEmpty && cols.allSatisfy({ $0 >= leftCount }) && rightIsFiltered {
                right.append(c.remappingColumns([:], shift: leftCount))
            } else {
                stay.append(c)
            }
        }
        // Every join kind keeps only right rows whose key equals a left row's key, so a constant a left key
        // is held to holds for the right key too.
        for c in left + l.pushedConstants() {
            guard case let .compare(.equal, lhs, rhs) = c.unlocated else { continue }
            let (side, constant) = rhs.isConstant ? (lhs, rhs) : (rhs, lhs)
            guard constant.isConstant, case let .column(i, type, _) = side.unlocated else { continue }
            for (lk, rk) in zip(join.leftKeys, join.rightKeys) {
                guard case let .column(a, ta, _) = lk.unlocated, a == i, ta == type,
                      case let .column(b, tb, _) = rk.unlocated, tb == type else { continue }
                let derived = BoundExpression.compare(.equal, .input(b, type), constant)
                if !right.contains(derived) { right.append(derived) }
            }
        }
        let joined = LogicalPlan.join(push(left, into: l), push(right, into: r), join)
        return filtered(joined, stay)
    }

    /// The plan under a filter of the conjuncts (the plan itself when there are none).
    static func filtered(_ plan: LogicalPlan, _ conjuncts: [BoundExpression]) -> LogicalPlan {
        guard let condition = BoundExpression.allOf(conjuncts) else { return plan }
        return .filter(plan, condition)
    }

    /// The condition with each column reference replaced by the expression that computes it.
    private static func substitute(_ e: BoundExpression, _ exprs: [BoundExpression]) -> BoundExpression {
        e.rewritten { node in
            if case let .column(i, _, _) = node { return exprs[i] }
            return nil
        }
    }

    /// The output column range of each input of a multi-way join.
    static func columnRanges(_ inputs: [LogicalPlan]) -> [Range<Int>] {
        var start = 0
        return inputs.map { input in
            let count = input.outputTypes().count
            defer { start += count }
            return start..<(start + count)
        }
    }
}

private extension BoundExpression {
    /// Neither a subquery nor anything that can fail at run time (marked `.located` by the binder).
    var isSafeToCopy: Bool {
        switch self {
        case .subquery, .located: return false
        default: return children.allSatisfy(\.isSafeToCopy)
        }
    }
}

private extension LogicalPlan {
    /// `column = constant` conditions already placed in this plan's filters over its own output columns.
    func pushedConstants() -> [BoundExpression] {
        switch self {
        case let .filter(child, predicate): return predicate.conjuncts + child.pushedConstants()
        case let .sort(child, _), let .distinct(child): return child.pushedConstants()
        default: return []
        }
    }
}
