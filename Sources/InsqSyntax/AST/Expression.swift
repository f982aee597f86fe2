/// A name as written, with its place in the source.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    /// The name: unquoted names as written, quoted names without their quotes.
    public var name: String
    public var range: SourceRange
    public var isQuoted: Bool
    public init(name: String, range: SourceRange, isQuoted: Bool = false) {
        self.name = name
        self.range = range
        self.isQuoted = isQuoted
    }
    public var description: String { name }
}

/// A literal value as written in the query.
public enum Literal: Hashable, Sendable {
    /// Digits with an optional fraction and exponent, exactly as written (`42`, `3.50`, `1e3`).
    case number(String)
    case string(String)
    case boolean(Bool)
    case null
    /// `DATE 'YYYY-MM-DD'`; the text inside the quotes.
    case date(String)
}

/// Unary operators.
public enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "NOT"
}

/// Binary operators, from arithmetic to logic.
public enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case concat = "||"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "AND", or = "OR"
}

/// A type as written in CAST or a column definition: `DECIMAL(14,2)`, `BIGINT`, `TEXT`.
public struct TypeName: Hashable, Sendable {
    public var name: String
    public var parameters: [Int]
    public var range: SourceRange
    public init(name: String, parameters: [Int], range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.range = range
    }
}

/// One `WHEN condition THEN result` arm of a CASE expression.
public struct WhenClause: Hashable, Sendable {
    public var condition: Expression
    public var result: Expression
    public init(condition: Expression, result: Expression) {
        self.condition = condition
        self.result = result
    }
}

/// The shapes an expression can take.
public indirect enum ExpressionKind: Hashable, Sendable {
    case literal(Literal)
    /// `name` or `table.name`.
    case column(table: Identifier?, name: Identifier)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `e IS [NOT] NULL`.
    case isNull(Expression, negated: Bool)
    /// `e [NOT] IN (a, b, ...)`.
    case inList(Expression, [Expression], negated: Bool)
    /// `e [NOT] BETWEEN low AND high`.
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    /// `e [NOT] LIKE pattern [ESCAPE c]`.
    case like(Expression, pattern: Expression, escape: Expression?, negated: Bool)
    /// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
    case caseWhen(operand: Expression?, whens: [WhenClause], elseResult: Expression?)
    /// `CAST(e AS type)`.
    case cast(Expression, TypeName)
    /// A function or aggregate call: `f(a, b)`, `COUNT(*)` (isStar), `COUNT(DISTINCT x)` (isDistinct).
    /// `current_date` (no parentheses) is a call with no arguments.
    case function(name: Identifier, arguments: [Expression], isDistinct: Bool, isStar: Bool)
    /// `call OVER (PARTITION BY ... ORDER BY ...)`: `call` is a `.function` expression.
    case window(call: Expression, WindowSpecification)
    /// `(SELECT ...)` used as a value: one column, at most one row.
    case scalarSubquery(Query)
    /// `[NOT] EXISTS (SELECT ...)`.
    case exists(Query, negated: Bool)
    /// `e [NOT] IN (SELECT ...)`.
    case inSubquery(Expression, Query, negated: Bool)
    /// `EXTRACT(field FROM e)`; field is YEAR, MONTH, DAY and the like, as written.
    case extract(field: Identifier, Expression)
}

/// `PARTITION BY ... ORDER BY ...` of a window function (the default frame only).
public struct WindowSpecification: Hashable, Sendable {
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    public var range: SourceRange
    public init(partitionBy: [Expression], orderBy: [OrderItem], range: SourceRange) {
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.range = range
    }
}

/// An expression node with the source range it was parsed from.
public struct Expression: Hashable, Sendable {
    public var kind: ExpressionKind
    public var range: SourceRange
    public init(_ kind: ExpressionKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
