import InsqStorage

/// `.schema [TABLE]`: each column's name, type and meaning.
extension Session {
    func showSchema<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        let tables: [Table]
        switch arguments.count {
        case 0:
            tables = catalog.tables
        case 1:
            guard let table = catalog.table(named: arguments[0]) else {
                throw MetaCommandError(message: unknownTableMessage(arguments[0]))
            }
            tables = [table]
        default:
            throw MetaCommandError(message: "usage: .schema [TABLE]")
        }
        for (index, table) in tables.enumerated() {
            if index > 0 { output.write("\n") }
            var title = "\(table.name): \(CellText.rowCount(table.rowCount))"
            if let meaning = SchemaDescriptions.meaning(table: table.name) { title += " — " + meaning }
            output.write(title + "\n")
            let meanings = table.schema.map { SchemaDescriptions.meaning(table: table.name, column: $0.name) ?? "" }
            TableRenderer(showsRowCount: false).render(
                headers: ["column", "type", "meaning"], rightAligned: [false, false, false],
                rowCount: table.schema.count,
                cell: { row, column in
                    switch column {
                    case 0: return table.schema[row].name
                    case 1: return table.schema[row].type.description
                    default: return meanings[row]
                    }
                },
                to: &output)
        }
    }

    /// `no table named "x"`, with the nearest table name when one is close.
    func unknownTableMessage(_ name: String) -> String {
        var message = "no table named \"\(name)\""
        if let nearest = NameSuggestion.nearest(to: name, in: catalog.tableNames) {
            message += "; did you mean \"\(nearest)\"?"
        } else if !catalog.tables.isEmpty {
            message += " (tables: " + catalog.tableNames.joined(separator: ", ") + ")"
        }
        return message
    }
}
