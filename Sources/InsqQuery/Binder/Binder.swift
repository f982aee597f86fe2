import InsqStorage
import InsqSyntax

/// Turns a parsed query into a logical plan: names resolved, types checked, columns pruned.
struct Binder {
    let catalog: Catalog
    let source: SourceText

    func bind(_ query: Query) throws -> BoundQuery {
        switch query.body {
        case let .select(core):
            return try bindSelect(core, orderBy: query.orderBy, limit: query.limit, offset: query.offset)
        default:
            throw TypeRules.error("this form of query is not supported yet", query.range)
        }
    }

    /// One select-list entry after `*` expansion.
    private struct Item {
        var ast: Expression?
        var bound: BoundExpression
        var name: String
        var alias: String?
    }

    private func bindSelect(_ core: SelectCore, orderBy: [OrderItem], limit: Expression?, offset: Expression?) throws -> BoundQuery {
        let (from, scope) = try FromBinder(catalog: catalog).bind(core.from)
        let collector = AggregateCollector()
        let withAggregates = ExpressionBinder(scope: scope, aggregates: collector, clause: "this clause")

        var items: [Item] = []
        for item in core.items {
            switch item {
            case let .star(range):
                let visible = scope.columns.filter { !$0.isMergedByUsing }
                if visible.isEmpty { throw TypeRules.error("SELECT * needs a FROM clause", range) }
                for c in visible { items.append(Item(ast: nil, bound: .column(c.index, c.type, SourceRangeBox(range)), name: c.name)) }
            case let .qualifiedStar(table, range):
                let t = table.name.lowercased()
                guard scope.tables.contains(where: { $0.lowercased() == t }) else {
                    throw TypeRules.error("unknown table \"\(table.name)\"\(NameSuggestion.hint(for: table.name, among: scope.tables))", table.range)
                }
                for c in scope.columns where c.table?.lowercased() == t {
                    items.append(Item(ast: nil, bound: .column(c.index, c.type, SourceRangeBox(range)), name: c.name))
                }
            case let .expression(e, alias):
                let bound = try withAggregates.bind(e)
                items.append(Item(ast: e, bound: bound, name: alias?.name ?? outputName(e), alias: alias?.name))
            }
        }

        // Clauses bind in the order they are written, so the first error reported is the first in the text.
        let whereBound = try core.whereClause.map { w in
            try TypeRules.boolean(try ExpressionBinder(scope: scope, aggregates: nil, clause: "WHERE").bind(w), "WHERE", range: w.range)
        }

        // GROUP BY may name a select item by position or alias, as SQLite and DuckDB allow.
        let groupBinder = ExpressionBinder(scope: scope, aggregates: nil, clause: "GROUP BY")
        var keys: [BoundExpression] = []
        for g in core.groupBy {
            if let k = try ordinal(g, count: items.count, clause: "GROUP BY") {
                guard let ast = items[k].ast else { throw TypeRules.error("GROUP BY cannot refer to *", g.range) }
                keys.append(try groupBinder.bind(ast))
            } else if case let .column(nil, name) = g.kind, !scope.columns.contains(where: { $0.name.lowercased() == name.name.lowercased() }),
                      let item = items.first(where: { $0.alias?.lowercased() == name.name.lowercased() }), let ast = item.ast {
                keys.append(try groupBinder.bind(ast))
            } else {
                keys.append(try groupBinder.bind(g))
            }
        }

        let havingBound = try core.having.map { h in try TypeRules.boolean(try withAggregates.bind(h), "HAVING", range: h.range) }

        // ORDER BY: a position, an output name, or an expression over the input.
        enum OrderTarget { case item(Int), expression(BoundExpression) }
        var orderTargets: [(OrderTarget, OrderItem)] = []
        for o in orderBy {
            if let k = try ordinal(o.expression, count: items.count, clause: "ORDER BY") {
                orderTargets.append((.item(k), o))
            } else if case let .column(nil, name) = o.expression.kind,
                      let k = items.firstIndex(where: { ($0.alias ?? "").lowercased() == name.name.lowercased() }) {
                orderTargets.append((.item(k), o))
            } else {
                orderTargets.append((.expression(try withAggregates.bind(o.expression)), o))
            }
        }

        let isAggregating = !keys.isEmpty || !collector.calls.isEmpty
        var selectExpressions = items.map(\.bound)
        var having = havingBound
        var orderExpressions: [BoundExpression?] = orderTargets.map { if case let .expression(e) = $0.0 { return e } else { return nil } }
        var aggregates = collector.calls

        if isAggregating {
            let rewrite = { (e: BoundExpression) throws -> BoundExpression in try self.afterAggregation(e, keys: keys) }
            selectExpressions = try selectExpressions.map(rewrite)
            having = try having.map(rewrite)
            orderExpressions = try orderExpressions.map { try $0.map(rewrite) }
        } else if let h = core.having {
            throw TypeRules.error("HAVING needs GROUP BY or an aggregate", h.range)
        }

        // Prune: scans read only the columns the query names.
        var used = Set<Int>()
        func note(_ e: BoundExpression?) { e?.collectColumns(into: &used) }
        Self.noteJoinColumns(from, into: &used)
        note(whereBound)
        if isAggregating {
            keys.forEach(note)
            aggregates.forEach { note($0.argument) }
        } else {
            selectExpressions.forEach(note)
            orderExpressions.forEach(note)
        }
        let mapping = Dictionary(uniqueKeysWithValues: used.sorted().enumerated().map { ($1, $0) })
        func remap(_ e: BoundExpression) -> BoundExpression {
            e.rewritten { node in
                if case let .column(i, t, r) = node { return .column(mapping[i] ?? i, t, r) }
                return nil
            }
        }

        // WHERE conditions on one table filter that table's scan, before any join.
        let pushdown = FilterPushdown.split(whereBound, from: from)
        var plan = buildFrom(from, used: used, mapping: mapping, pushed: pushdown.pushed)
        if let w = pushdown.remaining { plan = .filter(plan, remap(w)) }
        if isAggregating {
            keys = keys.map(remap)
            aggregates = aggregates.map { a in
                var a = a
                a.argument = a.argument.map(remap)
                return a
            }
            plan = .aggregate(plan, keys: keys, aggregates: aggregates)
            if let h = having { plan = .filter(plan, h) }
        } else {
            selectExpressions = selectExpressions.map(remap)
            orderExpressions = orderExpressions.map { $0.map(remap) }
        }

        // Project the select list plus hidden sort columns, then sort, limit and drop the hidden ones.
        var projection = selectExpressions
        var sortKeys: [SortKey] = []
        for (k, (target, item)) in orderTargets.enumerated() {
            let column: Int
            switch target {
            case let .item(i): column = i
            case .expression:
                let e = orderExpressions[k]!
                if let i = selectExpressions.firstIndex(of: e) {
                    column = i
                } else {
                    if core.isDistinct {
                        throw TypeRules.error("with SELECT DISTINCT, ORDER BY expressions must appear in the select list", item.expression.range)
                    }
                    projection.append(e)
                    column = projection.count - 1
                }
            }
            let nullsFirst = item.nulls.map { $0 == .first } ?? !item.isDescending
            sortKeys.append(SortKey(column: column, isDescending: item.isDescending, nullsFirst: nullsFirst))
        }
        plan = .project(plan, projection)
        if core.isDistinct { plan = .distinct(plan) }
        if !sortKeys.isEmpty { plan = .sort(plan, sortKeys) }
        let limitValue = try limit.map { try constantCount($0, "LIMIT") }
        let offsetValue = try offset.map { try constantCount($0, "OFFSET") } ?? 0
        if limitValue != nil || offsetValue > 0 { plan = .limit(plan, limit: limitValue, offset: offsetValue) }
        if projection.count > items.count {
            plan = .project(plan, items.indices.map { .column($0, items[$0].bound.type, SourceRangeBox(SourceRange(0, 0))) })
        }
        return BoundQuery(plan: plan, names: items.map(\.name), types: selectExpressions.map(\.type))
    }

