/// Entry points of the parser: text in, AST or the first diagnostic out.
public enum SQLParser {
    /// Parses every statement in `source` (separated by `;`); throws the first `Diagnostic`.
    public static func parseStatements(_ source: SourceText) throws -> [Statement] {
        throw Diagnostic(phase: .parser, message: "parser not written yet", range: SourceRange(0, 0))
    }

    /// Parses exactly one statement (a trailing `;` is allowed); throws the first `Diagnostic`.
    public static func parseStatement(_ source: SourceText) throws -> Statement {
        let all = try parseStatements(source)
        guard all.count == 1 else {
            throw Diagnostic(phase: .parser, message: "expected exactly one statement", range: SourceRange(0, source.bytes.count))
        }
        return all[0]
    }
}
