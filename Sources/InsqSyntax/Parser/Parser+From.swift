/// The FROM clause: tables, derived tables, aliases and joins.
extension Parser {
    /// A comma between tables is a cross join that binds more loosely than JOIN, as in standard SQL:
    /// `a, b JOIN c ON ...` joins `b` and `c` first.
    ///
    /// ```
    /// from_clause = "FROM" joined_table { "," joined_table } ;
    /// ```
    mutating func parseFromClause() throws(Diagnostic) -> Parsed<TableReference>? {
        guard eat(.from) != nil else { return nil }
        let start = current.range.start
        var result = try parseJoinedTable()
        var mark = index
        while let comma = eat(.comma) {
            try ensureProgress(&mark)
            let right = try parseJoinedTable()
            result = try makeLink(.join(left: result.node, kind: .cross, right: right.node, condition: .none,
                                        range: SourceRange(start, previousEnd)),
                                  over: [result.height, right.height], anchor: comma.range)
        }
        return result
    }

    /// Joins are left-associative: `a JOIN b ON ... JOIN c ON ...` is `(a JOIN b) JOIN c`.
    ///
    /// ```
    /// joined_table = table_primary { join_clause } ;
    /// ```
    mutating func parseJoinedTable() throws(Diagnostic) -> Parsed<TableReference> {
        let start = current.range.start
        var result = try parseTablePrimary()
        var mark = -1
        while true {
            try ensureProgress(&mark)
            let joinStart = current.range
            guard let join = try parseJoinClause() else { return result }
            result = try makeLink(.join(left: result.node, kind: join.kind, right: join.right, condition: join.condition,
                                        range: SourceRange(start, previousEnd)),
                                  over: [result.height, join.height], anchor: joinStart)
        }
    }

    /// The part of a join after its left side; nil when the current token starts no join. Also a pipe
    /// operator (`|> LEFT JOIN t USING (id)`), whose left side is the table that comes in.
    ///
    /// ```
    /// join_clause = "CROSS" "JOIN" table_primary
    ///             | [ "INNER" | "LEFT" [ "OUTER" ] ] "JOIN" table_primary join_condition ;
    /// ```
    mutating func parseJoinClause() throws(Diagnostic) -> JoinPart? {
        if eatSilently(.cross) != nil {
            _ = try expect(.join)
            let right = try parseTablePrimary()
            return JoinPart(kind: .cross, right: right.node, condition: .none, height: right.height)
        }
        let kind: JoinKind
        if eatSilently(.inner) != nil {
            kind = .inner
            _ = try expect(.join)
        } else if eatSilently(.left) != nil {
            kind = .left
            _ = eatSilently(.outer)
            _ = try expect(.join)
        } else if eat(.join) != nil {
            kind = .inner
        } else {
            return nil
        }
        let right = try parseTablePrimary()
        let condition = try parseJoinCondition()
        return JoinPart(kind: kind, right: right.node, condition: condition.node,
                        height: max(right.height, condition.height))
    }

    /// ```
    /// join_condition = "ON" expression | "USING" column_list ;
    /// ```
    mutating func parseJoinCondition() throws(Diagnostic) -> Parsed<JoinCondition> {
        if eat(.on) != nil {
            let predicate = try parseExpression()
            return Parsed(.on(predicate.expression), height: predicate.height)
        }
        guard eat(.using) != nil else { throw unexpected() }
        return Parsed(.using(try parseColumnList()), height: 1)
    }

    /// A table by name, a file by its path in quotes (DuckDB's `FROM 'data.csv'`), or a derived table: a query
    /// in parentheses, which may be given a name.
    ///
    /// ```
    /// table_primary = name [ alias ] | string [ alias ] | parenthesized_query [ alias ] ;
    /// ```
    mutating func parseTablePrimary() throws(Diagnostic) -> Parsed<TableReference> {
        if at(.string) {
            let path = advance()
            let file = TableReference.file(path: unquote(path, quote: UInt8(ascii: "'")), alias: try parseAlias(),
                                           range: path.range)
            return Parsed(file, height: 1)
        }
        guard at(.leftParen) else {
            let name = try parseName(DiagnosticMessages.Expected.tableName)
            return Parsed(.table(name: name, alias: try parseAlias()), height: 1)
        }
        let start = current.range.start
        let query = try parseParenthesizedQuery()
        // The name is optional, as in SQLite, DuckDB and PostgreSQL 16.
        let alias = try parseAlias()
        return Parsed(.subquery(query.node, alias: alias, range: SourceRange(start, previousEnd)), height: query.height)
    }
}

/// What `join_clause` parsed: the kind, the right side and the condition of a join.
struct JoinPart {
    var kind: JoinKind
    var right: TableReference
    var condition: JoinCondition
    /// Height of the taller of the right side and the condition.
    var height: Int
}
