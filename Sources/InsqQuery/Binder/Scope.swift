import InsqStorage
import InsqSyntax

/// One column visible to expressions: which table (or alias) it comes from, its name, type and position.
struct ScopeColumn {
    var table: String?
    var name: String
    var type: DataType
    var index: Int
    /// The right-hand copy of a USING column: found only when qualified, left out of `*`.
    var isMergedByUsing = false
}

/// The columns an expression may name, and how to find one by (qualified) name.
struct Scope {
    var columns: [ScopeColumn]
    /// Table names or aliases in FROM order (for error messages and `t.*`).
    var tables: [String]

    static let empty = Scope(columns: [], tables: [])

    func resolve(table: Identifier?, name: Identifier) throws -> ScopeColumn {
        let key = name.name.lowercased()
        if let table {
            let t = table.name.lowercased()
            guard tables.contains(where: { $0.lowercased() == t }) else {
                // With a single table in FROM, its name is the only sensible hint, however short.
                let hint = tables.count == 1 ? "; did you mean \"\(tables[0])\"?" : NameSuggestion.hint(for: table.name, among: tables)
                throw Diagnostic(phase: .binder, message: "unknown table \"\(table.name)\"\(hint)", range: table.range)
            }
            let inTable = columns.filter { $0.table?.lowercased() == t }
            if let c = inTable.first(where: { $0.name.lowercased() == key }) { return c }
            throw Diagnostic(phase: .binder,
                             message: "unknown column \"\(name.name)\" in \(table.name)\(NameSuggestion.hint(for: name.name, among: inTable.map(\.name)))",
                             range: name.range)
        }
        let matches = columns.filter { $0.name.lowercased() == key && !$0.isMergedByUsing }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let owners = matches.compactMap(\.table).map { "\($0).\(name.name)" }.joined(separator: ", ")
            throw Diagnostic(phase: .binder,
                             message: "column \"\(name.name)\" is ambiguous; qualify it as one of \(owners)",
                             range: name.range)
        }
        let whereText = tables.count == 1 ? " in \(tables[0])" : ""
        throw Diagnostic(phase: .binder,
                         message: "unknown column \"\(name.name)\"\(whereText)\(NameSuggestion.hint(for: name.name, among: columns.map(\.name)))",
                         range: name.range)
    }
}
