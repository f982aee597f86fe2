/// The SELECT block: its select list and the WHERE, GROUP BY and HAVING clauses.
extension Parser {
    /// ```
    /// select_core = "SELECT" [ "DISTINCT" | "ALL" ] select_list [ from_clause ] [ where_clause ]
    ///               [ group_by_clause ] [ having_clause ] ;
    /// ```
    mutating func parseSelectCore() throws(Diagnostic) -> SelectCore {
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
        let groupBy = try parseGroupByClause() ?? []
        let having = try parseHavingClause()
        return SelectCore(isDistinct: isDistinct, items: items, from: from, whereClause: whereClause,
                          groupBy: groupBy, having: having, range: SourceRange(start, previousEnd))
    }

    /// ```
    /// select_list = select_item { "," select_item } ;
    /// ```
    mutating func parseSelectList() throws(Diagnostic) -> [SelectItem] {
        var items = [try parseSelectItem()]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            items.append(try parseSelectItem())
        }
        return items
    }

    /// ```
    /// select_item = "*" | name "." "*" | expression [ alias ] ;
    /// ```
    mutating func parseSelectItem() throws(Diagnostic) -> SelectItem {
        if let star = eatSilently(.star) {
            return .star(star.range)
        }
        if atName && peek(1).kind == .dot && peek(2).kind == .star {
            let table = identifier(advance())
            advance()
            let star = advance()
            return .qualifiedStar(table, table.range.union(star.range))
        }
        let expression = try parseExpression().expression
        return .expression(expression, alias: try parseAlias())
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
    mutating func parseWhereClause() throws(Diagnostic) -> Expression? {
        guard eat(.where) != nil else { return nil }
        return try parseExpression().expression
    }

    /// ```
    /// group_by_clause = "GROUP" "BY" expression { "," expression } ;
    /// ```
    mutating func parseGroupByClause() throws(Diagnostic) -> [Expression]? {
        guard eat(.group, noting: "GROUP BY") != nil else { return nil }
        _ = try expect(.by)
        var keys = [try parseExpression().expression]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            keys.append(try parseExpression().expression)
        }
        return keys
    }

    /// ```
    /// having_clause = "HAVING" expression ;
    /// ```
    mutating func parseHavingClause() throws(Diagnostic) -> Expression? {
        guard eat(.having) != nil else { return nil }
        return try parseExpression().expression
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
