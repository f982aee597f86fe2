import InsqStorage
import InsqSyntax

/// CREATE TABLE, CREATE VIEW and DROP.
extension StatementContext {
    func createTable(_ create: CreateTableStatement) throws -> StatementOutcome {
        let name = create.name
        let existing = kind(of: name.name)
        if existing == .view {
            throw Self.error("cannot create table \"\(name.name)\": a view of that name exists", name.range)
        }
        if existing == .table {
            switch create.mode {
            case .failIfExists: throw Self.error("table \"\(name.name)\" already exists", name.range)
            case .skipIfExists:
                return .catalogChanged(catalog, message: "table \(name.name) already exists; nothing done", changed: [])
            case .replace: break
            }
        }
        let table: Table
        var detail = ""
        switch create.contents {
        case let .columns(definitions):
            table = try emptyTable(named: name.name, definitions)
        case let .query(query):
            let result = try run(query)
            try Self.checkDistinctNames(result.schema.map(\.name), range: query.range)
            table = Table(name: name.name, schema: result.schema, columns: result.columns)
            detail = " (\(Self.rows(result.rowCount)))"
        }
        var updated = catalog
        updated.add(table)
        let verb = existing == nil ? "created" : "replaced"
        return .catalogChanged(updated, message: "\(verb) table \(name.name)\(detail)", changed: [name.name])
    }

    private func emptyTable(named name: String, _ definitions: [ColumnDefinition]) throws -> Table {
        var schema: [ColumnSchema] = []
        for definition in definitions {
            let columnName = definition.name.name
            if schema.contains(where: { $0.name.lowercased() == columnName.lowercased() }) {
                throw Self.error("column \"\(columnName)\" is defined twice", definition.name.range)
            }
            schema.append(ColumnSchema(name: columnName, type: try TypeRules.resolve(definition.type),
                                       isNotNull: definition.isNotNull))
        }
        return Table(name: name, schema: schema, columns: schema.map { Column.nulls(type: $0.type, count: 0) })
    }

    /// A new view is bound against the catalog that already holds it, so that one reading itself (directly
    /// or through another view) is refused now rather than each time it is used.
    func createView(_ create: CreateViewStatement) throws -> StatementOutcome {
        let name = create.name
        let existing = kind(of: name.name)
        if existing == .table {
            throw Self.error("cannot create view \"\(name.name)\": a table of that name exists", name.range)
        }
        if existing == .view {
            switch create.mode {
            case .failIfExists: throw Self.error("view \"\(name.name)\" already exists", name.range)
            case .skipIfExists:
                return .catalogChanged(catalog, message: "view \(name.name) already exists; nothing done", changed: [])
            case .replace: break
            }
        }
        var updated = catalog
        updated.add(ViewDefinition(name: name.name, sql: source.slice(create.query.range)))
        let relation = try binder(for: updated, expandingViews: [name.name.lowercased()]).bind(create.query)
        try Self.checkDistinctNames(relation.names, range: create.query.range)
        let verb = existing == nil ? "created" : "replaced"
        return .catalogChanged(updated, message: "\(verb) view \(name.name)", changed: [name.name])
    }

    func drop(_ drop: DropStatement) throws -> StatementOutcome {
        let name = drop.name
        let word = drop.kind.rawValue
        switch kind(of: name.name) {
        case drop.kind?:
            var updated = catalog
            let stored: String
            if drop.kind == .table {
                stored = catalog.table(named: name.name)?.name ?? name.name
                updated.remove(named: name.name)
            } else {
                stored = catalog.view(named: name.name)?.name ?? name.name
                updated.removeView(named: name.name)
            }
            return .catalogChanged(updated, message: "dropped \(word) \(stored)", changed: [stored])
        case let other?:
            throw Self.error("\"\(name.name)\" is a \(other.rawValue), not a \(word); use DROP \(other.rawValue.uppercased())",
                             name.range)
        case nil:
            if drop.ifExists {
                return .catalogChanged(catalog, message: "no \(word) \(name.name); nothing done", changed: [])
            }
            let candidates = drop.kind == .table ? catalog.tableNames : catalog.viewNames
            throw Self.error("unknown \(word) \"\(name.name)\"\(NameSuggestion.hint(for: name.name, among: candidates))",
                             name.range)
        }
    }

    /// A stored table or view needs one name per column, or its columns could not all be named.
    static func checkDistinctNames(_ names: [String], range: SourceRange) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name.lowercased()).inserted {
            throw error("the query has two columns named \"\(name)\"; rename one with AS", range)
        }
    }
}
