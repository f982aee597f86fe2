/// The dump of the statements that change the catalog or write a file, and of EXPLAIN.
extension ASTDumpWriter {
    mutating func createTable(_ create: CreateTableStatement) {
        line(0, "CreateTable " + ASTDumpWriter.createMode(create.mode) + ASTDumpWriter.name(create.name), create.range)
        switch create.contents {
        case let .columns(columns):
            for column in columns {
                let parameters = column.type.parameters.isEmpty
                    ? "" : "(" + column.type.parameters.map(String.init).joined(separator: ",") + ")"
                let label = "ColumnDefinition " + ASTDumpWriter.name(column.name) + " " + column.type.name + parameters
                line(1, label + (column.isNotNull ? " NOT NULL" : ""), column.range)
            }
        case let .query(query):
            self.query(query, depth: 1)
        }
    }

    mutating func insert(_ insert: InsertStatement) {
        line(0, "Insert " + ASTDumpWriter.name(insert.table), insert.range)
        if !insert.columns.isEmpty {
            line(1, "Columns " + insert.columns.map(ASTDumpWriter.name).joined(separator: ", "))
        }
        switch insert.source {
        case let .values(rows):
            line(1, "Values")
            for row in rows {
                line(2, "Row", row.range)
                for value in row.values { expression(value, depth: 3) }
            }
        case let .query(query):
            self.query(query, depth: 1)
        }
    }

    mutating func copy(_ copy: CopyStatement) {
        line(0, "Copy", copy.range)
        switch copy.source {
        case let .table(name): line(1, "Table " + ASTDumpWriter.name(name), name.range)
        case let .query(query): self.query(query, depth: 1)
        }
        line(1, "To " + ASTDumpWriter.quotedLiteral(copy.path), copy.pathRange)
        for option in copy.options {
            var label = "Option " + ASTDumpWriter.name(option.name)
            switch option.value {
            case let .literal(literal, _)?: label += " " + ASTDumpWriter.literal(literal)
            case let .name(name)?: label += " " + ASTDumpWriter.name(name)
            case nil: break
            }
            line(1, label, option.range)
        }
    }

    mutating func explain(_ explain: ExplainStatement) {
        var label = "Explain"
        if explain.isAnalyze { label += explain.showsTiming ? " ANALYZE" : " ANALYZE TIMING OFF" }
        line(0, label, explain.range)
        query(explain.query, depth: 1)
    }
}
