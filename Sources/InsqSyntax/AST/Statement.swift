/// One statement of the language: a query, a statement that changes the catalog or writes a file, or EXPLAIN.
public enum Statement: Hashable, Sendable {
    case query(Query)
    case createTable(CreateTableStatement)
    case createView(CreateViewStatement)
    case insert(InsertStatement)
    case drop(DropStatement)
    case copy(CopyStatement)
    case explain(ExplainStatement)
}

/// A full query: optional WITH, a body, then ORDER BY, LIMIT and OFFSET.
public struct Query: Hashable, Sendable {
    public var with: [CommonTableExpression]
    public var body: QueryBody
    public var orderBy: [OrderItem]
    public var limit: Expression?
    public var offset: Expression?
    public var range: SourceRange
    public init(with: [CommonTableExpression] = [], body: QueryBody, orderBy: [OrderItem] = [],
                limit: Expression? = nil, offset: Expression? = nil, range: SourceRange) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
        self.range = range
    }
}

/// `name [(col, ...)] AS (query)` in a WITH clause.
public struct CommonTableExpression: Hashable, Sendable {
    public var name: Identifier
    public var columnNames: [Identifier]
    public var query: Query
    public init(name: Identifier, columnNames: [Identifier] = [], query: Query) {
        self.name = name
        self.columnNames = columnNames
        self.query = query
    }
}

/// UNION, EXCEPT, INTERSECT.
public enum SetOperator: Hashable, Sendable {
    case union, except, intersect
}

/// What a query computes before its own ORDER BY and LIMIT.
public indirect enum QueryBody: Hashable, Sendable {
    case select(SelectCore)
    /// `left UNION [ALL] right` and friends; operands are full queries (a parenthesised operand may
    /// carry its own ORDER BY and LIMIT). UNION/EXCEPT are left-associative; INTERSECT binds tighter.
    case setOperation(left: Query, op: SetOperator, isAll: Bool, right: Query, range: SourceRange)
    /// `FROM table_ref` used as a whole query: all rows of the table reference (the start of a pipe).
    case from(TableReference, range: SourceRange)
    /// `(query)` used as a query body, e.g. an operand of a set operation with its own ORDER BY.
    case parenthesized(Query)
    /// `input |> op |> op ...`: each operator takes the table that comes in and yields a table.
    case pipe(input: Query, operators: [PipeOperator])
}

/// One `|>` step of pipe syntax (GoogleSQL semantics).
public enum PipeOperator: Hashable, Sendable {
    case whereFilter(Expression, range: SourceRange)
    /// `|> SELECT items` (no aggregates allowed).
    case select([SelectItem], range: SourceRange)
    /// `|> EXTEND expr AS name, ...`: all columns plus the new ones.
    case extend([SelectItem], range: SourceRange)
    /// `|> SET name = expr, ...`: replaces existing columns.
    case set([PipeAssignment], range: SourceRange)
    /// `|> DROP name, ...`
    case drop([Identifier], range: SourceRange)
    /// `|> RENAME old AS new, ...`
    case rename([PipeRename], range: SourceRange)
    /// `|> AS alias`: names the current table.
    case alias(Identifier, range: SourceRange)
    /// `|> AGGREGATE aggs [GROUP BY keys]`: output is the keys, then the aggregates.
    case aggregate([SelectItem], groupBy: [SelectItem], range: SourceRange)
    case orderBy([OrderItem], range: SourceRange)
    case limit(Expression, offset: Expression?, range: SourceRange)
    /// `|> [INNER|LEFT|CROSS] JOIN table_ref [ON ...|USING (...)]`: the current table is the left side.
    case join(JoinKind, TableReference, JoinCondition, range: SourceRange)
    /// `|> UNION ALL (query)` and the other set operators.
    case setOperation(SetOperator, isAll: Bool, Query, range: SourceRange)
    case distinct(range: SourceRange)
}

/// `name = expr` in `|> SET`.
public struct PipeAssignment: Hashable, Sendable {
    public var name: Identifier
    public var value: Expression
    public init(name: Identifier, value: Expression) {
        self.name = name
        self.value = value
    }
}

/// `old AS new` in `|> RENAME`.
public struct PipeRename: Hashable, Sendable {
    public var old: Identifier
    public var new: Identifier
    public init(old: Identifier, new: Identifier) {
        self.old = old
        self.new = new
    }
}

/// `SELECT [DISTINCT] items [FROM t] [WHERE] [GROUP BY] [HAVING]`.
public struct SelectCore: Hashable, Sendable {
    public var isDistinct: Bool
    public var items: [SelectItem]
    public var from: TableReference?
    public var whereClause: Expression?
    public var groupBy: [Expression]
    public var having: Expression?
    public var range: SourceRange
    public init(isDistinct: Bool, items: [SelectItem], from: TableReference?, whereClause: Expression?,
                groupBy: [Expression], having: Expression?, range: SourceRange) {
        self.isDistinct = isDistinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.range = range
    }
}

/// One item of a select list.
public enum SelectItem: Hashable, Sendable {
    /// `*`
    case star(SourceRange)
    /// `t.*`
    case qualifiedStar(Identifier, SourceRange)
    /// `expr [AS alias]`
    case expression(Expression, alias: Identifier?)
}

/// The kinds of join.
public enum JoinKind: Hashable, Sendable {
    case inner, left, cross
}

/// How a join matches rows: `ON condition` or `USING (columns)`.
public enum JoinCondition: Hashable, Sendable {
    case on(Expression)
    case using([Identifier])
    case none
}

/// A source of rows in FROM.
public indirect enum TableReference: Hashable, Sendable {
    /// A named table with an optional alias.
    case table(name: Identifier, alias: Identifier?)
    /// `'file.csv' [alias]`: a table read from a file; `range` covers the string literal.
    case file(path: String, alias: Identifier?, range: SourceRange)
    /// `left [INNER|LEFT [OUTER]|CROSS] JOIN right [ON ...|USING (...)]`, left-associative.
    case join(left: TableReference, kind: JoinKind, right: TableReference, condition: JoinCondition, range: SourceRange)
    /// `(query) [AS] alias` in FROM (a derived table).
    case subquery(Query, alias: Identifier?, range: SourceRange)
}

/// Where NULLs sort when asked explicitly.
public enum NullsOrder: Hashable, Sendable {
    case first, last
}

/// `expr [ASC|DESC] [NULLS FIRST|LAST]`.
public struct OrderItem: Hashable, Sendable {
    public var expression: Expression
    public var isDescending: Bool
    public var nulls: NullsOrder?
    public init(expression: Expression, isDescending: Bool = false, nulls: NullsOrder? = nil) {
        self.expression = expression
        self.isDescending = isDescending
        self.nulls = nulls
    }
}
