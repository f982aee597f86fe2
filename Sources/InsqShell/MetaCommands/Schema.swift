import InsqStorage
import InsqSyntax

/// `.schema [TABLE]`: each column's name, type and meaning.
///
/// Plain aligned lines rather than a boxed table: meanings are sentences, and a terminal that wraps them
/// should not break a frame.
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
            output.write(Self.schemaText(of: table))
        }
    }

    /// `name: N rows`, the table's description, then `  column  TYPE  meaning` lines.
    static func schemaText(of table: Table) -> String {
        var text = "\(table.name): \(CellText.rowCount(table.rowCount))\n"
        if let description = SchemaDescriptions.meaning(table: table.name) {
            text += "  " + description + "\n"
        }
        let nameWidth = table.schema.map { DisplayWidth.of($0.name) }.max() ?? 0
        let typeWidth = table.schema.map { $0.type.description.count }.max() ?? 0
        for column in table.schema {
            let type = column.type.description
            var line = "  " + column.name + String(repeating: " ", count: nameWidth - DisplayWidth.of(column.name) + 2)
            if let meaning = SchemaDescriptions.meaning(table: table.name, column: column.name) {
                line += type + String(repeating: " ", count: typeWidth - type.count + 2) + meaning
            } else {
                line += type
            }
            text += line + "\n"
        }
        return text
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
