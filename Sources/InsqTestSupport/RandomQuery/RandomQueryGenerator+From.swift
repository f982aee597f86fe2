import Foundation

/// FROM clauses: one to three tables joined INNER, LEFT or CROSS, on equalities of related columns with
/// optional extra conditions, or a comma join; kept small enough that a debug build answers at once.
extension RandomQueryGenerator {
    func fromClause(nested: Bool = false) -> FromClause {
        let from = has(.commaJoins) && random.chance(nested ? 0.1 : 0.2) ? commaJoin(nested: nested) : joinedFrom(nested: nested)
        declaredRows = max(declaredRows, from.rowBound)
        return from
    }

    /// Sources joined with JOIN ... ON, USING or CROSS JOIN.
    private func joinedFrom(nested: Bool) -> FromClause {
        let canJoin = has(.innerJoin) || has(.leftJoin) || has(.crossJoin)
        let tableCount = canJoin ? random.weighted([(10, 1), (8, 2), (nested ? 1 : 4, 3)]) : 1
        let (firstSQL, first) = source(nested: nested)
        var from = FromClause(sql: firstSQL, sources: [first], rowBound: first.rowBound)
        for _ in 1..<tableCount {
            for _ in 0..<6 {
                if let joined = join(from, nested: nested) { from = joined; break }
            }
        }
        return from
    }

    /// A table, CTE or derived table with a fresh alias.
    func source(nested: Bool) -> (String, QuerySource) {
        if !commonTableExpressions.isEmpty, random.chance(0.6) { return cteSource() }
        if !nested, has(.derivedTable), random.chance(0.15) {
            let alias = freshName("d")
            let inner = selectCore(from: fromClause(nested: true), allowsWindows: false, exactOnly: false)
            var sql = inner.sql
            if random.chance(0.25) {
                // ORDER BY every output and LIMIT: the same rows in both engines.
                sql = ordered(sql, items: inner.items, orderContext: nil, allowsHiddenKey: false, hasAliases: true,
                              inputNames: inner.inputNames, forceLimit: true).sql
            }
            return ("(\(sql)) AS \(alias)", QuerySource(
                alias: alias, columns: inner.columnReferences.map { requalified($0, alias: alias) },
                uniqueKey: inner.uniqueOutputs.map { $0.map { alias + ".c\($0 + 1)" } }, rowBound: inner.rowBound))
        }
        let table = random.weighted([(4, "payments"), (4, "persons"), (2, "regions")])
        return baseTable(table)
    }

    /// One of the query's CTEs under a fresh alias.
    func cteSource() -> (String, QuerySource) {
        let cte = random.pick(commonTableExpressions)
        let alias = freshName("w")
        return ("\(cte.name) \(alias)", QuerySource(
            alias: alias, columns: cte.columns.map { requalified($0, alias: alias) },
            uniqueKey: cte.uniqueKey.map { $0.map { alias + "." + $0 } }, rowBound: cte.rowBound))
    }

    func baseTable(_ name: String) -> (String, QuerySource) {
        guard let table = profile.table(name) else { preconditionFailure("no fixture table \(name)") }
        nameCounter += 1
        let alias = "\(table.aliasPrefix)\(nameCounter)"
        let columns = table.columns.map { c in
            ColumnReference(sql: "\(alias).\(c.name)", kind: c.kind, magnitude: c.magnitude, isNullable: c.isNullable,
                            isExact: true, literals: c.literals, texts: c.texts, domain: c.domain, maxDuplicates: c.maxDuplicates)
        }
        let sql = random.chance(0.2) ? "\(name) AS \(alias)" : "\(name) \(alias)"
        return (sql, QuerySource(alias: alias, columns: columns, uniqueKey: ["\(alias).\(table.keyColumn)"],
                                 rowBound: Double(table.rowCount)))
    }

    /// `c` renamed under another alias (a CTE or derived table's column `c3` read as `w2.c3`).
    private func requalified(_ c: ColumnReference, alias: String) -> ColumnReference {
        var c = c
        let name = c.sql.split(separator: ".").last.map(String.init) ?? c.sql
        c.sql = "\(alias).\(name)"
        return c
    }

    private enum JoinForm { case inner, left, cross, innerUsing, leftUsing }

