/// Subqueries: scalar `(SELECT aggregate ...)`, `[NOT] EXISTS (...)` and `x [NOT] IN (SELECT ...)`, each
/// uncorrelated or (with `.correlatedSubquery`) tied to the enclosing row.
extension RandomQueryGenerator {
    /// The FROM and WHERE of a subquery, and the context of its select list.
    private func subqueryBody(_ outer: ExpressionContext, needs family: ValueFamily? = nil) -> (String, ExpressionContext) {
        let tables = profile.tables.filter { t in family.map { f in t.columns.contains { f.accepts($0.kind) } } ?? true }
        var (fromSQL, source) = baseTable(random.pick(tables.isEmpty ? profile.tables : tables).name)
        if !commonTableExpressions.isEmpty, random.chance(0.3) {
            let cte = cteSource()
            if family.map({ f in cte.1.columns.contains { f.accepts($0.kind) } }) ?? true { (fromSQL, source) = cte }
        }
        var inner = ExpressionContext(columns: source.columns, groupKeys: nil, allowsSubqueries: false)
        var conditions: [String] = []
        // Only a row-level enclosing context can be correlated: in an aggregating query its columns are not values.
        let canCorrelate = has(.correlatedSubquery) && outer.groupKeys == nil && !outer.columns.isEmpty
        if canCorrelate, random.chance(0.6) {
            let pairs = source.columns.flatMap { i in
                outer.columns.filter { $0.domain == i.domain && $0.kind == i.kind && $0.isExact }.map { (i, $0) }
            }
            if let (i, o) = pairs.isEmpty ? nil : random.pick(pairs) {
                conditions.append("\(i.sql) \(random.weighted([(6, "="), (1, "<"), (1, "<>")])) \(o.sql)")
            }
            if random.chance(0.4) {
                var both = inner
                both.columns += outer.columns
                conditions.append(predicate(both, depth: 1).sql)
            }
        }
        if random.chance(0.5) { conditions.append(predicate(inner, depth: 1).sql) }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        inner.allowsSubqueries = false
        return ("FROM \(fromSQL)\(whereSQL)", inner)
    }

    /// `(SELECT s.column FROM table s WHERE s.key = outer.column)`: at most one row, as the key is unique.
    private func lookupSubquery(_ family: ValueFamily, _ ctx: ExpressionContext, integerOnly: Bool) -> GeneratedExpression? {
        let candidates = profile.tables.flatMap { table in
            ctx.columns.filter { outer in
                outer.isExact && table.column(table.keyColumn).map { $0.domain == outer.domain && $0.kind == outer.kind } == true
            }.map { (table, $0) }
        }
        guard let (table, outer) = candidates.isEmpty ? nil : random.pick(candidates) else { return nil }
        let values = table.columns.filter { family.accepts($0.kind) && (!integerOnly || $0.kind == .integer) }
        guard let column = values.isEmpty ? nil : random.pick(values) else { return nil }
        let alias = freshName("s")
        var e = GeneratedExpression(
            "(SELECT \(alias).\(column.name) FROM \(table.name) \(alias) WHERE \(alias).\(table.keyColumn) = \(outer.sql))",
            column.kind, magnitude: column.magnitude, isNullable: true)
        e.hasColumn = true
        e.literals = column.literals
        e.texts = column.texts
        return e
    }

    func scalarSubquery(_ family: ValueFamily, _ ctx: ExpressionContext, integerOnly: Bool) -> GeneratedExpression? {
        if has(.correlatedSubquery), ctx.groupKeys == nil, random.chance(0.35),
           let lookup = lookupSubquery(family, ctx, integerOnly: integerOnly) {
            return lookup
        }
        let (body, inner) = subqueryBody(ctx, needs: family == .number ? nil : family)
        var aggregating = inner
        aggregating.groupKeys = []
        aggregating.allowsAggregates = true
        let value: GeneratedExpression?
        switch family {
        case .number: value = numericAggregate(aggregating, integerOnly: integerOnly)
        case .text, .date: value = extremeAggregate(family, aggregating)
        case .boolean: value = nil
        }
        guard let value, fits(value) else { return nil }
        var e = GeneratedExpression("(SELECT \(value.sql) \(body))", value.kind, magnitude: value.magnitude,
                                    isExact: value.isExact, isNullable: true)
        e.hasColumn = true
        e.isRealInSQLite = value.isRealInSQLite
        return e
    }

    func existsSubquery(_ ctx: ExpressionContext) -> GeneratedExpression? {
        let (body, _) = subqueryBody(ctx)
        let negated = random.chance(0.3) ? "NOT " : ""
        return GeneratedExpression("(\(negated)EXISTS (SELECT 1 \(body)))", .boolean)
    }

    func inSubquery(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression? {
        var left = exactValue(ctx, depth: max(0, depth))
        for _ in 0..<4 where left.isNullable && !has(.nullableInSubquery) { left = exactValue(ctx, depth: max(0, depth)) }
        if left.isNullable && !has(.nullableInSubquery) { return nil }
        let family = ValueFamily(left.kind)
        guard family != .boolean else { return nil }
        let (body, inner) = subqueryBody(ctx, needs: family)
        var selected: GeneratedExpression? = nil
        for _ in 0..<4 {
            let e = value(family, inner, depth: 1)
            if e.isExact, e.hasColumn { selected = e; break }
        }
        guard let selected, fitsTogether([left, selected]) else { return nil }
        let negated = random.chance(0.35) ? "NOT " : ""
        return GeneratedExpression("(\(left.sql) \(negated)IN (SELECT \(selected.sql) \(body)))", .boolean, isNullable: true)
            .inheriting([left])
    }
}
