/// The query level: WITH, set operations, parenthesised queries, ORDER BY and LIMIT, and the pipe steps
/// that may follow any query.
extension Parser {
    /// A trailing ORDER BY or LIMIT applies to the whole set operation before it. Pipe steps take the query
    /// so far, ORDER BY and LIMIT included, as their input (`QueryBody.pipe`), so a piped query has no ORDER BY
    /// or LIMIT of its own; its WITH stays on the outermost query, in scope for every step.
    ///
    /// ```
    /// query = [ with_clause ] set_expression [ order_by_clause ] [ limit_clause ] { pipe_operator } ;
    /// ```
    mutating func parseQuery() throws(Diagnostic) -> Parsed<Query> {
        let start = current.range.start
        let with = try parseWithClause()
        let bodyStart = current.range.start
        var result = try parseSetExpression()
        var heights = [result.height]
        if let orderBy = try parseOrderByClause() {
            result.node.orderBy = orderBy.node
            heights.append(orderBy.height)
        }
        if let limit = try parseLimitClause() {
            result.node.limit = limit.limit.expression
            result.node.offset = limit.offset?.expression
            heights += [limit.limit.height, limit.offset?.height ?? 0]
        }
        result.node.range = SourceRange(bodyStart, previousEnd)
        result.height = heights.max() ?? 1
        if let op = current.kind.setOperatorKeyword, result.node.limit != nil || !result.node.orderBy.isEmpty {
            // `SELECT ... ORDER BY x UNION ...`: the ORDER BY would have to apply to the whole UNION.
            throw Diagnostic(phase: .parser, message: DiagnosticMessages.setOperationAfterOrderBy(op.rawValue),
                             range: current.range)
        }
        var operators: [PipeOperator] = []
        var operatorHeights = [result.height]
        var mark = -1
        while check(.pipe) {
            try ensureProgress(&mark)
            let op = try parsePipeOperator()
            operators.append(op.node)
            operatorHeights.append(op.height)
        }
        if !operators.isEmpty {
            if let hint = pipeOperatorHint() { throw hint }
            result = Parsed(Query(body: .pipe(input: result.node, operators: operators),
                                  range: SourceRange(bodyStart, previousEnd)),
                            height: operatorHeights.max() ?? 1)
        }
        if let with {
            result.node.with = with.node
            result.node.range = SourceRange(start, previousEnd)
            result.height = max(result.height, with.height)
        }
        return result
    }

    /// `FROM t |> WHERE a ORDER BY b`: a keyword that starts a pipe operator but follows one without `|>`
    /// gets "did you mean |> ORDER BY?".
    private func pipeOperatorHint() -> Diagnostic? {
        guard case let .keyword(keyword) = current.kind, let phrase = Parser.pipeOperatorPhrase(keyword) else {
            return nil
        }
        return unexpected(suggesting: "|> " + phrase)
    }