    /// Rewrites an expression to read the aggregation's output: group keys and aggregates become columns.
    private func afterAggregation(_ e: BoundExpression, keys: [BoundExpression]) throws -> BoundExpression {
        try e.rewritten { node in
            if let k = keys.firstIndex(of: node) { return .column(k, node.type, SourceRangeBox(SourceRange(0, 0))) }
            switch node {
            case let .aggregate(i, t): return .column(keys.count + i, t, SourceRangeBox(SourceRange(0, 0)))
            case let .column(_, _, box):
                let name = source.slice(box.range)
                throw TypeRules.error("column \"\(name)\" must appear in GROUP BY or be used in an aggregate function", box.range)
            default: return nil
            }
        }
    }

    /// A positive integer literal names a select item (1-based); other integers are errors.
    private func ordinal(_ e: Expression, count: Int, clause: String) throws -> Int? {
        guard case let .literal(.number(text)) = e.kind, !text.contains("."), !text.lowercased().contains("e") else { return nil }
        guard let k = Int(text), k >= 1, k <= count else {
            throw TypeRules.error("\(clause) position \(text) is not in the select list (1 to \(count))", e.range)
        }
        return k - 1
    }

    private func constantCount(_ e: Expression, _ clause: String) throws -> Int {
        let bound = try ExpressionBinder(scope: .empty, aggregates: nil, clause: clause).bind(e)
        guard case let .constant(.bigint(v), _) = bound, v >= 0 else {
            throw TypeRules.error("\(clause) needs a whole number of rows, 0 or more", e.range)
        }
        return Int(clamping: v)
    }

