/// Whole queries: optional WITH, a SELECT, a set operation or a SELECT without FROM, then ORDER BY over every
/// output column (exact ones first) and LIMIT/OFFSET only under such an ORDER BY.
extension RandomQueryGenerator {
    func topLevelQuery() -> GeneratedQuery {
        var prefix = ""
        if has(.commonTableExpression), random.chance(0.25) {
            var declarations: [String] = []
            for _ in 0..<random.weighted([(3, 1), (1, 2)]) {
                let name = freshName("cte")
                if has(.setOperations), random.chance(0.2) {
                    let (sql, items, rowBound) = setOperation(nested: true)
                    let columns = GeneratedSelect(sql: sql, items: items, isDistinct: false, uniqueOutputs: nil,
                                                  rowBound: rowBound, orderContext: .constantsOnly).columnReferences
                    declarations.append("\(name) AS (\(sql))")
                    commonTableExpressions.append(DeclaredCTE(name: name, columns: columns, uniqueKey: nil, rowBound: rowBound))
                    continue
                }
                let body = selectCore(from: fromClause(nested: true), allowsWindows: has(.windowFunctions), exactOnly: false)
                declarations.append("\(name) AS (\(body.sql))")
                commonTableExpressions.append(DeclaredCTE(name: name, columns: body.columnReferences,
                                                          uniqueKey: body.uniqueOutputs.map { $0.map { "c\($0 + 1)" } },
                                                          rowBound: body.rowBound))
            }
            prefix = "WITH " + declarations.joined(separator: ", ") + " "
        }
        enum Shape { case select, setOperation, withoutFrom }
        let shape: Shape = random.weighted([
            (40, .select), (has(.setOperations) ? 5 : 0, .setOperation), (has(.selectWithoutFrom) ? 2 : 0, .withoutFrom),
        ])
        switch shape {
        case .select:
            let core = selectCore(from: fromClause(), allowsWindows: has(.windowFunctions), exactOnly: false, allowsStar: true)
            return ordered(prefix + core.sql, items: core.items, orderContext: core.orderContext,
                           allowsHiddenKey: !core.isDistinct, hasAliases: core.hasAliases, inputNames: core.inputNames)
        case .setOperation:
            let (sql, items, _) = setOperation(nested: false)
            return ordered(prefix + sql, items: items, orderContext: nil, allowsHiddenKey: false, hasAliases: true, inputNames: [])
        case .withoutFrom:
            let core = selectWithoutFrom()
            return GeneratedQuery(sql: prefix + core.sql, outputKinds: core.items.map(\.kind),
                                  outputExactness: core.items.map(\.isExact), orderKeys: nil, hasHiddenOrderKey: false, hasLimit: false)
        }
    }

    /// `arm op arm [op arm]` with exact outputs of matching families, and a bound on its rows.
    func setOperation(nested: Bool) -> (String, [GeneratedExpression], Double) {
        let first = selectCore(from: fromClause(nested: nested), allowsWindows: false, exactOnly: true)
        let families = first.items.map { ValueFamily($0.kind) }
        var sql = first.sql
        var rowBound = first.rowBound
        let armCount = random.weighted([(4, 2), (1, 3)])
        // INTERSECT binds tighter than UNION and EXCEPT in standard SQL but not in SQLite: never mix them.
        let operators = random.chance(0.3) ? ["INTERSECT"] : ["UNION", "UNION ALL", "EXCEPT"]
        var items = first.items
        for _ in 1..<armCount {
            let arm = selectCore(from: fromClause(nested: nested), allowsWindows: false, exactOnly: true, families: families)
            sql += " \(random.pick(operators)) \(arm.sql)"
            rowBound += arm.rowBound
            // A column takes the common type of its arms in insq (an INTEGER arm and a DOUBLE arm give DOUBLE),
            // while SQLite keeps each value's own type: only the numbers agree, not their text.
            for (i, other) in arm.items.enumerated() where i < items.count {
                if items[i].sql == "NULL" || items[i].isUntypedNull { items[i].kind = other.kind }
                if let common = ValueKind.common(items[i].kind, other.kind), common != items[i].kind, other.sql != "NULL" {
                    items[i].kind = common
                }
                items[i].magnitude = max(items[i].magnitude, other.magnitude)
                items[i].isNullable = items[i].isNullable || other.isNullable
                items[i].isRealInSQLite = items[i].isRealInSQLite || other.isRealInSQLite
                items[i].literals = []
            }
        }
        declaredRows = max(declaredRows, rowBound)
        return (sql, items, rowBound)
    }

    /// Adds ORDER BY (and LIMIT) to `sql`, or leaves the order open.
    /// With `forceLimit` (a derived table's body) always ORDER BY and LIMIT.
    func ordered(_ sql: String, items: [GeneratedExpression], orderContext: ExpressionContext?,
                 allowsHiddenKey: Bool, hasAliases: Bool, inputNames: Set<String>, forceLimit: Bool = false) -> GeneratedQuery {
        var query = GeneratedQuery(sql: sql, outputKinds: items.map(\.kind), outputExactness: items.map(\.isExact),
                                   orderKeys: nil, hasHiddenOrderKey: false, hasLimit: false)
        let inexactCount = items.filter { !$0.isExact }.count
        if forceLimit, inexactCount > 1 { return query }
        guard forceLimit || (has(.orderBy) && random.chance(0.6)) else { return query }
        let exact = random.shuffled(items.indices.filter { items[$0].isExact })
        let inexact = random.shuffled(items.indices.filter { !items[$0].isExact })
        var terms: [String] = []
        var keys: [OutputOrderKey] = []
        // Ties between exact values must not be decided by an inexact one, whose rounding may differ.
        for i in exact + inexact {
            let isDescending = random.chance(0.4)
            var term = random.chance(0.7) || !hasAliases || inputNames.contains("c\(i + 1)") ? String(i + 1) : "c\(i + 1)"
            if isDescending { term += " DESC" } else if random.chance(0.1) { term += " ASC" }
            var nullsFirst = !isDescending
            if has(.nullsOrdering), random.chance(0.15) {
                nullsFirst = random.chance(0.5)
                term += nullsFirst ? " NULLS FIRST" : " NULLS LAST"
            }
            terms.append(term)
            keys.append(OutputOrderKey(column: i, isDescending: isDescending, nullsFirst: nullsFirst))
        }
        if allowsHiddenKey, has(.hiddenOrderKey), inexact.isEmpty, let ctx = orderContext, random.chance(0.2) {
            var context = ctx
            context.allowsWindows = false
            context.allowsSubqueries = false
            let hidden = exactValue(context, depth: 1)
            if hidden.isExact, hidden.hasColumn {
                terms.insert(hidden.sql + (random.chance(0.4) ? " DESC" : ""), at: 0)
                query.hasHiddenOrderKey = true
            }
        }
        query.sql += " ORDER BY " + terms.joined(separator: ", ")
        query.orderKeys = keys
        if forceLimit || (has(.limitOffset) && inexact.count <= 1 && random.chance(0.35)) {
            query.sql += " LIMIT \(random.chance(0.05) ? 0 : random.int(1...8))"
            if random.chance(0.5) { query.sql += " OFFSET \(random.int(0...5))" }
            query.hasLimit = true
        }
        return query
    }
}
