import InsqStorage
import InsqSyntax

/// INSERT: rows checked against the table's column types, converted, and appended to a new copy of the table.
extension StatementContext {
    func insert(_ insert: InsertStatement) throws -> StatementOutcome {
        let table = try insertTarget(insert.table)
        let targets = try targetColumns(insert, of: table)
        let rows: [Column]
        switch insert.source {
        case let .values(values):
            rows = try valuesColumns(values, table: table, targets: targets, listsColumns: !insert.columns.isEmpty)
        case let .query(query):
            rows = try queryColumns(query, table: table, targets: targets, listsColumns: !insert.columns.isEmpty)
        }
        let count = rows.first?.count ?? 0
        var columns: [Column] = []
        for (index, column) in table.schema.enumerated() {
            let added: Column
            if let position = targets.firstIndex(of: index) {
                added = rows[position]
            } else {
                if column.isNotNull, count > 0 {
                    throw Diagnostic(phase: .execution,
                                     message: "row 1, column \"\(column.name)\": NULL in a NOT NULL column (the INSERT gives it no value)",
                                     range: insert.table.range)
                }
                added = Column.nulls(type: column.type, count: count)
            }
            columns.append(table.columns[index].appending(added))
        }
        var updated = catalog
        updated.add(Table(name: table.name, schema: table.schema, columns: columns))
        return .catalogChanged(updated, message: "inserted \(Self.rows(count)) into \(table.name)", changed: [table.name])
    }

    private func insertTarget(_ name: Identifier) throws -> Table {
        if let table = catalog.table(named: name.name) { return table }
        if catalog.view(named: name.name) != nil {
            throw Self.error("cannot insert into view \"\(name.name)\"; a view has no rows of its own", name.range)
        }
        throw Self.error("unknown table \"\(name.name)\"\(NameSuggestion.hint(for: name.name, among: catalog.tableNames))",
                         name.range)
    }

    /// The table's column index for each value of a row: the listed columns, or all of them in order.
    private func targetColumns(_ insert: InsertStatement, of table: Table) throws -> [Int] {
        guard !insert.columns.isEmpty else { return Array(table.schema.indices) }
        var targets: [Int] = []
        for name in insert.columns {
            guard let index = table.columnIndex(name.name) else {
                let hint = NameSuggestion.hint(for: name.name, among: table.schema.map(\.name))
                throw Self.error("unknown column \"\(name.name)\" in \(table.name)\(hint)", name.range)
            }
            if targets.contains(index) { throw Self.error("column \"\(name.name)\" is listed twice", name.range) }
            targets.append(index)
        }
        return targets
    }

    /// "but t has 2 columns" or "but 2 columns are listed", for a count that does not match.
    private static func expectedCount(_ targets: [Int], table: Table, listsColumns: Bool) -> String {
        listsColumns ? "but \(targets.count) column\(targets.count == 1 ? " is" : "s are") listed"
            : "but \(table.name) has \(targets.count) column\(targets.count == 1 ? "" : "s")"
    }

    /// All rows are bound (and their types checked) before any is computed, so a type error anywhere is
    /// reported before a value that does not fit.
    private func valuesColumns(_ rows: [ValuesRow], table: Table, targets: [Int], listsColumns: Bool) throws -> [Column] {
        let binder = binder()
        let valueBinder = ExpressionBinder(scope: .empty, aggregates: nil, clause: "VALUES", binder: binder)
        var bound: [[BoundExpression]] = []
        for (number, row) in rows.enumerated() {
            guard row.values.count == targets.count else {
                let values = row.values.count == 1 ? "1 value" : "\(row.values.count) values"
                throw Self.error("row \(number + 1) has \(values), \(Self.expectedCount(targets, table: table, listsColumns: listsColumns))",
                                 row.range)
            }
            var boundRow: [BoundExpression] = []
            for (position, value) in row.values.enumerated() {
                let expression = try valueBinder.bind(value)
                let column = table.schema[targets[position]]
                guard InsertConversion.isAssignable(expression, to: column.type) else {
                    throw Self.error("column \"\(column.name)\" is \(column.type) but the value is \(expression.type)", value.range)
                }
                boundRow.append(expression)
            }
            bound.append(boundRow)
        }
        var builders = targets.map { ColumnBuilder(type: table.schema[$0].type, capacity: rows.count) }
        for (number, row) in bound.enumerated() {
            let values = try evaluate(row)
            for position in row.indices {
                let column = table.schema[targets[position]]
                let range = rows[number].values[position].range
                let value: Value
                do {
                    value = try InsertConversion.convert(values[position], from: row[position].type, to: column.type)
                } catch let failure as ExecutionError {
                    throw Self.rowError(number, column, failure.message, range)
                }
                if value.isNull, column.isNotNull { throw Self.rowError(number, column, "NULL in a NOT NULL column", range) }
                builders[position].append(value)
            }
        }
        return builders.map { $0.build() }
    }

    /// The values of one row: constants as they are, anything else computed (a scalar subquery, say).
    private func evaluate(_ row: [BoundExpression]) throws -> [Value] {
        let computed = row.filter { !$0.isConstant }
        var results: [Value] = []
        if !computed.isEmpty {
            let relation = Relation(plan: .project(.singleRow, computed),
                                    columns: computed.map { RelationColumn(table: nil, name: "", type: $0.type) })
            let result = try QueryEngine.materialize(relation, range: SourceRange(0, 0), cancellation: cancellation,
                                                     settings: settings)
            results = result.columns.map { $0.value(at: 0) }
        }
        var next = 0
        return row.map { expression in
            if case let .constant(value, _) = expression { return value }
            defer { next += 1 }
            return results[next]
        }
    }

    private func queryColumns(_ query: Query, table: Table, targets: [Int], listsColumns: Bool) throws -> [Column] {
        let relation = try binder().bind(query)
        guard relation.columns.count == targets.count else {
            let given = relation.columns.count == 1 ? "1 column" : "\(relation.columns.count) columns"
            throw Self.error("the query gives \(given), \(Self.expectedCount(targets, table: table, listsColumns: listsColumns))",
                             query.range)
        }
        for (position, type) in relation.types.enumerated() {
            let column = table.schema[targets[position]]
            guard InsertConversion.isAssignable(type, to: column.type) else {
                throw Self.error("column \"\(column.name)\" is \(column.type) but the query's column \(position + 1) is \(type)",
                                 Self.itemRange(query, position, count: targets.count))
            }
        }
        let result = try QueryEngine.materialize(relation, range: query.range, cancellation: cancellation,
                                                 settings: settings)
        var columns: [Column] = []
        for (position, type) in relation.types.enumerated() {
            let column = table.schema[targets[position]]
            let converted: Column
            do {
                converted = try InsertConversion.convert(result.columns[position], from: type, to: column.type)
            } catch let failure as InsertConversion.RowFailure {
                throw Self.rowError(failure.row, column, failure.message, query.range)
            }
            if column.isNotNull, let row = (0..<converted.count).first(where: converted.isNull) {
                throw Self.rowError(row, column, "NULL in a NOT NULL column", query.range)
            }
            columns.append(converted)
        }
        return columns
    }

    /// The select item that gives column `position`, when the query is a plain SELECT without `*`.
    private static func itemRange(_ query: Query, _ position: Int, count: Int) -> SourceRange {
        guard case let .select(core) = query.body, core.items.count == count,
              case let .expression(expression, _) = core.items[position] else { return query.range }
        return expression.range
    }

    private static func rowError(_ row: Int, _ column: ColumnSchema, _ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(phase: .execution, message: "row \(row + 1), column \"\(column.name)\": \(message)", range: range)
    }
}