    /// `from` with one more source joined, or nil when the attempt would be too large or has no condition.
    private func join(_ from: FromClause, nested: Bool) -> FromClause? {
        let form: JoinForm = random.weighted([
            (has(.innerJoin) ? 6 : 0, .inner), (has(.leftJoin) ? 4 : 0, .left), (has(.crossJoin) ? 1 : 0, .cross),
            (has(.innerJoin) && has(.joinUsing) ? 1 : 0, .innerUsing), (has(.leftJoin) && has(.joinUsing) ? 1 : 0, .leftUsing),
        ])
        var (sourceSQL, right) = source(nested: nested || random.chance(0.7))
        let isLeft = form == .left || form == .leftUsing
        var fanOut: Double
        var clause: String
        var isEquality = false
        var merged = from.mergedByUsing
        switch form {
        case .cross:
            fanOut = right.rowBound
            clause = "CROSS JOIN \(sourceSQL)"
        case .innerUsing, .leftUsing:
            // USING needs a column name on the new side that exactly one earlier source has, of the same kind.
            let names = right.columns.map(bareName)
            let candidates = names.enumerated().filter { i, name in
                let owners = from.columns.filter { bareName($0) == name }
                return owners.count == 1 && owners[0].kind == right.columns[i].kind
            }
            guard let (i, name) = candidates.isEmpty ? nil : random.pick(candidates) else { return nil }
            fanOut = Double(right.columns[i].maxDuplicates)
            clause = "\(isLeft ? "LEFT JOIN" : "JOIN") \(sourceSQL) USING (\(name))"
            merged.insert(right.columns[i].sql)
            isEquality = true
        case .inner, .left:
            let (condition, joinFanOut, hasEquality) = onCondition(from.columns, right)
            fanOut = joinFanOut
            isEquality = hasEquality
            clause = "\(isLeft ? (random.chance(0.3) ? "LEFT OUTER JOIN" : "LEFT JOIN") : (random.chance(0.3) ? "INNER JOIN" : "JOIN")) \(sourceSQL) ON \(condition)"
        }
        if isLeft { fanOut = max(1, fanOut) }
        let bound = from.rowBound * fanOut
        guard bound <= Self.maxFromRows else { return nil }
        if !isEquality { hasCrossProduct = true }
        if isLeft { right.columns = right.columns.map { var c = $0; c.isNullable = true; return c } }
        return FromClause(sql: "\(from.sql) \(clause)", sources: from.sources + [right], rowBound: bound, mergedByUsing: merged)
    }

    private func bareName(_ c: ColumnReference) -> String {
        c.sql.split(separator: ".").last.map(String.init) ?? c.sql
    }

    /// Pairs of an earlier column and one of the new source's that hold the same kind of thing: join keys.
    func joinEdges(_ left: [ColumnReference], _ right: QuerySource) -> [(ColumnReference, ColumnReference)] {
        left.flatMap { l in
            right.columns.filter { r in r.domain == l.domain && r.kind == l.kind && r.isExact && l.isExact }.map { (l, $0) }
        }
    }

    /// An ON condition between the earlier columns and the new source, how many rows of the new source one
    /// earlier row can match at most, and whether the condition has an equality that a hash join can use.
    private func onCondition(_ left: [ColumnReference], _ right: QuerySource) -> (String, Double, Bool) {
        let edges = joinEdges(left, right)
        let scope = ExpressionContext(columns: left + right.columns, groupKeys: nil, allowsSubqueries: false)
        let nonEqui = has(.nonEquiJoin)
        if edges.isEmpty || (nonEqui && random.chance(0.12)) {
            // No equality: a comparison across the two sides, or any condition.
            let l = random.pick(left), candidates = right.columns.filter { $0.kind.isComparable(with: l.kind) && $0.isExact && l.isExact }
            if nonEqui, let r = candidates.isEmpty ? nil : random.pick(candidates), random.chance(0.7) {
                return ("\(l.sql) \(random.pick(["<", "<=", ">", ">=", "<>"])) \(r.sql)", right.rowBound, false)
            }
            if nonEqui { return (predicate(scope, depth: 1).sql, right.rowBound, false) }
            return ("TRUE", right.rowBound, false)
        }
        // Keys that relate rows (person, region, province) match more often than dates, which mostly miss.
        let (l, r) = random.weighted(edges.map { edge in (edge.0.domain == "date" ? 1 : 4, edge) })
        var terms = [random.chance(0.5) ? "\(l.sql) = \(r.sql)" : "\(r.sql) = \(l.sql)"]
        var fanOut = Double(r.maxDuplicates)
        if l.kind == .integer, l.domain == "derived", !has(.negativeJoinKeys) {
            // A computed column may be negative: keep the key non-negative.
            terms = ["abs(\(l.sql)) = abs(\(r.sql))"]
            fanOut = right.rowBound
        }
        if random.chance(0.1), edges.count > 1 {
            // A second equality, ANDed: the first one's fan-out still bounds the join.
            let (l2, r2) = random.pick(edges)
            terms.append("\(l2.sql) = \(r2.sql)")
        }
        if random.chance(0.12) {
            // An equality of expressions is still a hash key; integer keys may turn negative or collide.
            if l.kind == .text, has(.textFunctions) { terms[0] = "lower(\(l.sql)) = lower(\(r.sql))" }
            if l.kind == .integer {
                let c = random.int(1...40), k = random.int(2...5)
                let transform = random.pick(["(X % \(k))", "abs(X - \(c))"]
                    + (has(.negativeJoinKeys) ? ["(- X)", "(X - \(c))", "((X % \(k)) - 1)"] : []))
                let apply = { (column: String) in transform.replacingOccurrences(of: "X", with: column) }
                terms[0] = "\(apply(l.sql)) = \(apply(r.sql))"
                if transform.contains("%") || transform.contains("abs") { fanOut = right.rowBound }
            }
        }
        var isEquality = true
        if nonEqui, random.chance(0.35) {
            let extra = predicate(scope, depth: 1).sql
            if random.chance(0.2) {
                terms = ["(\(terms.joined(separator: " AND ")) OR \(extra))"]
                fanOut = right.rowBound
                isEquality = false
            } else {
                terms.append(extra)
            }
        }
        return (terms.joined(separator: " AND "), min(fanOut, right.rowBound), isEquality)
    }
}