    /// A column's name for a bare column, else the expression as written.
    private func outputName(_ e: Expression) -> String {
        if case let .column(_, name) = e.kind { return name.name }
        return source.slice(e.range)
    }

    private static func noteJoinColumns(_ node: FromNode, into used: inout Set<Int>) {
        if case let .join(l, r, _, lk, rk, residual) = node {
            noteJoinColumns(l, into: &used)
            noteJoinColumns(r, into: &used)
            for e in lk + rk { e.collectColumns(into: &used) }
            residual?.collectColumns(into: &used)
        }
    }

    /// The plan for FROM, reading only `used` columns; `mapping` takes a virtual index to its output position.
    private func buildFrom(_ node: FromNode, used: Set<Int>, mapping: [Int: Int],
                           pushed: [Int: BoundExpression]) -> LogicalPlan {
        switch node {
        case .singleRow:
            return .singleRow
        case let .table(table, _, offset):
            let columns = used.filter { $0 >= offset && $0 < offset + table.schema.count }.sorted().map { $0 - offset }
            let scan = LogicalPlan.scan(table, columns: columns)
            guard let condition = pushed[offset] else { return scan }
            let start = used.filter { $0 < offset }.count
            return .filter(scan, condition.rewritten { n in
                if case let .column(i, t, box) = n { return .column((mapping[i] ?? i) - start, t, box) }
                return nil
            })
        case let .join(l, r, kind, lk, rk, residual):
            let leftBase = l.virtualRange.lowerBound
            let rightBase = r.virtualRange.lowerBound
            let leftStart = used.filter { $0 < leftBase }.count
            let rightStart = used.filter { $0 < rightBase }.count
            func local(_ e: BoundExpression, _ start: Int) -> BoundExpression {
                e.rewritten { n in
                    if case let .column(i, t, box) = n { return .column((mapping[i] ?? i) - start, t, box) }
                    return nil
                }
            }
            let join = JoinPlan(kind: kind, leftKeys: lk.map { local($0, leftStart) }, rightKeys: rk.map { local($0, rightStart) },
                                residual: residual.map { local($0, leftStart) })
            return .join(buildFrom(l, used: used, mapping: mapping, pushed: pushed),
                         buildFrom(r, used: used, mapping: mapping, pushed: pushed), join)
        }
    }
}
