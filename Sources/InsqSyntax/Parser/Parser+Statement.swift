/// Statements and the query level: the list of statements, ORDER BY and LIMIT.
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

    /// One statement; only queries so far (later: WITH, EXPLAIN, CREATE).
    ///
    /// ```
    /// statement = query ;
    /// ```
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        .query(try parseQuery())
    }

    /// A query: a SELECT, then its ordering and limit (later: UNION, pipe operators).
    ///
    /// ```
    /// query = select_core [ order_by_clause ] [ limit_clause ] ;
    /// ```
    mutating func parseQuery() throws(Diagnostic) -> Query {
        let start = current.range.start
        let core = try parseSelectCore()
        let orderBy = try parseOrderByClause() ?? []
        let limit = try parseLimitClause()
        return Query(body: .select(core), orderBy: orderBy, limit: limit?.limit, offset: limit?.offset,
                     range: SourceRange(start, previousEnd))
    }

    /// ```
    /// order_by_clause = "ORDER" "BY" order_item { "," order_item } ;
    /// ```
    mutating func parseOrderByClause() throws(Diagnostic) -> [OrderItem]? {
        guard eat(.order, noting: "ORDER BY") != nil else { return nil }
        _ = try expect(.by)
        var items = [try parseOrderItem()]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            items.append(try parseOrderItem())
        }
        return items
    }

    /// ```
    /// order_item = expression [ "ASC" | "DESC" ] [ "NULLS" ( "FIRST" | "LAST" ) ] ;
    /// ```
    mutating func parseOrderItem() throws(Diagnostic) -> OrderItem {
        let expression = try parseExpression().expression
        var isDescending = false
        if eatSilently(.desc) != nil {
            isDescending = true
        } else {
            _ = eatSilently(.asc)
        }
        var nulls: NullsOrder?
        if eatSilently(.nulls) != nil {
            if eat(.first) != nil {
                nulls = .first
            } else if eat(.last) != nil {
                nulls = .last
            } else {
                throw unexpected()
            }
        }
        return OrderItem(expression: expression, isDescending: isDescending, nulls: nulls)
    }

    /// ```
    /// limit_clause = "LIMIT" expression [ "OFFSET" expression ] ;
    /// ```
    mutating func parseLimitClause() throws(Diagnostic) -> (limit: Expression, offset: Expression?)? {
        guard eat(.limit) != nil else { return nil }
        let limit = try parseExpression().expression
        guard eat(.offset) != nil else { return (limit, nil) }
        return (limit, try parseExpression().expression)
    }
}
