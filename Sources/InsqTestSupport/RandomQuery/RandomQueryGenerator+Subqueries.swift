/// Subqueries: scalar `(SELECT aggregate ...)`, key lookups and first rows, `[NOT] EXISTS (...)` and
/// `x [NOT] IN (SELECT ...)`, each uncorrelated or (with `.correlatedSubquery`) tied to the enclosing row. With
/// `.nestedSubqueries` a subquery holds subqueries of its own, up to three deep, correlated to any enclosing query.
extension RandomQueryGenerator {
    /// How deep subqueries nest at most: a subquery at this depth holds none.
    static let maxSubqueryDepth = 3
    /// The most rows a nested subquery may read over all evaluations of the conditions around it (rows of the
    /// query, times those of each subquery outside it, times its own): SQLite's nested loops must stay quick.
    static let maxNestedRowReads: Double = 1_000_000

    /// A subquery's FROM and WHERE, the context of its select list, the columns that identify its rows, and how
    /// its WHERE reads enclosing rows.
    private struct SubqueryBody {
        var sql: String
        var context: ExpressionContext
        var uniqueKey: [String]?
        var correlation: Correlation
    }

    /// How a subquery's own conditions read enclosing rows.
    private enum Correlation {
        case none
        /// Only by `inner = outer` equalities.
        case equalities
        /// Also by other conditions.
        case other

        var isCorrelated: Bool { self != .none }
    }

    private func subqueryBody(_ outer: ExpressionContext, needs family: ValueFamily? = nil) -> SubqueryBody {
        let depth = outer.subqueryDepth + 1
        var tables = profile.tables.filter { t in family.map { f in t.columns.contains { f.accepts($0.kind) } } ?? true }
        if depth > 1 {
            // A nested subquery reads a table small enough for the evaluations around it.
            let affordable = tables.filter { outer.evaluations * Double($0.rowCount) <= Self.maxNestedRowReads }
            tables = affordable.isEmpty ? [tables.min { $0.rowCount < $1.rowCount } ?? profile.tables[0]] : affordable
        }
        var (fromSQL, source) = baseTable(random.pick(tables.isEmpty ? profile.tables : tables).name)
        // A CTE re-run for every row of the subqueries around it would be slow: only in the outermost ones.
        if depth == 1, !commonTableExpressions.isEmpty, random.chance(0.3) {
            let cte = cteSource()
            if family.map({ f in cte.1.columns.contains { f.accepts($0.kind) } }) ?? true { (fromSQL, source) = cte }
        }
        var inner = ExpressionContext(columns: source.columns, groupKeys: nil, allowsSubqueries: false)
        inner.subqueryDepth = depth
        inner.evaluations = outer.evaluations * max(1, source.rowBound)
        // Only a row-level enclosing context can be correlated: in an aggregating query its columns are not values.
        let canCorrelate = has(.correlatedSubquery) && outer.groupKeys == nil && !outer.columns.isEmpty
        inner.enclosingColumns = canCorrelate ? [outer.columns] + outer.enclosingColumns : []
        var conditions: [String] = []
        var correlation = Correlation.none
        if !inner.enclosingColumns.isEmpty, random.chance(0.6) {
            (conditions, correlation) = correlate(source.columns, inner.enclosingColumns)
        }
        let smallestTable = Double(profile.tables.map(\.rowCount).min() ?? 1)
        inner.allowsSubqueries = has(.nestedSubqueries) && (has(.subqueryPredicates) || has(.scalarSubquery))
            && depth < Self.maxSubqueryDepth && inner.evaluations * smallestTable <= Self.maxNestedRowReads
        // Each level runs per row of the one outside in SQLite (and, where insq keeps it, in insq): fewer deeper down.
        if inner.allowsSubqueries, random.chance(depth == 1 ? 0.3 : 0.15), let nested = subqueryPredicate(inner, isConjunct: true) {
            conditions.insert(nested.sql, at: random.int(0...conditions.count))
        }
        if random.chance(0.5) { conditions.append(predicate(inner.asWhereConjunct, depth: 1).sql) }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return SubqueryBody(sql: "FROM \(fromSQL)\(whereSQL)", context: inner, uniqueKey: source.uniqueKey,
                            correlation: correlation)
    }

