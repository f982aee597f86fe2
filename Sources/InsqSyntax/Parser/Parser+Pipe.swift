/// Pipe syntax (GoogleSQL): the `|>` steps after a query, each taking the table that comes in and yielding
/// a table. Each operator's range starts at its `|>`.
extension Parser {
    /// WHERE, ORDER BY, LIMIT and JOIN are the clauses of the same names; the others are pipe-only.
    ///
    /// ```
    /// pipe_operator = "|>" ( where_clause | pipe_select | pipe_extend | pipe_set | pipe_drop | pipe_rename
    ///                      | pipe_as | pipe_aggregate | order_by_clause | limit_clause | join_clause
    ///                      | pipe_set_operation | "DISTINCT" ) ;
    /// ```
    mutating func parsePipeOperator() throws(Diagnostic) -> Parsed<PipeOperator> {
        let start = try expect(.pipe).range.start
        switch current.kind {
        case .keyword(.where):
            guard let condition = try parseWhereClause() else { throw unexpected() }
            return Parsed(.whereFilter(condition.expression, range: SourceRange(start, previousEnd)),
                          height: condition.height)
        case .keyword(.select):
            return try parsePipeSelect(from: start)
        case .keyword(.extend):
            return try parsePipeExtend(from: start)
        case .keyword(.set):
            return try parsePipeSet(from: start)
        case .keyword(.drop):
            return try parsePipeDrop(from: start)
        case .keyword(.rename):
            return try parsePipeRename(from: start)
        case .keyword(.as):
            return try parsePipeAs(from: start)
        case .keyword(.aggregate):
            return try parsePipeAggregate(from: start)
        case .keyword(.order):
            guard let items = try parseOrderByClause() else { throw unexpected() }
            return Parsed(.orderBy(items.node, range: SourceRange(start, previousEnd)), height: items.height)
        case .keyword(.limit):
            guard let limit = try parseLimitClause() else { throw unexpected() }
            return Parsed(.limit(limit.limit.expression, offset: limit.offset?.expression,
                                 range: SourceRange(start, previousEnd)),
                          height: max(limit.limit.height, limit.offset?.height ?? 0))
        case .keyword(.join), .keyword(.inner), .keyword(.left), .keyword(.cross):
            guard let join = try parseJoinClause() else { throw unexpected() }
            return Parsed(.join(join.kind, join.right, join.condition, range: SourceRange(start, previousEnd)),
                          height: join.height)
        case .keyword(.union), .keyword(.except), .keyword(.intersect):
            return try parsePipeSetOperation(from: start)
        case .keyword(.distinct):
            advance()
            return Parsed(.distinct(range: SourceRange(start, previousEnd)), height: 1)
        default:
            for name in Parser.pipeOperatorNames { note(name) }
            if case let .keyword(keyword) = current.kind, let hint = Parser.pipeOperatorInstead(of: keyword) {
                // `|> GROUP BY`, `|> HAVING`: the SQL clause has a pipe operator of another name.
                throw unexpected(suggesting: hint)
            }
            throw unexpected()
        }
    }

