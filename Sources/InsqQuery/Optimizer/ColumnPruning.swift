/// Removes columns nobody reads: scans read fewer columns, and filters drop the columns only they needed
/// before a join or aggregation carries them further. Works on any plan, so pipe queries (whose steps
/// wrap whole relations) are pruned as well as SELECT blocks.
enum ColumnPruning {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        let all = Set(0..<plan.outputTypes().count)
        return prune(plan, all).plan
    }

    /// The plan producing at least `required` of its outputs, and where each surviving old column now is.
    private static func prune(_ plan: LogicalPlan, _ required: Set<Int>) -> (plan: LogicalPlan, mapping: [Int: Int]) {
        switch plan {
        case let .scan(table, columns):
            let kept = columns.indices.filter { required.contains($0) }
            return (.scan(table, columns: kept.map { columns[$0] }), positions(kept))
        case .singleRow:
            return (plan, [:])
        case let .filter(child, predicate):
            let needed = required.union(columns(predicate))
            let (newChild, mapping) = prune(child, needed)
            var result = LogicalPlan.filter(newChild, remap(predicate, mapping))
            // Drop what only the filter read, so joins and aggregations above do not carry it.
            let extra = needed.subtracting(required)
            if !extra.isEmpty {
                let kept = required.sorted()
                let types = child.outputTypes()
                result = .project(result, kept.map { .column(mapping[$0] ?? $0, types[$0], SourceRangeBox(.init(0, 0))) })
                return (result, positions(kept))
            }
            return (result, mapping)
        case let .project(child, expressions):
            let kept = expressions.indices.filter { required.contains($0) }
            var needed = Set<Int>()
            for i in kept { needed.formUnion(columns(expressions[i])) }
            let (newChild, mapping) = prune(child, needed)
            return (.project(newChild, kept.map { remap(expressions[$0], mapping) }), positions(kept))
        case let .aggregate(child, keys, aggregates):
            var needed = Set<Int>()
            for k in keys { needed.formUnion(columns(k)) }
            for a in aggregates { if let e = a.argument { needed.formUnion(columns(e)) } }
            let (newChild, mapping) = prune(child, needed)
            let newAggregates = aggregates.map { a -> AggregateCall in
                var a = a
                a.argument = a.argument.map { remap($0, mapping) }
                return a
            }
            return (.aggregate(newChild, keys: keys.map { remap($0, mapping) }, aggregates: newAggregates),
                    identity(keys.count + aggregates.count))
        case let .join(left, right, join):
            let leftCount = left.outputTypes().count
            var leftNeeded = Set(required.filter { $0 < leftCount })
            if !join.kind.keepsRightColumns {
                // Semi and anti joins yield the left columns only; the right side is read for its keys alone.
                var rightNeeded = Set<Int>()
                for k in join.leftKeys { leftNeeded.formUnion(columns(k)) }
                for k in join.rightKeys { rightNeeded.formUnion(columns(k)) }
                if let r = join.residual {
                    for c in columns(r) { if c < leftCount { leftNeeded.insert(c) } else { rightNeeded.insert(c - leftCount) } }
                }
                let (newLeft, leftMapping) = prune(left, leftNeeded)
                let (newRight, rightMapping) = prune(right, rightNeeded)
                var combined = leftMapping
                let newLeftCount = newLeft.outputTypes().count
                for (old, new) in rightMapping { combined[old + leftCount] = new + newLeftCount }
                let newJoin = JoinPlan(kind: join.kind, leftKeys: join.leftKeys.map { remap($0, leftMapping) },
                                       rightKeys: join.rightKeys.map { remap($0, rightMapping) },
                                       residual: join.residual.map { remap($0, combined) })
                return (.join(newLeft, newRight, newJoin), leftMapping)
            }
            var rightNeeded = Set(required.filter { $0 >= leftCount }.map { $0 - leftCount })
            for k in join.leftKeys { leftNeeded.formUnion(columns(k)) }
            for k in join.rightKeys { rightNeeded.formUnion(columns(k)) }
            if let r = join.residual {
                for c in columns(r) { if c < leftCount { leftNeeded.insert(c) } else { rightNeeded.insert(c - leftCount) } }
            }
            let (newLeft, leftMapping) = prune(left, leftNeeded)
            let (newRight, rightMapping) = prune(right, rightNeeded)
            let newLeftCount = newLeft.outputTypes().count
            var combined: [Int: Int] = leftMapping
            for (old, new) in rightMapping { combined[old + leftCount] = new + newLeftCount }
            let newJoin = JoinPlan(kind: join.kind, leftKeys: join.leftKeys.map { remap($0, leftMapping) },
                                   rightKeys: join.rightKeys.map { remap($0, rightMapping) },
                                   residual: join.residual.map { remap($0, combined) })
            return (.join(newLeft, newRight, newJoin), combined)
        case let .distinct(child):
            let count = child.outputTypes().count
            let (newChild, _) = prune(child, Set(0..<count))
            return (.distinct(newChild), identity(count))
        case let .sort(child, keys):
            let needed = required.union(keys.map(\.column))
            let (newChild, mapping) = prune(child, needed)
            let newKeys = keys.map { SortKey(column: mapping[$0.column] ?? $0.column, isDescending: $0.isDescending, nullsFirst: $0.nullsFirst) }
            return (.sort(newChild, newKeys), mapping)
        case let .limit(child, limit, offset):
            let (newChild, mapping) = prune(child, required)
            return (.limit(newChild, limit: limit, offset: offset), mapping)
        case let .setOperation(left, right, kind, isAll):
            let count = left.outputTypes().count
            let all = Set(0..<count)
            return (.setOperation(prune(left, all).plan, prune(right, all).plan, kind, isAll: isAll), identity(count))
        case let .multiJoin(inputs, conditions):
            var needed = required
            for c in conditions { needed.formUnion(columns(c)) }
            var newInputs: [LogicalPlan] = [], combined: [Int: Int] = [:]
            var start = 0, newStart = 0
            for input in inputs {
                let count = input.outputTypes().count
                let local = Set(needed.filter { $0 >= start && $0 < start + count }.map { $0 - start })
                let (pruned, mapping) = prune(input, local)
                for (old, new) in mapping { combined[old + start] = new + newStart }
                newInputs.append(pruned)
                start += count
                newStart += pruned.outputTypes().count
            }
            return (.multiJoin(newInputs, conditions: conditions.map { remap($0, combined) }), combined)
        case let .window(child, calls):
            let childCount = child.outputTypes().count
            var needed = Set(required.filter { $0 < childCount })
            for c in calls { for e in c.expressions { needed.formUnion(columns(e)) } }
            let (newChild, mapping) = prune(child, needed)
            let newChildCount = newChild.outputTypes().count
            var combined = mapping
            for k in calls.indices { combined[childCount + k] = newChildCount + k }
            return (.window(newChild, calls.map { $0.rewritten { remap($0, mapping) } }), combined)
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

    private static func positions(_ kept: [Int]) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    }

    private static func identity(_ count: Int) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, $0) })
    }
}