    /// Conditions that tie a subquery's rows to enclosing rows: an equality (now and then `<` or `<>`) with a
    /// column of the query just outside or of one further out, sometimes a second one, and sometimes a condition
    /// over both. A correlation without an equality re-runs the subquery for every outer row by nature: the
    /// query is declared to have a cross product.
    private func correlate(_ columns: [ColumnReference], _ levels: [[ColumnReference]]) -> ([String], Correlation) {
        var conditions: [String] = []
        var hasEquality = false, hasOther = false
        for _ in 0..<(levels.count > 1 && random.chance(0.3) ? 2 : 1) {
            // The query just outside as often as all the ones further out.
            let level = random.weighted(levels.indices.map { ($0 == 0 ? max(1, levels.count - 1) : 1, $0) })
            let pairs = columns.flatMap { c in
                levels[level].filter { $0.domain == c.domain && $0.kind == c.kind && $0.isExact }.map { (c, $0) }
            }
            guard let (c, o) = pairs.isEmpty ? nil : random.pick(pairs) else { continue }
            let op = random.weighted([(6, "="), (1, "<"), (1, "<>")])
            if op == "=" { hasEquality = true } else { hasOther = true }
            if level > 0 { cliffShapes.insert(.outerLevelCorrelation) }
            conditions.append("\(c.sql) \(op) \(o.sql)")
        }
        if random.chance(0.4) {
            let both = ExpressionContext(columns: columns + levels.joined(), groupKeys: nil, allowsSubqueries: false)
            conditions.append(predicate(both, depth: 1).sql)
            hasOther = true
            if levels.count > 1 { cliffShapes.insert(.outerLevelCorrelation) }
        }
        if !conditions.isEmpty, !hasEquality { hasCrossProduct = true }
        return (conditions, conditions.isEmpty ? .none : hasOther ? .other : .equalities)
    }

    /// `(SELECT s.column FROM table s WHERE s.key = outer.column)`: at most one row, as the key is unique. The
    /// outer column may be of any enclosing query.
    private func lookupSubquery(_ family: ValueFamily, _ ctx: ExpressionContext, integerOnly: Bool) -> GeneratedExpression? {
        let outerColumns = ctx.columns + ctx.enclosingColumns.joined()
        let candidates: [(FixtureProfile.TableProfile, Int)] = profile.tables.flatMap { table in
            outerColumns.indices.filter { i in
                let outer = outerColumns[i]
                return outer.isExact && table.column(table.keyColumn).map { $0.domain == outer.domain && $0.kind == outer.kind } == true
            }.map { (table, $0) }
        }
        guard let (table, position) = candidates.isEmpty ? nil : random.pick(candidates) else { return nil }
        let outer = outerColumns[position]
        let values = table.columns.filter { family.accepts($0.kind) && (!integerOnly || $0.kind == .integer) }
        guard let column = values.isEmpty ? nil : random.pick(values) else { return nil }
        cliffShapes.insert(.scalarWithoutAggregate)
        if position >= ctx.columns.count { cliffShapes.insert(.outerLevelCorrelation) }
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
        let body = subqueryBody(ctx, needs: family == .number ? nil : family)
        var aggregating = body.context
        aggregating.groupKeys = []
        aggregating.allowsAggregates = true
        let value: GeneratedExpression?
        switch family {
        case .number: value = numericAggregate(aggregating, integerOnly: integerOnly)
        case .text, .date: value = extremeAggregate(family, aggregating)
        case .boolean: value = nil
        }
        guard let value, fits(value) else { return nil }
        if body.correlation == .other { cliffShapes.insert(.scalarNonEqualityCorrelation) }
        var e = GeneratedExpression("(SELECT \(value.sql) \(body.sql))", value.kind, magnitude: value.magnitude,
                                    isExact: value.isExact, isNullable: true)
        e.hasColumn = true
        e.isRealInSQLite = value.isRealInSQLite
        return e
    }

    /// `(SELECT x FROM t s WHERE ... ORDER BY [y,] s.key LIMIT 1)`: a value of one row without an aggregate; the
    /// order ends with the source's key, so both engines pick the same row.
    private func firstRowSubquery(_ family: ValueFamily, _ ctx: ExpressionContext) -> GeneratedExpression? {
        let body = subqueryBody(ctx, needs: family)
        guard let key = body.uniqueKey, !key.isEmpty else { return nil }
        let row = body.context.rowLevel
        let x = value(family, row, depth: random.int(0...1))
        guard !x.isUntypedNull, fits(x) else { return nil }
        if body.correlation.isCorrelated { cliffShapes.insert(.scalarWithoutAggregate) }
        var order = key
        if random.chance(0.6) { order.insert(exactValue(row, depth: 0).sql, at: 0) }
        let terms = order.map { $0 + (random.chance(0.4) ? " DESC" : "") }
        let sql = "(SELECT \(x.sql) \(body.sql) ORDER BY \(terms.joined(separator: ", ")) LIMIT 1"
            + (random.chance(0.15) ? " OFFSET 1)" : ")")
        var e = GeneratedExpression(sql, x.kind, magnitude: x.magnitude, isExact: x.isExact, isNullable: true)
        e.hasColumn = true
        e.isRealInSQLite = x.isRealInSQLite
        return e
    }

