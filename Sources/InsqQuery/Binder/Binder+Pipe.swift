import InsqStorage
import InsqSyntax

/// Pipe syntax: each operator takes the relation that comes in and yields a new one (GoogleSQL semantics).
extension Binder {
    func applyPipe(_ op: PipeOperator, to input: Relation) throws -> Relation {
        let scope = input.scope
        let none = SourceRangeBox(.init(0, 0))
        func passThrough(_ i: Int) -> BoundExpression { .column(i, input.columns[i].type, none) }
        switch op {
        case let .whereFilter(condition, _):
            let windows = WindowCollector()
            let binder = ExpressionBinder(scope: scope, aggregates: nil, clause: "|> WHERE", binder: self, windows: windows)
            let bound = try TypeRules.boolean(try binder.bind(condition), "WHERE", range: condition.range)
            let (plan, resolved) = windowed(input, windows, [bound])
            var filtered = LogicalPlan.filter(plan, resolved[0])
            if !windows.calls.isEmpty { filtered = .project(filtered, input.columns.indices.map(passThrough)) }
            return Relation(plan: filtered, columns: input.columns)
        case let .select(items, _):
            return try project(input, items, keepAll: false, clause: "|> SELECT")
        case let .extend(items, _):
            return try project(input, items, keepAll: true, clause: "|> EXTEND")
        case let .set(assignments, _):
            var expressions = input.columns.indices.map(passThrough)
            var columns = input.columns
            let windows = WindowCollector()
            let binder = ExpressionBinder(scope: scope, aggregates: nil, clause: "|> SET", binder: self, windows: windows)
            for a in assignments {
                let i = try columnIndex(a.name, in: input)
                let value = try binder.bind(a.value)
                expressions[i] = value
                columns[i].type = value.type == .null ? columns[i].type : value.type
                if value.type == .null { expressions[i] = .constant(.null, columns[i].type) }
            }
            let (plan, resolved) = windowed(input, windows, expressions)
            return Relation(plan: .project(plan, resolved), columns: columns)
        case let .drop(names, range):
            var keep = Array(input.columns.indices)
            for name in names {
                let i = try columnIndex(name, in: input)
                keep.removeAll { $0 == i }
            }
            guard !keep.isEmpty else { throw TypeRules.error("|> DROP would leave no columns", range) }
            return Relation(plan: .project(input.plan, keep.map(passThrough)), columns: keep.map { input.columns[$0] })
        case let .rename(pairs, _):
            var columns = input.columns
            for pair in pairs { columns[try columnIndex(pair.old, in: input)].name = pair.new.name }
            return Relation(plan: input.plan, columns: columns)
        case let .alias(name, _):
            return input.aliased(name.name)
        case let .aggregate(aggregateItems, groupItems, range):
            return try aggregate(input, aggregateItems, groupItems, range: range)
        case let .orderBy(items, range):
            _ = range
            return try orderAndLimit(input, orderBy: items, limit: nil, offset: nil)
        case let .limit(limit, offset, _):
            return Relation(plan: try limited(input.plan, limit: limit, offset: offset), columns: input.columns)
        case let .join(kind, reference, condition, _):
            let (from, joinedScope) = try FromBinder(binder: self).bindPipeJoin(input, kind, reference, condition)
            return relation(of: from, scope: joinedScope)
        case let .setOperation(op, isAll, query, range):
            return try setOperation(input, op, isAll, try bind(query), range: range)
        case .distinct:
            return Relation(plan: .distinct(input.plan), columns: input.columns)
        }
    }

