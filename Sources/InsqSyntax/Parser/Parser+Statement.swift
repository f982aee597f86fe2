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

    /// One statement; only queries so far (later: EXPLAIN, CREATE).
    ///
    /// ```
    /// statement = query ;
    /// ```
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        .query(try parseQuery().node)
    }
}