    /// A scalar subquery for the SELECT list (an aggregate, a key lookup or a first row), or EXISTS for a BOOLEAN.
    func selectListSubquery(_ family: ValueFamily, _ ctx: ExpressionContext) -> GeneratedExpression? {
        if family == .boolean { return existsSubquery(ctx, isConjunct: false) }
        switch random.weighted([(3, 0), (2, 1), (2, 2)]) {
        case 0: return scalarSubquery(family, ctx, integerOnly: false)
        case 1: return lookupSubquery(family, ctx, integerOnly: false)
        default: return firstRowSubquery(family, ctx)
        }
    }

    /// A condition on a subquery: `[NOT] EXISTS`, `[NOT] IN` or a comparison with a scalar subquery.
    func subqueryPredicate(_ ctx: ExpressionContext, isConjunct: Bool) -> GeneratedExpression? {
        let predicates = has(.subqueryPredicates) ? 3 : 0
        switch random.weighted([(predicates, 0), (predicates, 1), (has(.scalarSubquery) ? 2 : 0, 2)]) {
        case 0: return existsSubquery(ctx, isConjunct: isConjunct)
        case 1: return inSubquery(ctx, depth: random.int(0...1), isConjunct: isConjunct)
        default: return subqueryComparison(ctx)
        }
    }

    /// `x op (SELECT aggregate ...)` where both sides are exact.
    func subqueryComparison(_ ctx: ExpressionContext) -> GeneratedExpression? {
        let family: ValueFamily = random.weighted([(5, .number), (1, .text), (ctx.canRead(.date) ? 1 : 0, .date)])
        let left = value(family, ctx, depth: 0)
        guard left.isExact, let right = scalarSubquery(family, ctx, integerOnly: false), right.isExact,
              fitsTogether([left, right]) else { return nil }
        let op = random.pick(["=", "<>", "<", "<=", ">", ">="])
        let (a, b) = random.chance(0.75) ? (left, right) : (right, left)
        return GeneratedExpression("(\(a.sql) \(op) \(b.sql))", .boolean, isNullable: true).inheriting([left, right])
    }

    /// `[NOT] EXISTS (SELECT 1 ...)`; `isConjunct` says whether it is a conjunct of a WHERE clause.
    func existsSubquery(_ ctx: ExpressionContext, isConjunct: Bool) -> GeneratedExpression? {
        let body = subqueryBody(ctx)
        if body.correlation.isCorrelated, !isConjunct { cliffShapes.insert(.subqueryAsValue) }
        let negated = random.chance(0.3) ? "NOT " : ""
        return GeneratedExpression("(\(negated)EXISTS (SELECT 1 \(body.sql)))", .boolean)
    }

    /// `x [NOT] IN (SELECT ...)`; `isConjunct` says whether it is a conjunct of a WHERE clause.
    func inSubquery(_ ctx: ExpressionContext, depth: Int, isConjunct: Bool) -> GeneratedExpression? {
        var left = exactValue(ctx, depth: max(0, depth))
        for _ in 0..<4 where left.isNullable && !has(.nullableInSubquery) { left = exactValue(ctx, depth: max(0, depth)) }
        if left.isNullable && !has(.nullableInSubquery) { return nil }
        let family = ValueFamily(left.kind)
        guard family != .boolean else { return nil }
        let body = subqueryBody(ctx, needs: family)
        var selected: GeneratedExpression? = nil
        for _ in 0..<4 {
            // A nested subquery's value as the selected one now and then: a subquery in a subquery's SELECT list.
            let e = body.context.allowsSubqueries && random.chance(0.2)
                ? selectListSubquery(family, body.context) : value(family, body.context, depth: 1)
            if let e, e.isExact, e.hasColumn { selected = e; break }
        }
        guard let selected, fitsTogether([left, selected]) else { return nil }
        let negated = random.chance(0.35) ? "NOT " : ""
        if body.correlation.isCorrelated {
            if !isConjunct { cliffShapes.insert(.subqueryAsValue) }
            if !negated.isEmpty { cliffShapes.insert(.correlatedNotIn) }
        }
        return GeneratedExpression("(\(left.sql) \(negated)IN (SELECT \(selected.sql) \(body.sql)))", .boolean, isNullable: true)
            .inheriting([left])
    }
}
