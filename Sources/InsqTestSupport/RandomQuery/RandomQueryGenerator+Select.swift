/// A generated SELECT without ORDER BY or LIMIT: a query on its own, a derived table, a CTE or a set-operation arm.
struct GeneratedSelect: Sendable {
    var sql: String
    var items: [GeneratedExpression]
    var isDistinct: Bool
    /// Output positions whose values identify a row, or nil when unknown ([] for a single row).
    var uniqueOutputs: [Int]?
    var rowBound: Double
    /// Where an ORDER BY expression that is not an output may be generated (GROUP BY keys when aggregating).
    var orderContext: ExpressionContext
    /// The outputs are named `c1`, `c2`, ... (not so after `*`).
    var hasAliases = true
    /// Column names of the FROM clause: an output alias that is also one of them is not used in GROUP BY or
    /// ORDER BY, where engines resolve the clash differently (insq and PostgreSQL take the input column).
    var inputNames: Set<String> = []

    /// The outputs as columns named `c1`, `c2`, ... (unqualified; the user of the table qualifies them).
    var columnReferences: [ColumnReference] {
        items.enumerated().map { i, e in
            ColumnReference(sql: "c\(i + 1)", kind: e.kind, magnitude: e.magnitude, isNullable: e.isNullable,
                            isExact: e.isExact, literals: e.literals, texts: e.texts, domain: e.domain ?? "derived",
                            maxDuplicates: Int(rowBound), isRealInSQLite: e.isRealInSQLite)
        }
    }
}

extension RandomQueryGenerator {
    private enum SelectShape { case plain, aggregate, grouped, distinctAggregates }

