import InsqStorage
import InsqSyntax

/// `.tables`: every table with its size — rows, columns, bytes in memory and per row — then the views.
///
/// Plain aligned columns rather than a boxed table, like `.schema`: it is a listing, not a query result.
extension Session {
    func listTables<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        if let command = MetaCommand.named("tables") {
            try Self.expectArguments(arguments, count: 0, for: command)
        }
        output.write(Self.tablesText(catalog))
    }

    static func tablesText(_ catalog: Catalog) -> String {
        let header = ["name", "kind", "rows", "columns", "memory", "bytes/row"]
        var rows: [[String]] = catalog.tables.map { table in
            let perRow = table.rowCount > 0 ? CellText.grouped((table.byteSize + table.rowCount / 2) / table.rowCount) : "-"
            return [table.name, "table", CellText.grouped(table.rowCount), String(table.schema.count),
                    ByteCount.text(table.byteSize), perRow]
        }
        rows += catalog.views.map { [$0.name, "view", "", "", "", ""] }
        guard !rows.isEmpty else { return "no tables\n" }
        let widths = header.indices.map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        // Name and kind read left to right; the counts line up on their last digit.
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                if column > 0 { text += "  " }
                text += column < 2 ? cell + padding : padding + cell
            }
            return text.trimmingBlanksAtEnd() + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}

extension String {
    /// Without trailing spaces, which a view's empty size columns would leave.
    func trimmingBlanksAtEnd() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