    /// The index of a named column of the relation (unqualified), with a suggestion when unknown.
    private func columnIndex(_ name: Identifier, in relation: Relation) throws -> Int {
        let key = name.name.lowercased()
        let matches = relation.columns.indices.filter { relation.columns[$0].name.lowercased() == key }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw TypeRules.error("column \"\(name.name)\" is ambiguous here", name.range) }
        throw TypeRules.error("unknown column \"\(name.name)\"\(NameSuggestion.hint(for: name.name, among: relation.names))", name.range)
    }

    /// Adds window results after the input's columns and resolves the placeholders in `expressions`.
    private func windowed(_ input: Relation, _ windows: WindowCollector, _ expressions: [BoundExpression]) -> (LogicalPlan, [BoundExpression]) {
        if windows.calls.isEmpty { return (input.plan, expressions) }
        let count = input.columns.count
        let resolved = expressions.map { e in
            e.rewritten { node in
                if case let .windowResult(i, t) = node { return .column(count + i, t, SourceRangeBox(.init(0, 0))) }
                return nil
            }
        }
        return (.window(input.plan, windows.calls), resolved)
    }

    /// `|> SELECT` and `|> EXTEND`: no aggregates (that is what `|> AGGREGATE` is for); window functions allowed.
    private func project(_ input: Relation, _ items: [SelectItem], keepAll: Bool, clause: String) throws -> Relation {
        let scope = input.scope
        let windows = WindowCollector()
        let binder = ExpressionBinder(scope: scope, aggregates: nil, clause: "\(clause) (use |> AGGREGATE for aggregates)",
                                      binder: self, windows: windows)
        var expressions: [BoundExpression] = []
        var columns: [RelationColumn] = []
        if keepAll {
            for (i, c) in input.columns.enumerated() {
                expressions.append(.column(i, c.type, SourceRangeBox(.init(0, 0))))
                columns.append(c)
            }
        }
        for item in items {
            switch item {
            case .star:
                for (i, c) in input.columns.enumerated() {
                    expressions.append(.column(i, c.type, SourceRangeBox(.init(0, 0))))
                    columns.append(c)
                }
            case let .qualifiedStar(table, _):
                let t = table.name.lowercased()
                let picked = input.columns.indices.filter { input.columns[$0].table?.lowercased() == t }
                if picked.isEmpty {
                    throw TypeRules.error("unknown table \"\(table.name)\"\(NameSuggestion.hint(for: table.name, among: scope.tables))", table.range)
                }
                for i in picked {
                    expressions.append(.column(i, input.columns[i].type, SourceRangeBox(.init(0, 0))))
                    columns.append(input.columns[i])
                }
            case let .expression(e, alias):
                var bound = try binder.bind(e)
                if bound.type == .null { bound = .constant(.null, .text) }
                var table: String? = nil
                if alias == nil, case let .column(i, _, _) = bound { table = input.columns[i].table }
                expressions.append(bound)
                columns.append(RelationColumn(table: table, name: alias?.name ?? outputName(e), type: bound.type))
            }
        }
        let (plan, resolved) = windowed(input, windows, expressions)
        return Relation(plan: .project(plan, resolved), columns: columns)
    }

    /// `|> AGGREGATE aggs GROUP BY keys`: output is the keys, then the aggregates.
    private func aggregate(_ input: Relation, _ aggregateItems: [SelectItem], _ groupItems: [SelectItem],
                           range: SourceRange) throws -> Relation {
        let scope = input.scope
        let keyBinder = ExpressionBinder(scope: scope, aggregates: nil, clause: "GROUP BY", binder: self)
        var keys: [BoundExpression] = []
        var columns: [RelationColumn] = []
        for item in groupItems {
            guard case let .expression(e, alias) = item else { throw TypeRules.error("GROUP BY takes expressions, not *", range) }
            let bound = try keyBinder.bind(e)
            keys.append(bound)
            var table: String? = nil
            if alias == nil, case let .column(i, _, _) = bound { table = input.columns[i].table }
            columns.append(RelationColumn(table: table, name: alias?.name ?? outputName(e), type: bound.type))
        }
        let collector = AggregateCollector()
        let aggregateBinder = ExpressionBinder(scope: scope, aggregates: collector, clause: "|> AGGREGATE", binder: self)
        var outputs: [BoundExpression] = keys.indices.map { .column($0, keys[$0].type, SourceRangeBox(.init(0, 0))) }
        for item in aggregateItems {
            guard case let .expression(e, alias) = item else { throw TypeRules.error("|> AGGREGATE takes expressions, not *", range) }
            let bound = try afterAggregation(try aggregateBinder.bind(e), keys: keys)
            outputs.append(bound)
            columns.append(RelationColumn(table: nil, name: alias?.name ?? outputName(e), type: bound.type))
        }
        let plan = LogicalPlan.project(.aggregate(input.plan, keys: keys, aggregates: collector.calls), outputs)
        return Relation(plan: plan, columns: columns)
    }
}
