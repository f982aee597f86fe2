/// EXPLAIN: the plan of a query, and with ANALYZE what each of its operators did.
extension Parser {
    /// The options in parentheses follow PostgreSQL. A query never starts with a name, so `(` and a name start
    /// the options, and any other `(` a parenthesized query.
    ///
    /// ```
    /// explain_statement = "EXPLAIN" [ "ANALYZE" | "(" explain_option { "," explain_option } ")" ] query ;
    /// ```
    mutating func parseExplainStatement() throws(Diagnostic) -> ExplainStatement {
        let start = try expect(.explain).range.start
        var isAnalyze = false
        var showsTiming = true
        if eatSilently(.analyze) != nil {
            isAnalyze = true
        } else if at(.leftParen), Parser.isName(peek(1).kind) {
            advance()
            var mark = -1
            repeat {
                try ensureProgress(&mark)
                let (option, isOn) = try parseExplainOption()
                switch option {
                case .analyze: isAnalyze = isOn
                case .timing: showsTiming = isOn
                }
            } while eat(.comma) != nil
            _ = try expect(.rightParen)
        }
        let query = try parseQuery().node
        return ExplainStatement(query: query, isAnalyze: isAnalyze, showsTiming: showsTiming,
                                range: SourceRange(start, previousEnd))
    }

    /// An option without a value is on.
    ///
    /// ```
    /// explain_option = ( "ANALYZE" | "TIMING" ) [ "TRUE" | "FALSE" | "ON" | "OFF" ] ;
    /// ```
    mutating func parseExplainOption() throws(Diagnostic) -> (option: ExplainOption, isOn: Bool) {
        let option: ExplainOption
        if eat(.analyze) != nil {
            option = .analyze
        } else if eat(.timing) != nil {
            option = .timing
        } else {
            throw unexpected()
        }
        if eatSilently(.false) != nil || eatSilently(.off) != nil { return (option, false) }
        if eatSilently(.true) == nil { _ = eatSilently(.on) }
        return (option, true)
    }
}
