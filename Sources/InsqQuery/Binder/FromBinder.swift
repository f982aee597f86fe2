import InsqStorage
import InsqSyntax

/// FROM after name resolution: tables at fixed offsets in one "virtual" column space, and bound joins.
indirect enum FromNode {
    case singleRow
    /// A table whose columns occupy virtual indices `offset ..< offset + table.schema.count`.
    case table(Table, alias: String, offset: Int)
    /// A derived table or WITH name: a bound relation at virtual indices `offset ..< offset + columns`.
    case relation(Relation, alias: String, offset: Int)
    /// The ON or USING condition refers to virtual indices.
    case join(FromNode, FromNode, kind: JoinKindPlan, condition: BoundExpression?)

    /// The virtual indices this node's output covers.
    var virtualRange: Range<Int> {
        switch self {
        case .singleRow: return 0..<0
        case let .table(t, _, offset): return offset..<(offset + t.schema.count)
        case let .relation(r, _, offset): return offset..<(offset + r.columns.count)
        case let .join(l, r, _, _):
            return l.virtualRange.lowerBound..<r.virtualRange.upperBound
        }
    }
}

/// Binds the FROM clause: looks up tables, builds the scope and splits join conditions into hash keys.
struct FromBinder {
    let binder: Binder

    func bind(_ reference: TableReference?) throws -> (FromNode, Scope) {
        guard let reference else { return (.singleRow, .empty) }
        var scope = Scope.empty
        let node = try bind(reference, scope: &scope)
        return (node, scope)
    }

    private func bind(_ reference: TableReference, scope: inout Scope) throws -> FromNode {
        switch reference {
        case let .table(name, alias):
            // A WITH name hides a stored table of the same name.
            if let relation = binder.commonTable(named: name.name) {
                return try add(relation, label: alias?.name ?? name.name, at: (alias ?? name).range, scope: &scope)
            }
            if let table = binder.catalog.table(named: name.name) {
                return try add(table, label: alias?.name ?? table.name, at: (alias ?? name).range, scope: &scope)
            }
            if let view = binder.catalog.view(named: name.name) {
                let relation = try binder.bindView(view, reference: name)
                return try add(relation, label: alias?.name ?? view.name, at: (alias ?? name).range, scope: &scope)
            }
            let known = binder.catalog.tableNames + binder.catalog.viewNames
            throw Diagnostic(phase: .binder,
                             message: "unknown table \"\(name.name)\"\(NameSuggestion.hint(for: name.name, among: known))",
                             range: name.range)
        case let .file(path, alias, range):
            let table = try binder.loadedTable(path, range: range)
            return try add(table, label: alias?.name ?? Binder.defaultAlias(forFile: path), at: alias?.range ?? range,
                           scope: &scope)
        case let .subquery(query, alias, range):
            // A derived table sees WITH names but not the columns of the tables beside it.
            let relation = try binder.bind(query)
            // An unnamed derived table's columns are reached by their names alone.
            let label = alias?.name ?? "unnamed_subquery\(scope.tables.count + 1)"
            return try add(relation, label: label, at: alias?.range ?? range, scope: &scope)
        case let .join(left, kind, right, condition, _):
            let leftNode = try bind(left, scope: &scope)
            return try join(leftNode, kind, right, condition, scope: &scope)
        }
    }

    /// Joins `right` to an already bound left side (a FROM item or a pipe's input).
    func join(_ leftNode: FromNode, _ kind: JoinKind, _ right: TableReference, _ condition: JoinCondition,
              scope: inout Scope) throws -> FromNode {
        do {
            let leftScope = scope
            var rightScope = Scope.empty
            rightScope.columns = []
            let rightNode = try bind(right, scope: &scope)
            let rightRange = rightNode.virtualRange
            rightScope.columns = scope.columns.filter { rightRange.contains($0.index) }
            rightScope.tables = Array(scope.tables.suffix(from: leftScope.tables.count))
            let planKind: JoinKindPlan = kind == .left ? .left : (kind == .cross ? .cross : .inner)
            var conjuncts: [BoundExpression] = []
            switch condition {
            case .none:
                break
            case let .on(e):
                let onBinder = ExpressionBinder(scope: scope, aggregates: nil, clause: "a JOIN condition", binder: binder)
                let bound = try TypeRules.boolean(try onBinder.bind(e), "ON", range: e.range)
                conjuncts = bound.conjuncts
            case let .using(names):
                for name in names {
                    let l = try leftScope.resolve(table: nil, name: name)
                    let r = try rightScope.resolve(table: nil, name: name)
                    conjuncts.append(try TypeRules.comparison(
                        .equal, .column(l.index, l.type, SourceRangeBox(name.range)),
                        .column(r.index, r.type, SourceRangeBox(name.range)), leftRange: name.range, rightRange: name.range))
                    // The right copy stays reachable as t.col, but `col` alone and `*` mean the left one.
                    if let k = scope.columns.firstIndex(where: { $0.index == r.index }) {
                        scope.columns[k].isMergedByUsing = true
                    }
                }
            }
            // The condition stays whole: the optimizer picks the join keys (join-graph extraction).
            return .join(leftNode, rightNode, kind: planKind, condition: BoundExpression.allOf(conjuncts))
        }
    }

    /// A pipe's input as the left side of `|> JOIN`: its columns keep their own qualifiers.
    func bindPipeJoin(_ input: Relation, _ kind: JoinKind, _ right: TableReference, _ condition: JoinCondition) throws -> (FromNode, Scope) {
        var scope = Scope.empty
        for (i, c) in input.columns.enumerated() {
            scope.columns.append(ScopeColumn(table: c.table, name: c.name, type: c.type, index: i))
            if let t = c.table, !scope.tables.contains(where: { $0.lowercased() == t.lowercased() }) { scope.tables.append(t) }
        }
        let leftNode = FromNode.relation(input, alias: "", offset: 0)
        let node = try join(leftNode, kind, right, condition, scope: &scope)
        return (node, scope)
    }

    private func checkUnique(_ label: String, at range: SourceRange, scope: Scope) throws {
        if scope.tables.contains(where: { $0.lowercased() == label.lowercased() }) {
            throw Diagnostic(phase: .binder,
                             message: "table name \"\(label)\" is used twice in FROM; give one of them an alias",
                             range: range)
        }
    }

    private func add(_ table: Table, label: String, at range: SourceRange, scope: inout Scope) throws -> FromNode {
        try checkUnique(label, at: range, scope: scope)
        let offset = scope.columns.count
        for (i, c) in table.schema.enumerated() {
            scope.columns.append(ScopeColumn(table: label, name: c.name, type: c.type, index: offset + i))
        }
        scope.tables.append(label)
        return .table(table, alias: label, offset: offset)
    }

    private func add(_ relation: Relation, label: String, at range: SourceRange, scope: inout Scope) throws -> FromNode {
        try checkUnique(label, at: range, scope: scope)
        let offset = scope.columns.count
        for (i, c) in relation.columns.enumerated() {
            scope.columns.append(ScopeColumn(table: label, name: c.name, type: c.type, index: offset + i))
        }
        scope.tables.append(label)
        return .relation(relation.aliased(label), alias: label, offset: offset)
    }
}