    /// ```
    /// with_clause = "WITH" common_table_expression { "," common_table_expression } ;
    /// ```
    mutating func parseWithClause() throws(Diagnostic) -> Parsed<[CommonTableExpression]>? {
        guard eatUnlisted(.with) != nil else { return nil }
        // `WITH RECURSIVE t AS ...`; a table named recursive (`WITH recursive AS ...`) is fine.
        if current.kind == .identifier, Parser.uppercasedASCII(text(current)) == "RECURSIVE", Parser.isName(peek(1).kind) {
            throw notSupportedYet(DiagnosticMessages.Feature.recursiveWith)
        }
        let first = try parseCommonTableExpression()
        var tables = [first.node]
        var height = first.height
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            let next = try parseCommonTableExpression()
            tables.append(next.node)
            height = max(height, next.height)
        }
        return Parsed(tables, height: height)
    }

    /// The binder checks that the number of column names matches the query's columns.
    ///
    /// ```
    /// common_table_expression = name [ column_list ] "AS" parenthesized_query ;
    /// ```
    mutating func parseCommonTableExpression() throws(Diagnostic) -> Parsed<CommonTableExpression> {
        let name = try parseName(DiagnosticMessages.Expected.tableName)
        var columns: [Identifier] = []
        if at(.leftParen) {
            guard !Parser.startsQuery(peek(1).kind) else {
                // `WITH t (SELECT ...)`: the AS is missing, not a column list.
                note(Keyword.as.rawValue)
                throw unexpected()
            }
            columns = try parseColumnList()
        }
        _ = try expect(.as)
        let query = try parseParenthesizedQuery()
        return Parsed(CommonTableExpression(name: name, columnNames: columns, query: query.node), height: query.height)
    }

    /// UNION and EXCEPT are left-associative and bind more loosely than INTERSECT. Without ALL, duplicates go.
    ///
    /// ```
    /// set_expression = intersect_expression { ( "UNION" | "EXCEPT" ) [ "ALL" | "DISTINCT" ] intersect_expression } ;
    /// ```
    mutating func parseSetExpression() throws(Diagnostic) -> Parsed<Query> {
        let start = current.range.start
        var left = try parseIntersectExpression()
        var mark = index
        while let keyword = eatUnlisted(.union) ?? eatUnlisted(.except) {
            try ensureProgress(&mark)
            let isAll = eatSetQuantifier()
            let right = try parseIntersectExpression()
            left = try makeSetOperation(left, keyword.kind == .keyword(.union) ? .union : .except, isAll: isAll,
                                        right, from: start, anchor: keyword.range)
        }
        return left
    }

    /// ```
    /// intersect_expression = query_primary { "INTERSECT" [ "ALL" | "DISTINCT" ] query_primary } ;
    /// ```
    mutating func parseIntersectExpression() throws(Diagnostic) -> Parsed<Query> {
        let start = current.range.start
        var left = try parseQueryPrimary()
        var mark = index
        while let keyword = eatUnlisted(.intersect) {
            try ensureProgress(&mark)
            let isAll = eatSetQuantifier()
            let right = try parseQueryPrimary()
            left = try makeSetOperation(left, .intersect, isAll: isAll, right, from: start, anchor: keyword.range)
        }
        return left
    }

    /// `ALL` keeps duplicates; `DISTINCT`, the default, removes them.
    mutating func eatSetQuantifier() -> Bool {
        if eatSilently(.all) != nil { return true }
        _ = eatSilently(.distinct)
        return false
    }

    private func makeSetOperation(_ left: Parsed<Query>, _ op: SetOperator, isAll: Bool, _ right: Parsed<Query>,
                                  from start: Int, anchor: SourceRange) throws(Diagnostic) -> Parsed<Query> {
        let range = SourceRange(start, previousEnd)
        let body = QueryBody.setOperation(left: left.node, op: op, isAll: isAll, right: right.node, range: range)
        return try makeLink(Query(body: body, range: range), over: [left.height, right.height], anchor: anchor)
    }

    /// A query that starts with FROM yields all rows of its tables: the usual start of a pipe (`FROM t |> ...`).
    /// A query in parentheses may have its own ORDER BY and LIMIT (`(SELECT ... LIMIT 5) UNION ...`).
    ///
    /// ```
    /// query_primary = select_core | from_clause | parenthesized_query ;
    /// ```
    mutating func parseQueryPrimary() throws(Diagnostic) -> Parsed<Query> {
        let start = current.range.start
        if check(.select) {
            let core = try parseSelectCore()
            return Parsed(Query(body: .select(core.node), range: core.node.range), height: core.height)
        }
        if let from = try parseFromClause() {
            if case let .keyword(keyword) = current.kind, let phrase = Parser.clauseAfterFromQueryPhrase(keyword) {
                // `FROM t WHERE ...`: the clauses of a FROM query are pipe operators.
                throw unexpected(suggesting: "|> " + phrase)
            }
            let range = SourceRange(start, previousEnd)
            return Parsed(Query(body: .from(from.node, range: range), range: range), height: from.height)
        }
        guard at(.leftParen) else { throw unexpected() }
        let inner = try parseParenthesizedQuery()
        let range = SourceRange(start, previousEnd)
        return Parsed(Query(body: .parenthesized(inner.node), range: range), height: inner.height)
    }

    /// Every nested query (subquery, derived table, WITH, set operand) passes through here, so the nesting
    /// limit is checked once per level.
    ///
    /// ```
    /// parenthesized_query = "(" query ")" ;
    /// ```
    mutating func parseParenthesizedQuery() throws(Diagnostic) -> Parsed<Query> {
        _ = try expect(.leftParen)
        try enterNesting(.query)
        defer { leaveNesting() }
        let query = try parseQuery()
        _ = try expect(.rightParen)
        return query
    }

    /// Whether a token after `(` starts a query rather than an expression.
    static func startsQuery(_ kind: TokenKind) -> Bool {
        kind == .keyword(.select) || kind == .keyword(.from) || kind == .keyword(.with)
    }

    /// The column names of a WITH table or of USING.
    ///
    /// ```
    /// column_list = "(" name { "," name } ")" ;
    /// ```
    mutating func parseColumnList() throws(Diagnostic) -> [Identifier] {
        _ = try expect(.leftParen)
        var names = [try parseName(DiagnosticMessages.Expected.columnName)]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            names.append(try parseName(DiagnosticMessages.Expected.columnName))
        }
        _ = try expect(.rightParen)
        return names
    }

    /// ```
    /// order_by_clause = "ORDER" "BY" order_item { "," order_item } ;
    /// ```
    mutating func parseOrderByClause() throws(Diagnostic) -> Parsed<[OrderItem]>? {
        guard eat(.order, noting: "ORDER BY") != nil else { return nil }
        _ = try expect(.by)
        let first = try parseOrderItem()
        var items = [first.node]
        var height = first.height
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            let next = try parseOrderItem()
            items.append(next.node)
            height = max(height, next.height)
        }
        return Parsed(items, height: height)
    }

    /// ```
    /// order_item = expression [ "ASC" | "DESC" ] [ "NULLS" ( "FIRST" | "LAST" ) ] ;
    /// ```
    mutating func parseOrderItem() throws(Diagnostic) -> Parsed<OrderItem> {
        let expression = try parseExpression()
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
        return Parsed(OrderItem(expression: expression.expression, isDescending: isDescending, nulls: nulls),
                      height: expression.height)
    }

    /// ```
    /// limit_clause = "LIMIT" expression [ "OFFSET" expression ] ;
    /// ```
    mutating func parseLimitClause() throws(Diagnostic) -> (limit: ParsedExpression, offset: ParsedExpression?)? {
        guard eat(.limit) != nil else { return nil }
        let limit = try parseExpression()
        guard eat(.offset) != nil else { return (limit, nil) }
        return (limit, try parseExpression())
    }
}

extension TokenKind {
    /// UNION, EXCEPT or INTERSECT, if this token is one of them.
    var setOperatorKeyword: Keyword? {
        switch self {
        case .keyword(.union): .union
        case .keyword(.except): .except
        case .keyword(.intersect): .intersect
        default: nil
        }
    }
}
