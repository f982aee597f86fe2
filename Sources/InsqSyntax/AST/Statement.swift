/// One statement of the language; later forms (CREATE, INSERT, EXPLAIN) become further cases.
public enum Statement: Hashable, Sendable {
    case query(Query)
}

/// A full query: a body, then ORDER BY, LIMIT and OFFSET.
public struct Query: Hashable, Sendable {
    public var body: QueryBody
    public var orderBy: [OrderItem]
    public var limit: Expression?
    public var offset: Expression?
    public var range: SourceRange
    public init(body: QueryBody, orderBy: [OrderItem] = [], limit: Expression? = nil,
                offset: Expression? = nil, range: SourceRange) {
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
        self.range = range
    }
}

/// What a query computes before ordering; set operations and pipes become further cases.
public indirect enum QueryBody: Hashable, Sendable {
    case select(SelectCore)
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
    /// `left [INNER|LEFT [OUTER]|CROSS] JOIN right [ON ...|USING (...)]`, left-associative.
    case join(left: TableReference, kind: JoinKind, right: TableReference, condition: JoinCondition, range: SourceRange)
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