    /// Unlike SELECT in a query, `|> SELECT` has no clauses of its own and never aggregates (the binder says so).
    ///
    /// ```
    /// pipe_select = "SELECT" select_list ;
    /// ```
    mutating func parsePipeSelect(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.select)
        let items = try parseSelectList()
        return Parsed(.select(items.node, range: SourceRange(start, previousEnd)), height: items.height)
    }

    /// Each new column needs a name, so the alias is required.
    ///
    /// ```
    /// pipe_extend = "EXTEND" expression alias { "," expression alias } ;
    /// ```
    mutating func parsePipeExtend(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.extend)
        var items: [SelectItem] = []
        var height = 0
        var mark = -1
        repeat {
            try ensureProgress(&mark)
            let expression = try parseExpression()
            guard let alias = try parseAlias() else {
                note(Keyword.as.rawValue)
                note(DiagnosticMessages.Expected.newColumnName)
                throw unexpected()
            }
            items.append(.expression(expression.expression, alias: alias))
            height = max(height, expression.height)
        } while eat(.comma) != nil
        return Parsed(.extend(items, range: SourceRange(start, previousEnd)), height: height)
    }

    /// ```
    /// pipe_set = "SET" name "=" expression { "," name "=" expression } ;
    /// ```
    mutating func parsePipeSet(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.set)
        var assignments: [PipeAssignment] = []
        var height = 0
        var mark = -1
        repeat {
            try ensureProgress(&mark)
            let name = try parseName(DiagnosticMessages.Expected.columnName)
            _ = try expect(.equal)
            let value = try parseExpression()
            assignments.append(PipeAssignment(name: name, value: value.expression))
            height = max(height, value.height)
        } while eat(.comma) != nil
        return Parsed(.set(assignments, range: SourceRange(start, previousEnd)), height: height)
    }

    /// ```
    /// pipe_drop = "DROP" name { "," name } ;
    /// ```
    mutating func parsePipeDrop(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.drop)
        var names: [Identifier] = []
        var mark = -1
        repeat {
            try ensureProgress(&mark)
            names.append(try parseName(DiagnosticMessages.Expected.columnName))
        } while eat(.comma) != nil
        return Parsed(.drop(names, range: SourceRange(start, previousEnd)), height: 1)
    }

    /// ```
    /// pipe_rename = "RENAME" name [ "AS" ] name { "," name [ "AS" ] name } ;
    /// ```
    mutating func parsePipeRename(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.rename)
        var renames: [PipeRename] = []
        var mark = -1
        repeat {
            try ensureProgress(&mark)
            let old = try parseName(DiagnosticMessages.Expected.columnName)
            if check(.as) { advance() }
            let new = try parseName(DiagnosticMessages.Expected.newColumnName)
            renames.append(PipeRename(old: old, new: new))
        } while eat(.comma) != nil
        return Parsed(.rename(renames, range: SourceRange(start, previousEnd)), height: 1)
    }

    /// ```
    /// pipe_as = "AS" name ;
    /// ```
    mutating func parsePipeAs(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.as)
        let alias = try parseName(DiagnosticMessages.Expected.alias)
        return Parsed(.alias(alias, range: SourceRange(start, previousEnd)), height: 1)
    }

    /// The result has the grouping keys first, then the aggregates. Without aggregates it yields the
    /// distinct keys; without GROUP BY, one row.
    ///
    /// ```
    /// pipe_aggregate = "AGGREGATE" ( pipe_item_list [ pipe_group_by ] | pipe_group_by ) ;
    /// ```
    mutating func parsePipeAggregate(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        _ = try expect(.aggregate)
        var aggregates = Parsed<[SelectItem]>([], height: 0)
        if !at(.group) {
            note("GROUP BY")
            aggregates = try parsePipeItemList()
        }
        let groupBy = try parsePipeGroupBy()
        return Parsed(.aggregate(aggregates.node, groupBy: groupBy?.node ?? [], range: SourceRange(start, previousEnd)),
                      height: max(aggregates.height, groupBy?.height ?? 0))
    }

    /// ```
    /// pipe_group_by = "GROUP" "BY" pipe_item_list ;
    /// ```
    mutating func parsePipeGroupBy() throws(Diagnostic) -> Parsed<[SelectItem]>? {
        guard eat(.group, noting: "GROUP BY") != nil else { return nil }
        _ = try expect(.by)
        return try parsePipeItemList()
    }

    /// The aggregates and grouping keys of AGGREGATE: expressions with optional names (no `*`).
    ///
    /// ```
    /// pipe_item_list = expression [ alias ] { "," expression [ alias ] } ;
    /// ```
    mutating func parsePipeItemList() throws(Diagnostic) -> Parsed<[SelectItem]> {
        var items: [SelectItem] = []
        var height = 0
        var mark = -1
        repeat {
            try ensureProgress(&mark)
            let expression = try parseExpression()
            items.append(.expression(expression.expression, alias: try parseAlias()))
            height = max(height, expression.height)
        } while eat(.comma) != nil
        return Parsed(items, height: height)
    }

    /// The right-hand query must be in parentheses; without ALL, duplicates go.
    ///
    /// ```
    /// pipe_set_operation = ( "UNION" | "EXCEPT" | "INTERSECT" ) [ "ALL" | "DISTINCT" ] parenthesized_query ;
    /// ```
    mutating func parsePipeSetOperation(from start: Int) throws(Diagnostic) -> Parsed<PipeOperator> {
        let op: SetOperator
        switch current.kind {
        case .keyword(.union): op = .union
        case .keyword(.except): op = .except
        case .keyword(.intersect): op = .intersect
        default:
            for name in ["UNION", "EXCEPT", "INTERSECT"] { note(name) }
            throw unexpected()
        }
        advance()
        let isAll = eatSetQuantifier()
        let query = try parseParenthesizedQuery()
        return Parsed(.setOperation(op, isAll: isAll, query.node, range: SourceRange(start, previousEnd)),
                      height: query.height)
    }

    /// The pipe operators in the order "expected ..." lists them after `|>`.
    static let pipeOperatorNames = ["WHERE", "SELECT", "EXTEND", "SET", "DROP", "RENAME", "AS", "AGGREGATE", "ORDER BY",
                                    "LIMIT", "JOIN", "UNION", "EXCEPT", "INTERSECT", "DISTINCT"]

    /// The pipe operator that a keyword starts, for "did you mean |> ORDER BY?" when the `|>` is missing.
    static func pipeOperatorPhrase(_ keyword: Keyword) -> String? {
        switch keyword {
        case .where, .select, .extend, .set, .drop, .rename, .aggregate, .limit, .join, .union, .except, .intersect,
             .distinct:
            keyword.rawValue
        case .order: "ORDER BY"
        case .inner, .left, .cross: keyword.rawValue + " JOIN"
        default: nil
        }
    }

    /// What to write after `|>` instead of an SQL clause that is no pipe operator.
    static func pipeOperatorInstead(of keyword: Keyword) -> String? {
        switch keyword {
        case .group: "AGGREGATE ... GROUP BY"
        case .having: "WHERE"
        default: nil
        }
    }

    /// The pipe operator to use for a clause written straight after a query that starts with FROM.
    static func clauseAfterFromQueryPhrase(_ keyword: Keyword) -> String? {
        switch keyword {
        case .where, .select: keyword.rawValue
        case .group: "AGGREGATE ... GROUP BY"
        default: nil
        }
    }
}
