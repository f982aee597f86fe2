/// The SELECT block: its select list and the WHERE, GROUP BY and HAVING clauses.
extension Parser {
    /// ```
    /// select_core = "SELECT" [ "DISTINCT" | "ALL" ] select_list [ from_clause ] [ where_clause ]
    ///               [ group_by_clause ] [ having_clause ] ;
    /// ```
    mutating func parseSelectCore() throws(Diagnostic) -> Parsed<SelectCore> {
        let start = current.range.start
        _ = try expect(.select)
        var isDistinct = false
        if eatSilently(.distinct) != nil {
            isDistinct = true
        } else {
            _ = eatSilently(.all)
        }
        let items = try parseSelectList()
        let from = try parseFromClause()
        let whereClause = try parseWhereClause()
        let groupBy = try parseGroupByClause()
        let having = try parseHavingClause()
        let core = SelectCore(isDistinct: isDistinct, items: items.node, from: from?.node,
                              whereClause: whereClause?.expression, groupBy: groupBy?.node ?? [],
                              having: having?.expression, range: SourceRange(start, previousEnd))
        let heights = [items.height, from?.height ?? 0, whereClause?.height ?? 0, groupBy?.height ?? 0, having?.height ?? 0]
        return Parsed(core, height: heights.max() ?? 1)
    }

    /// ```
    /// select_list = select_item { "," select_item } ;
    /// ```
    mutating func parseSelectList() throws(Diagnostic) -> Parsed<[SelectItem]> {
        let first = try parseSelectItem()
        var items = [first.node]
        var height = first.height
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            let next = try parseSelectItem()
            items.append(next.node)
            height = max(height, next.height)
        }
        return Parsed(items, height: height)
    }

    /// ```
    /// select_item = "*" | name "." "*" | expression [ alias ] ;
    /// ```
    mutating func parseSelectItem() throws(Diagnostic) -> Parsed<SelectItem> {
        if let star = eatSilently(.star) {
            return Parsed(.star(star.range), height: 1)
        }
        if atName && peek(1).kind == .dot && peek(2).kind == .star {
            let table = identifier(advance())
            advance()
            let star = advance()
            return Parsed(.qualifiedStar(table, table.range.union(star.range)), height: 1)
        }
        let expression = try parseExpression()
        return Parsed(.expression(expression.expression, alias: try parseAlias()), height: expression.height)
    }

    /// A new name for a select item or table; AS may be left out, but then the name cannot be a keyword
    /// that starts the next clause (so all of those are reserved).
    ///
    /// ```
    /// alias = "AS" name | name ;
    /// ```
    mutating func parseAlias() throws(Diagnostic) -> Identifier? {
        if eatSilently(.as) != nil {
            return try parseName(DiagnosticMessages.Expected.alias)
        }
        guard atName else { return nil }
        implicitAliasIndex = index
        return identifier(advance())
    }

    /// ```
    /// where_clause = "WHERE" expression ;
    /// ```
    mutating func parseWhereClause() throws(Diagnostic) -> ParsedExpression? {
        guard eat(.where) != nil else { return nil }
        return try parseExpression()
    }

    /// ```
    /// group_by_clause = "GROUP" "BY" expression { "," expression } ;
    /// ```
    mutating func parseGroupByClause() throws(Diagnostic) -> Parsed<[Expression]>? {
        guard eat(.group, noting: "GROUP BY") != nil else { return nil }
        _ = try expect(.by)
        let first = try parseExpression()
        var keys = [first.expression]
        var height = first.height
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            let next = try parseExpression()
            keys.append(next.expression)
            height = max(height, next.height)
        }
        return Parsed(keys, height: height)
    }

    /// ```
    /// having_clause = "HAVING" expression ;
    /// ```
    mutating func parseHavingClause() throws(Diagnostic) -> ParsedExpression? {
        guard eat(.having) != nil else { return nil }
        return try parseExpression()
    }

    /// A table, column, alias, function or type name: an identifier, a quoted identifier, or a keyword that
    /// is not reserved (`date`, `first`). `description` says what kind of name was expected.
    ///
    /// ```
    /// name = identifier | quoted_identifier | non_reserved_keyword ;
    /// ```
    mutating func parseName(_ description: String = DiagnosticMessages.Expected.name) throws(Diagnostic) -> Identifier {
        guard atName else {
            note(description)
            throw unexpected()
        }
        return identifier(advance())
    }
}
