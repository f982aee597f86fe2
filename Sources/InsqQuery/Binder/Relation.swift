import InsqStorage

/// A column of a bound relation: the table name or alias that qualifies it (if any), its name and type.
struct RelationColumn: Hashable {
    var table: String?
    var name: String
    var type: DataType
}

/// A bound query or table expression: the plan that computes it and the columns it yields.
struct Relation {
    var plan: LogicalPlan
    var columns: [RelationColumn]

    var names: [String] { columns.map(\.name) }
    var types: [DataType] { columns.map(\.type) }

    /// The columns as a scope for expressions over this relation's output.
    var scope: Scope {
        var tables: [String] = []
        for c in columns {
            if let t = c.table, !tables.contains(where: { $0.lowercased() == t.lowercased() }) { tables.append(t) }
        }
        return Scope(columns: columns.enumerated().map { ScopeColumn(table: $1.table, name: $1.name, type: $1.type, index: $0) },
                     tables: tables)
    }

    /// The same rows with every column qualified by `alias`.
    func aliased(_ alias: String) -> Relation {
        Relation(plan: plan, columns: columns.map { RelationColumn(table: alias, name: $0.name, type: $0.type) })
    }
}
