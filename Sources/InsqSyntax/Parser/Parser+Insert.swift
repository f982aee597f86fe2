/// INSERT: rows written as VALUES or computed by a query.
extension Parser {
    /// A `(` after the table name starts a column list unless a query follows it
    /// (`INSERT INTO t (SELECT ...)`).
    ///
    /// ```
    /// insert_statement = "INSERT" "INTO" name [ column_list ] ( values_clause | query ) ;
    /// ```
    mutating func parseInsertStatement() throws(Diagnostic) -> InsertStatement {
        let start = try expect(.insert).range.start
        _ = try expect(.into)
        let table = try parseName(DiagnosticMessages.Expected.tableName)
        var columns: [Identifier] = []
        if at(.leftParen), !Parser.startsQuery(peek(1).kind) {
            columns = try parseColumnList()
        }
        let source: InsertSource
        if check(.values) {
            source = .values(try parseValuesClause())
        } else {
            source = .query(try parseQuery().node)
        }
        return InsertStatement(table: table, columns: columns, source: source, range: SourceRange(start, previousEnd))
    }

    /// ```
    /// values_clause = "VALUES" value_row { "," value_row } ;
    /// ```
    mutating func parseValuesClause() throws(Diagnostic) -> [ValuesRow] {
        _ = try expect(.values)
        var rows = [try parseValueRow()]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            rows.append(try parseValueRow())
        }
        return rows
    }

    /// The binder checks that a row has one value per target column.
    ///
    /// ```
    /// value_row = "(" expression { "," expression } ")" ;
    /// ```
    mutating func parseValueRow() throws(Diagnostic) -> ValuesRow {
        let start = try expect(.leftParen).range.start
        var values = [try parseExpression().expression]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            values.append(try parseExpression().expression)
        }
        _ = try expect(.rightParen)
        return ValuesRow(values: values, range: SourceRange(start, previousEnd))
    }
}
