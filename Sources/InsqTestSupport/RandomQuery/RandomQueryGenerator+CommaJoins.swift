/// Comma joins: `FROM a, b, c` with the join equalities among the WHERE conditions in random order. An equality
/// may be written into each arm of an OR (`(x = y AND p) OR (x = y AND q)`), which a planner must factor out to
/// join on it; now and then a source has no connecting predicate at all, a cross product the query declares.
extension RandomQueryGenerator {
    func commaJoin(nested: Bool) -> FromClause {
        let wanted = random.weighted([(4, 2), (4, 3), (nested ? 0 : 3, 4), (nested ? 0 : 2, 5)])
        let (firstSQL, first) = source(nested: nested || random.chance(0.7))
        var from = FromClause(sql: firstSQL, sources: [first], rowBound: first.rowBound)
        var items = [firstSQL]
        for _ in 1..<wanted {
            for _ in 0..<6 {
                let (sql, right) = source(nested: nested || random.chance(0.7))
                guard let (conditions, fanOut) = commaConditions(from, right) else { continue }
                let bound = from.rowBound * fanOut
                guard bound <= Self.maxFromRows else { continue }
                if conditions.isEmpty { hasCrossProduct = true }
                items.append(sql)
                from = FromClause(sql: "", sources: from.sources + [right], rowBound: bound,
                                  conditions: from.conditions + conditions)
                break
            }
        }
        from.sql = items.joined(separator: ", ")
        from.conditions = random.shuffled(from.conditions)
        return from
    }

    /// The WHERE conditions that join `right` to the sources before it, and how many of its rows one earlier row
    /// can meet: no condition for a cross product, nil when nothing relates them and no cross product is wanted.
    private func commaConditions(_ from: FromClause, _ right: QuerySource) -> ([String], Double)? {
        // Without `.negativeJoinKeys`, computed integer columns (which may be negative) are not joined on.
        let edges = joinEdges(from.columns, right).filter { l, _ in
            has(.negativeJoinKeys) || l.domain != "derived" || l.kind != .integer
        }
        if edges.isEmpty || random.chance(0.06) {
            return edges.isEmpty && random.chance(0.7) ? nil : ([], right.rowBound)
        }
        // Keys (one row a value) make the long joins that stay small; dates mostly miss.
        let (l, r) = random.weighted(edges.map { edge in (edge.1.maxDuplicates == 1 ? 6 : edge.0.domain == "date" ? 1 : 3, edge) })
        var conditions = [equality(l, r)]
        if random.chance(0.15) {
            let (l2, r2) = random.pick(edges)
            if l2.sql != l.sql || r2.sql != r.sql { conditions.append(equality(l2, r2)) }
        }
        if has(.orFactoredJoins), random.chance(0.3) {
            conditions[0] = orFactored(l, r, scope: from.columns + right.columns)
        }
        return (conditions, Double(r.maxDuplicates))
    }

    private func equality(_ l: ColumnReference, _ r: ColumnReference) -> String {
        random.chance(0.5) ? "\(l.sql) = \(r.sql)" : "\(r.sql) = \(l.sql)"
    }

    /// `((l = r AND p) OR (r = l AND q) ...)`: the equality in every arm, either way round and on either side of
    /// the arm's own condition. Equal to `l = r AND (p OR q)`.
    private func orFactored(_ l: ColumnReference, _ r: ColumnReference, scope columns: [ColumnReference]) -> String {
        let scope = ExpressionContext(columns: columns, groupKeys: nil, allowsSubqueries: false)
        let arms = (0..<random.weighted([(4, 2), (1, 3)])).map { _ in
            let key = equality(l, r), condition = predicate(scope, depth: random.int(0...1)).sql
            return random.chance(0.7) ? "(\(key) AND \(condition))" : "(\(condition) AND \(key))"
        }
        return "(" + arms.joined(separator: " OR ") + ")"
    }
}
