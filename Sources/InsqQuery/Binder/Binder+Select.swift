import InsqStorage
import InsqSyntax

extension Binder {
    /// One select-list entry after `*` expansion.
    struct Item {
        var ast: Expression?
        var bound: BoundExpression
        var name: String
        var alias: String?
        var table: String? = nil
    }

    func bindSelect(_ core: SelectCore, orderBy: [OrderItem], limit: Expression?, offset: Expression?) throws -> Relation {
        let (from, scope) = try FromBinder(binder: self).bind(core.from)
        let collector = AggregateCollector()
        let windows = WindowCollector()
        let withAggregates = ExpressionBinder(scope: scope, aggregates: collector, clause: "this clause", binder: self, windows: windows)

        var items: [Item] = []
        for item in core.items {
            switch item {
            case let .star(range):
                let visible = scope.columns.filter { !$0.isMergedByUsing }
                if visible.isEmpty { throw TypeRules.error("SELECT * needs a FROM clause", range) }
                for c in visible {
                    items.append(Item(ast: nil, bound: .column(c.index, c.type, SourceRangeBox(range)), name: c.name, table: c.table))
                }
            case let .qualifiedStar(table, range):
                let t = table.name.lowercased()
                guard scope.tables.contains(where: { $0.lowercased() == t }) else {
                    throw TypeRules.error("unknown table \"\(table.name)\"\(NameSuggestion.hint(for: table.name, among: scope.tables))", table.range)
                }
                for c in scope.columns where c.table?.lowercased() == t {
                    items.append(Item(ast: nil, bound: .column(c.index, c.type, SourceRangeBox(range)), name: c.name, table: c.table))
                }
            case let .expression(e, alias):
                let bound = try withAggregates.bind(e)
                var table: String? = nil
                if alias == nil, case let .column(i, _, _) = bound { table = scope.columns.first { $0.index == i }?.table }
                items.append(Item(ast: e, bound: bound, name: alias?.name ?? outputName(e), alias: alias?.name, table: table))
            }
        }

        // Clauses bind in the order they are written, so the first error reported is the first in the text.
        let whereBound = try core.whereClause.map { w in
            try TypeRules.boolean(try ExpressionBinder(scope: scope, aggregates: nil, clause: "WHERE", binder: self).bind(w), "WHERE", range: w.range)
        }

        // GROUP BY may name a select item by position or alias, as SQLite and DuckDB allow.
        let groupBinder = ExpressionBinder(scope: scope, aggregates: nil, clause: "GROUP BY", binder: self)
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

        let havingBinder = ExpressionBinder(scope: scope, aggregates: collector, clause: "HAVING", binder: self)
        let havingBound = try core.having.map { h in try TypeRules.boolean(try havingBinder.bind(h), "HAVING", range: h.range) }

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
        let aggregates = collector.calls

        if isAggregating {
            let rewrite = { (e: BoundExpression) throws -> BoundExpression in try self.afterAggregation(e, keys: keys) }
            selectExpressions = try selectExpressions.map(rewrite)
            having = try having.map(rewrite)
            orderExpressions = try orderExpressions.map { try $0.map(rewrite) }
            try windows.replaceAll { try $0.rewritten(rewrite) }
        } else if let h = core.having {
            throw TypeRules.error("HAVING needs GROUP BY or an aggregate", h.range)
        }

        var plan = buildFrom(from)
        if let w = whereBound { plan = .filter(plan, w) }
        if isAggregating {
            plan = .aggregate(plan, keys: keys, aggregates: aggregates)
            if let h = having { plan = .filter(plan, h) }
        }

        // Window functions run after grouping: their results follow the input's columns.
        if !windows.calls.isEmpty {
            let inputCount = isAggregating ? keys.count + aggregates.count : scope.columns.count
            plan = .window(plan, windows.calls)
            let toColumn = { (e: BoundExpression) -> BoundExpression in
                e.rewritten { node in
                    if case let .windowResult(i, t) = node { return .column(inputCount + i, t, SourceRangeBox(.init(0, 0))) }
                    return nil
                }
            }
            selectExpressions = selectExpressions.map(toColumn)
            orderExpressions = orderExpressions.map { $0.map(toColumn) }
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
        plan = try limited(plan, limit: limit, offset: offset)
        if projection.count > items.count {
            plan = .project(plan, items.indices.map { .column($0, items[$0].bound.type, SourceRangeBox(SourceRange(0, 0))) })
        }
        let columns = zip(items, selectExpressions).map { RelationColumn(table: $0.table, name: $0.name, type: $1.type) }
        return Relation(plan: plan, columns: columns)
    }

}
