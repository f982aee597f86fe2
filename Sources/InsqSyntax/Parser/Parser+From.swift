/// The FROM clause: tables, aliases and joins.
extension Parser {
    /// A comma between tables is a cross join that binds more loosely than JOIN, as in standard SQL:
    /// `a, b JOIN c ON ...` joins `b` and `c` first.
    ///
    /// ```
    /// from_clause = "FROM" joined_table { "," joined_table } ;
    /// ```
    mutating func parseFromClause() throws(Diagnostic) -> TableReference? {
        guard eat(.from) != nil else { return nil }
        let start = current.range.start
        var result = try parseJoinedTable()
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            let right = try parseJoinedTable()
            result = .join(left: result, kind: .cross, right: right, condition: .none,
                           range: SourceRange(start, previousEnd))
        }
        return result
    }

    /// Joins are left-associative: `a JOIN b ON ... JOIN c ON ...` is `(a JOIN b) JOIN c`.
    ///
    /// ```
    /// joined_table = table_primary { join_clause } ;
    /// ```
    mutating func parseJoinedTable() throws(Diagnostic) -> TableReference {
        let start = current.range.start
        var result = try parseTablePrimary()
        var mark = -1
        while true {
            try ensureProgress(&mark)
            guard let join = try parseJoinClause() else { return result }
            result = .join(left: result, kind: join.kind, right: join.right, condition: join.condition,
                           range: SourceRange(start, previousEnd))
        }
    }

    /// The part of a join after its left side; nil when the current token starts no join.
    ///
    /// ```
    /// join_clause = "CROSS" "JOIN" table_primary
    ///             | [ "INNER" | "LEFT" [ "OUTER" ] ] "JOIN" table_primary join_condition ;
    /// ```
    mutating func parseJoinClause() throws(Diagnostic) -> (kind: JoinKind, right: TableReference, condition: JoinCondition)? {
        if eatSilently(.cross) != nil {
            _ = try expect(.join)
            return (.cross, try parseTablePrimary(), .none)
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
        return (kind, right, try parseJoinCondition())
    }

    /// ```
    /// join_condition = "ON" expression | "USING" "(" name { "," name } ")" ;
    /// ```
    mutating func parseJoinCondition() throws(Diagnostic) -> JoinCondition {
        if eat(.on) != nil {
            return .on(try parseExpression().expression)
        }
        guard eat(.using) != nil else { throw unexpected() }
        _ = try expect(.leftParen)
        var columns = [try parseName(DiagnosticMessages.Expected.columnName)]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            columns.append(try parseName(DiagnosticMessages.Expected.columnName))
        }
        _ = try expect(.rightParen)
        return .using(columns)
    }

    /// A table by name (later: a subquery in parentheses).
    ///
    /// ```
    /// table_primary = name [ alias ] ;
    /// ```
    mutating func parseTablePrimary() throws(Diagnostic) -> TableReference {
        let name = try parseName(DiagnosticMessages.Expected.tableName)
        return .table(name: name, alias: try parseAlias())
    }
}
