/// Entry points of the parser: text in, AST or the first diagnostic out.
public enum SQLParser {
    /// Parses every statement in `source` (separated by `;`, empty statements skipped); throws the first
    /// `Diagnostic` (a lexer or parser error). Source ranges in the AST are byte offsets into `source`.
    public static func parseStatements(_ source: SourceText) throws -> [Statement] {
        var parser = Parser(source)
        return try parser.parseStatementList()
    }

    /// Parses exactly one statement (a trailing `;` is allowed); throws the first `Diagnostic`.
    public static func parseStatement(_ source: SourceText) throws -> Statement {
        let all = try parseStatements(source)
        guard all.count == 1 else {
            throw Diagnostic(phase: .parser,
                             message: all.isEmpty ? DiagnosticMessages.emptyStatement : DiagnosticMessages.moreThanOneStatement,
                             range: all.count > 1 ? SQLParser.range(of: all[1]) : SourceRange(0, source.bytes.count))
        }
        return all[0]
    }

    /// The source range a statement covers (without its `;`).
    public static func range(of statement: Statement) -> SourceRange {
        switch statement {
        case let .query(query): return query.range
        case let .createTable(create): return create.range
        case let .createView(create): return create.range
        case let .insert(insert): return insert.range
        case let .drop(drop): return drop.range
        case let .copy(copy): return copy.range
        case let .explain(explain): return explain.range
        }
    }
}