    /// A SELECT over `from`. With `exactOnly` every output is exact (set operations compare rows for
    /// equality); `families` fixes the outputs' families (the second arm of a set operation).
    func selectCore(from: FromClause, allowsWindows: Bool, exactOnly: Bool, allowsStar: Bool = false,
                    families: [ValueFamily]? = nil) -> GeneratedSelect {
        var rowContext = ExpressionContext(columns: from.columns, groupKeys: nil, totalOrderKeys: from.totalOrderKeys)
        rowContext.evaluations = from.rowBound
        let inputNames = Set(from.columns.map { $0.sql.split(separator: ".").last.map(String.init) ?? $0.sql })
        // Whole rows of a large join make slow answers to compare: `*` only over small FROM clauses.
        if allowsStar, has(.selectStar), from.rowBound <= 1_000, random.chance(0.08) { return selectStar(from, rowContext) }
        let shape: SelectShape = random.weighted([
            (12, .plain), (3, .aggregate), (has(.groupBy) ? 8 : 0, .grouped),
            (has(.groupedDistinctAggregates) && families == nil ? 3 : 0, .distinctAggregates),
        ])
        let whereClause = random.chance(0.55) ? predicate(rowContext.asWhereConjunct, depth: random.int(0...2)) : nil

        var items: [GeneratedExpression] = []
        var uniqueOutputs: [Int]? = nil
        var rowBound = from.rowBound
        var groupBy: [String] = []
        var having: GeneratedExpression? = nil
        let outputContext: ExpressionContext

        switch shape {
        case .plain:
            var ctx = rowContext
            ctx.allowsWindows = allowsWindows
            outputContext = ctx
        case .aggregate:
            outputContext = ExpressionContext(columns: from.columns, groupKeys: [], allowsAggregates: true, allowsSubqueries: true)
            uniqueOutputs = []
            rowBound = 1
        case .grouped, .distinctAggregates:
            var keys: [GeneratedExpression] = []
            if shape == .distinctAggregates {
                keys = distinctAggregateKeys(rowContext)
            } else {
                for _ in 0..<random.weighted([(6, 1), (4, 2), (1, 3)]) { keys.append(groupKey(rowContext)) }
            }
            // Windows run after grouping; the GROUP BY keys identify each group.
            outputContext = ExpressionContext(columns: from.columns, groupKeys: keys, allowsAggregates: true,
                                              allowsWindows: allowsWindows, allowsSubqueries: true,
                                              totalOrderKeys: keys.map(\.sql))
            if families == nil {
                for key in keys where random.chance(0.65) { items.append(key) }
            }
            // GROUP BY names an output by position or alias now and then, as both engines allow.
            groupBy = keys.map { key in
                if let i = items.firstIndex(where: { $0.sql == key.sql }), random.chance(0.3) {
                    return random.chance(0.7) || inputNames.contains("c\(i + 1)") ? String(i + 1) : "c\(i + 1)"
                }
                return key.sql
            }
            if keys.allSatisfy({ k in items.contains { $0.sql == k.sql } }) {
                uniqueOutputs = keys.compactMap { k in items.firstIndex { $0.sql == k.sql } }
            }
            if has(.having), random.chance(0.4) {
                var havingContext = outputContext
                havingContext.allowsWindows = false
                having = predicate(havingContext, depth: 1)
            }
        }

        if let families {
            items = families.map { item($0, outputContext, exactOnly: true) }
        } else {
            let extra = items.isEmpty ? random.int(1...4) : random.int(0...3)
            for _ in 0..<extra {
                items.append(item(outputFamily(outputContext), outputContext, exactOnly: exactOnly))
            }
        }
        if shape == .distinctAggregates {
            for _ in 0..<random.int(1...3) {
                // Appended: GROUP BY may name the outputs before them by position.
                let e = numericAggregate(outputContext, integerOnly: false, distinctOnly: true)
                if !exactOnly || e.isExact { items.append(e) }
            }
        } else if shape == .plain, families == nil, has(.selectListSubqueries), random.chance(0.3) {
            for _ in 0..<random.int(1...2) {
                if let e = selectListSubquery(outputFamily(outputContext), outputContext), !exactOnly || e.isExact {
                    items.insert(e, at: random.int(0...items.count))
                }
            }
        }
        // Without GROUP BY, an aggregate only in HAVING or ORDER BY makes an aggregating query in insq (as in
        // PostgreSQL) but is an error in SQLite: keep one in the select list.
        if shape == .aggregate, !items.contains(where: \.hasAggregate) {
            if families == nil {
                let count = GeneratedExpression("COUNT(*)", .integer, magnitude: Magnitude.maxRows, hasAggregate: true)
                items.insert(count, at: random.int(0...items.count))
            } else {
                uniqueOutputs = nil
                rowBound = from.rowBound
            }
        }

        var isDistinct = false
        if has(.distinct), random.chance(0.12), items.allSatisfy(\.isExact) {
            isDistinct = true
            uniqueOutputs = Array(items.indices)
        }
        var sql = "SELECT " + (isDistinct ? "DISTINCT " : "")
        sql += items.enumerated().map { i, e in "\(e.sql) AS c\(i + 1)" }.joined(separator: ", ")
        sql += " FROM " + from.sql + whereSQL(from, whereClause)
        if !groupBy.isEmpty { sql += " GROUP BY " + groupBy.joined(separator: ", ") }
        if let having { sql += " HAVING " + having.sql }
        return GeneratedSelect(sql: sql, items: items, isDistinct: isDistinct, uniqueOutputs: uniqueOutputs,
                               rowBound: rowBound, orderContext: outputContext, inputNames: inputNames)
    }

    /// `SELECT *` or `SELECT a.*, b.*`: every column of the sources (for `*`, less the right-hand copies of
    /// USING columns).
    private func selectStar(_ from: FromClause, _ rowContext: ExpressionContext) -> GeneratedSelect {
        var items: [GeneratedExpression] = []
        var list: String
        if random.chance(0.5) {
            list = "*"
            items = from.columns.filter { !from.mergedByUsing.contains($0.sql) }.map(\.expression)
        } else {
            let chosen = random.shuffled(from.sources).prefix(random.int(1...from.sources.count))
            list = chosen.map { "\($0.alias).*" }.joined(separator: ", ")
            items = chosen.flatMap { $0.columns.map(\.expression) }
        }
        let isDistinct = has(.distinct) && random.chance(0.1)
        let whereClause = random.chance(0.6) ? predicate(rowContext.asWhereConjunct, depth: random.int(0...2)) : nil
        let sql = "SELECT " + (isDistinct ? "DISTINCT " : "") + list + " FROM " + from.sql + whereSQL(from, whereClause)
        return GeneratedSelect(sql: sql, items: items, isDistinct: isDistinct, uniqueOutputs: nil, rowBound: from.rowBound,
                               orderContext: rowContext, hasAliases: false)
    }

