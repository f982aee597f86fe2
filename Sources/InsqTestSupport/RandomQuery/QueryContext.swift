/// A column a generated query can name, and what is known of its values.
struct ColumnReference: Sendable {
    /// Qualified name, e.g. `p1.region_code`.
    var sql: String
    var kind: ValueKind
    var magnitude: Double
    var isNullable: Bool
    var isExact: Bool
    var literals: [String]
    var texts: [String]
    var domain: String
    /// Most rows sharing one value (join fan-out).
    var maxDuplicates: Int
    /// See `GeneratedExpression.isRealInSQLite`.
    var isRealInSQLite = false

    var expression: GeneratedExpression {
        var e = GeneratedExpression(sql, kind, magnitude: magnitude, isExact: isExact, isNullable: isNullable)
        e.hasColumn = true
        e.literals = literals
        e.texts = texts
        e.domain = domain
        e.isRealInSQLite = isRealInSQLite
        return e
    }
}

/// One item of a FROM clause after generation: a table, derived table or CTE under an alias.
struct QuerySource: Sendable {
    var alias: String
    var columns: [ColumnReference]
    /// Columns whose values together identify a row, or nil when none is known.
    var uniqueKey: [String]?
    /// An upper bound on the rows it yields.
    var rowBound: Double
}

/// A CTE of the query being generated: its name and output columns (`c1`, `c2`, ... unqualified).
struct DeclaredCTE: Sendable {
    var name: String
    var columns: [ColumnReference]
    /// Output names whose values identify a row, or nil.
    var uniqueKey: [String]?
    var rowBound: Double
}

/// A generated FROM clause.
struct FromClause: Sendable {
    var sql: String
    var sources: [QuerySource]
    var rowBound: Double
    /// Right-hand copies of `USING` columns, which `*` leaves out.
    var mergedByUsing: Set<String> = []
    /// A comma join's join predicates, which belong among the query's WHERE conditions.
    var conditions: [String] = []

    var columns: [ColumnReference] { sources.flatMap(\.columns) }

    /// Keys that put the rows of the whole FROM in one order, or nil when some source has none.
    var totalOrderKeys: [String]? {
        var keys: [String] = []
        for s in sources {
            guard let k = s.uniqueKey else { return nil }
            keys += k
        }
        return keys
    }

    static let none = FromClause(sql: "", sources: [], rowBound: 1)
}

/// Where an expression is generated: the columns in reach and which constructs the clause allows.
struct ExpressionContext: Sendable {
    /// Row-level columns of the FROM clause (and, in a correlated subquery, the enclosing query's).
    var columns: [ColumnReference]
    /// In an aggregating query's SELECT, HAVING and ORDER BY: the GROUP BY keys, the only row-level values
    /// that may appear outside an aggregate. Nil elsewhere.
    var groupKeys: [GeneratedExpression]?
    var allowsAggregates: Bool = false
    var allowsWindows: Bool = false
    var allowsSubqueries: Bool = true
    /// Keys that order all rows (for row_number, lag and lead); nil when the rows have no known identity.
    var totalOrderKeys: [String]?
    /// In a subquery: the row columns of each enclosing query, the nearest first, which a correlation may name.
    var enclosingColumns: [[ColumnReference]] = []
    /// How many subqueries this context is inside (0 in the query itself).
    var subqueryDepth = 0
    /// A condition made here is a conjunct of a WHERE clause (where a correlated EXISTS or IN becomes a join).
    var isWhereConjunct = false
    /// How many times a condition here may be evaluated: the rows of the FROM clause, times the rows of each
    /// subquery it is nested in (SQLite runs a correlated subquery once per row of the query outside it).
    var evaluations: Double = 1

    /// The context of an aggregate's argument: row values, no aggregates, windows or subqueries.
    var rowLevel: ExpressionContext {
        ExpressionContext(columns: columns, groupKeys: nil, allowsAggregates: false, allowsWindows: false,
                          allowsSubqueries: false, totalOrderKeys: nil)
    }

    /// The context of a window function's arguments, PARTITION BY and ORDER BY: row values, or in an
    /// aggregating query GROUP BY keys and aggregates (windows run after grouping).
    var windowInputs: ExpressionContext {
        guard groupKeys != nil else { return rowLevel }
        var ctx = self
        ctx.allowsWindows = false
        ctx.allowsSubqueries = false
        return ctx
    }

    /// The same context for a conjunct of a WHERE clause.
    var asWhereConjunct: ExpressionContext {
        var ctx = self
        ctx.isWhereConjunct = true
        return ctx
    }

    /// No columns at all: `SELECT` without FROM.
    static let constantsOnly = ExpressionContext(columns: [], groupKeys: nil)

    /// Whether a value of `family` can be made here from something other than a literal.
    func canRead(_ family: ValueFamily) -> Bool {
        if let keys = groupKeys {
            if keys.contains(where: { family.accepts($0.kind) }) { return true }
            return allowsAggregates && columns.contains { family.accepts($0.kind) }
        }
        return columns.contains { family.accepts($0.kind) }
    }
}

/// What a generator call is asked for.
enum ValueFamily: Sendable, CaseIterable {
    case number
    case text
    case date
    case boolean

    func accepts(_ kind: ValueKind) -> Bool {
        switch self {
        case .number: return kind.isNumeric
        case .text: return kind == .text
        case .date: return kind == .date
        case .boolean: return kind == .boolean
        }
    }

    init(_ kind: ValueKind) {
        switch kind {
        case .integer, .decimal, .double: self = .number
        case .text: self = .text
        case .date: self = .date
        case .boolean: self = .boolean
        }
    }
}
