/// Statements: the list of statements and what each one is.
extension Parser {
    /// Statements separated by semicolons; empty statements are skipped.
    ///
    /// ```
    /// statement_list = [ statement ] { ";" [ statement ] } ;
    /// ```
    mutating func parseStatementList() throws(Diagnostic) -> [Statement] {
        var statements: [Statement] = []
        var mark = -1
        while !isAtEnd {
            try ensureProgress(&mark)
            if eatSilently(.semicolon) != nil { continue }
            statements.append(try parseStatement())
            if isAtEnd { break }
            _ = try expect(.semicolon)
        }
        return statements
    }

    /// A query, a statement that changes the catalog or writes a file, or EXPLAIN. The first word decides; only a
    /// query's first words are listed in "expected ...", since a query is what is nearly always meant, but a
    /// near miss of the others (`CRATE TABLE`) still gets its "did you mean".
    ///
    /// ```
    /// statement = query | create_statement | insert_statement | drop_statement | copy_statement
    ///           | explain_statement ;
    /// ```
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        switch current.kind {
        case .keyword(.create): return try parseCreateStatement()
        case .keyword(.insert): return .insert(try parseInsertStatement())
        case .keyword(.drop): return .drop(try parseDropStatement())
        case .keyword(.copy): return .copy(try parseCopyStatement())
        case .keyword(.explain): return .explain(try parseExplainStatement())
        default:
            for keyword in [Keyword.create, .insert, .drop, .copy, .explain] { _ = eatUnlisted(keyword) }
            return .query(try parseQuery().node)
        }
    }
}
