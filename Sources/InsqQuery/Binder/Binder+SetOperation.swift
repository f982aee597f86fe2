import InsqStorage
import InsqSyntax

extension Binder {
    /// `left UNION|EXCEPT|INTERSECT [ALL] right`: same number of columns; each column takes the common
    /// type of both sides; names come from the left.
    func bindSetOperation(_ left: Query, _ op: SetOperator, _ isAll: Bool, _ right: Query, range: SourceRange) throws -> Relation {
        try setOperation(try bind(left), op, isAll, try bind(right), range: range)
    }

    func setOperation(_ l: Relation, _ op: SetOperator, _ isAll: Bool, _ r: Relation, range: SourceRange) throws -> Relation {
        let name = op == .union ? "UNION" : (op == .except ? "EXCEPT" : "INTERSECT")
        guard l.columns.count == r.columns.count else {
            throw TypeRules.error("each side of \(name) must have the same number of columns (\(l.columns.count) and \(r.columns.count))", range)
        }
        var types: [DataType] = []
        for (i, (a, b)) in zip(l.columns, r.columns).enumerated() {
            if a.type == b.type || b.type == .null { types.append(a.type == .null ? .text : a.type); continue }
            if a.type == .null { types.append(b.type); continue }
            guard let t = TypeRules.commonNumeric(a.type, b.type) else {
                throw TypeRules.error("column \(i + 1) of \(name) is \(a.type) on the left and \(b.type) on the right", range)
            }
            types.append(t)
        }
        let kind: SetOperationKind = op == .union ? .union : (op == .except ? .except : .intersect)
        let plan = LogicalPlan.setOperation(try cast(l, to: types, range: range), try cast(r, to: types, range: range), kind, isAll: isAll)
        let columns = zip(l.columns, types).map { RelationColumn(table: nil, name: $0.name, type: $1) }
        return Relation(plan: plan, columns: columns)
    }

    /// The relation's plan with columns cast to `types` where they differ.
    private func cast(_ relation: Relation, to types: [DataType], range: SourceRange) throws -> LogicalPlan {
        if relation.types == types { return relation.plan }
        let projection = try relation.columns.indices.map { i in
            try TypeRules.coerce(.column(i, relation.columns[i].type, SourceRangeBox(range)), to: types[i], range: range)
        }
        return .project(relation.plan, projection)
    }

    /// `FROM table_ref` as a query: every column (a USING column once), qualified by its table.
    func bindFromQuery(_ reference: TableReference) throws -> Relation {
        let (from, scope) = try FromBinder(binder: self).bind(reference)
        return relation(of: from, scope: scope)
    }

    /// Every visible column of a FROM tree as a relation.
    func relation(of from: FromNode, scope: Scope) -> Relation {
        let visible = scope.columns.filter { !$0.isMergedByUsing }
        var plan = buildFrom(from)
        if visible.count != scope.columns.count {
            plan = .project(plan, visible.map { BoundExpression.input($0.index, $0.type) })
        }
        return Relation(plan: plan, columns: visible.map { RelationColumn(table: $0.table, name: $0.name, type: $0.type) })
    }
}
