/// CREATE TABLE, CREATE VIEW and DROP: the statements that add and remove catalog objects.
extension Parser {
    /// `OR REPLACE` is read here and handed on, like the start of a pipe step.
    ///
    /// ```
    /// create_statement = "CREATE" [ "OR" "REPLACE" ] ( table_definition | view_definition ) ;
    /// ```
    mutating func parseCreateStatement() throws(Diagnostic) -> Statement {
        let start = try expect(.create).range.start
        var isReplace = false
        if eatSilently(.or) != nil {
            _ = try expect(.replace)
            isReplace = true
        }
        if check(.table) { return .createTable(try parseTableDefinition(from: start, isReplace: isReplace)) }
        if check(.view) { return .createView(try parseViewDefinition(from: start, isReplace: isReplace)) }
        throw unexpected()
    }

    /// `AS` copies a query's rows and column types; column definitions make an empty table.
    ///
    /// ```
    /// table_definition = "TABLE" [ "IF" "NOT" "EXISTS" ] name
    ///                    ( "AS" query | "(" column_definition { "," column_definition } ")" ) ;
    /// ```
    mutating func parseTableDefinition(from start: Int, isReplace: Bool) throws(Diagnostic) -> CreateTableStatement {
        _ = try expect(.table)
        let mode = try readCreateMode(isReplace: isReplace)
        let name = try parseName(DiagnosticMessages.Expected.tableName)
        let contents: TableContents
        if eat(.as) != nil {
            contents = .query(try parseQuery().node)
        } else if check(.leftParen) {
            advance()
            var columns = [try parseColumnDefinition()]
            var mark = index
            while eat(.comma) != nil {
                try ensureProgress(&mark)
                columns.append(try parseColumnDefinition())
            }
            _ = try expect(.rightParen)
            contents = .columns(columns)
        } else {
            throw unexpected()
        }
        return CreateTableStatement(name: name, mode: mode, contents: contents, range: SourceRange(start, previousEnd))
    }

    /// The view keeps the text of its query, which the binder reads afresh each time the view is used.
    ///
    /// ```
    /// view_definition = "VIEW" [ "IF" "NOT" "EXISTS" ] name "AS" query ;
    /// ```
    mutating func parseViewDefinition(from start: Int, isReplace: Bool) throws(Diagnostic) -> CreateViewStatement {
        _ = try expect(.view)
        let mode = try readCreateMode(isReplace: isReplace)
        let name = try parseName(DiagnosticMessages.Expected.viewName)
        _ = try expect(.as)
        let query = try parseQuery().node
        return CreateViewStatement(name: name, mode: mode, query: query, range: SourceRange(start, previousEnd))
    }

    /// A bare `NULL` after the type says what is the default anyway (SQLite, PostgreSQL accept it).
    ///
    /// ```
    /// column_definition = name type_name [ "NOT" "NULL" | "NULL" ] ;
    /// ```
    mutating func parseColumnDefinition() throws(Diagnostic) -> ColumnDefinition {
        let name = try parseName(DiagnosticMessages.Expected.columnName)
        let type = try parseTypeName()
        var isNotNull = false
        if eat(.not, noting: "NOT NULL") != nil {
            _ = try expect(.null)
            isNotNull = true
        } else {
            _ = eatSilently(.null)
        }
        return ColumnDefinition(name: name, type: type, isNotNull: isNotNull,
                                range: SourceRange(name.range.start, previousEnd))
    }

    /// `IF` counts only when `NOT` follows, so that a table may be named `if`.
    private mutating func readCreateMode(isReplace: Bool) throws(Diagnostic) -> CreateMode {
        guard at(.if), peek(1).kind == .keyword(.not) else { return isReplace ? .replace : .failIfExists }
        if isReplace {
            throw Diagnostic(phase: .parser, message: DiagnosticMessages.replaceWithIfNotExists, range: current.range)
        }
        advance()
        advance()
        _ = try expect(.exists)
        return .skipIfExists
    }

    /// `IF` counts only when `EXISTS` follows, so that a table may be named `if`.
    ///
    /// ```
    /// drop_statement = "DROP" ( "TABLE" | "VIEW" ) [ "IF" "EXISTS" ] name ;
    /// ```
    mutating func parseDropStatement() throws(Diagnostic) -> DropStatement {
        let start = try expect(.drop).range.start
        let kind: CatalogObjectKind
        if eat(.table) != nil {
            kind = .table
        } else if eat(.view) != nil {
            kind = .view
        } else {
            throw unexpected()
        }
        var ifExists = false
        if at(.if), peek(1).kind == .keyword(.exists) {
            advance()
            advance()
            ifExists = true
        }
        let name = try parseName(kind == .table ? DiagnosticMessages.Expected.tableName : DiagnosticMessages.Expected.viewName)
        return DropStatement(kind: kind, name: name, ifExists: ifExists, range: SourceRange(start, previousEnd))
    }
}