    /// ` WHERE ...`: a comma join's conditions and the query's own, in random order; empty when there are none.
    private func whereSQL(_ from: FromClause, _ whereClause: GeneratedExpression?) -> String {
        var terms = from.conditions
        if let whereClause { terms.insert(whereClause.sql, at: random.int(0...terms.count)) }
        return terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
    }

    /// `SELECT` of constants, with no FROM.
    func selectWithoutFrom() -> GeneratedSelect {
        let ctx = ExpressionContext.constantsOnly
        let items = (0..<random.int(1...4)).map { _ in
            item(random.weighted([(5, ValueFamily.number), (3, .text), (1, .boolean)]), ctx, exactOnly: false)
        }
        var sql = "SELECT " + items.enumerated().map { i, e in "\(e.sql) AS c\(i + 1)" }.joined(separator: ", ")
        if random.chance(0.2) { sql += " WHERE " + predicate(ctx, depth: 1).sql }
        return GeneratedSelect(sql: sql, items: items, isDistinct: false, uniqueOutputs: [], rowBound: 1, orderContext: ctx)
    }

    private func outputFamily(_ ctx: ExpressionContext) -> ValueFamily {
        random.weighted([(5, .number), (3, .text), (ctx.canRead(.date) ? 2 : 0, .date), (1, .boolean)])
    }

    /// One output of `family`; with `exactOnly` an exact one (falling back to a plain value).
    private func item(_ family: ValueFamily, _ ctx: ExpressionContext, exactOnly: Bool) -> GeneratedExpression {
        for _ in 0..<4 {
            if family == .date, !ctx.canRead(.date) { break }
            let e = value(family, ctx, depth: random.int(0...2))
            if !exactOnly || e.isExact { return e }
        }
        switch family {
        case .number: return integerLiteral()
        case .text: return textLiteral()
        case .boolean: return GeneratedExpression("TRUE", .boolean)
        case .date:
            if let e = leaf(.date, ctx), e.isExact { return e }
            return GeneratedExpression("NULL", .date, isNullable: true)
        }
    }

    /// GROUP BY keys for DISTINCT aggregates: none, or a column of few values, of many, or of all different ones,
    /// sometimes with a second column.
    private func distinctAggregateKeys(_ rowContext: ExpressionContext) -> [GeneratedExpression] {
        let columns = rowContext.columns.filter(\.isExact)
        guard !columns.isEmpty, random.chance(0.85) else { return [] }
        // A fixture column's distinct values are its literals; a computed column's are not known.
        let band = random.weighted([(3, 0...5), (3, 6...40), (2, 41...Int.max)])
        let inBand = columns.filter { band.contains($0.literals.isEmpty ? Int.max : $0.literals.count) }
        var keys = [random.pick(inBand.isEmpty ? columns : inBand).expression]
        let second = random.pick(columns).expression
        if random.chance(0.25), second.sql != keys[0].sql { keys.append(second) }
        return keys
    }

    /// A GROUP BY key: an exact row value that reads a column (a bare integer would be a position).
    private func groupKey(_ rowContext: ExpressionContext) -> GeneratedExpression {
        var ctx = rowContext
        ctx.allowsSubqueries = false
        if random.chance(0.3) {
            for _ in 0..<4 {
                let e = random.chance(0.15) ? predicate(ctx, depth: 0) : exactValue(ctx, depth: 1)
                if e.isExact, e.hasColumn, !e.hasAggregate { return e }
            }
        }
        let exactColumns = rowContext.columns.filter(\.isExact)
        // `(0 + 1)` is a constant key, not a position.
        return exactColumns.isEmpty ? GeneratedExpression("(0 + 1)", .integer, magnitude: 1) : random.pick(exactColumns).expression
    }
}
