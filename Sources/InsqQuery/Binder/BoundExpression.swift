import InsqStorage
import InsqSyntax

/// Arithmetic on numbers (and dates with day counts); operands already share the result's type
/// except where noted in the evaluator.
enum ArithmeticOperator: Hashable {
    case add, subtract, multiply, divide, modulo
}

/// Comparison operators.
enum ComparisonOperator: Hashable {
    case equal, notEqual, less, lessEqual, greater, greaterEqual
}

/// Scalar functions the engine evaluates.
enum ScalarFunction: String, Hashable {
    case year, month, day, lower, upper, length, substr, coalesce, round, abs
    /// `date_trunc('month'|'year'|'day', d)`: the unit is bound as a constant first argument.
    case dateTrunc = "date_trunc"
    /// `age(birth, at)`: whole years from the first date to the second.
    case age
}

/// Aggregate functions.
enum AggregateFunction: String, Hashable {
    case countStar = "count(*)", count, sum, avg, min, max
}

/// One aggregate computed by an aggregation: function, argument (input columns), DISTINCT.
struct AggregateCall: Hashable {
    var function: AggregateFunction
    var argument: BoundExpression?
    var isDistinct: Bool
    var type: DataType
}

/// A resolved, typed expression over the columns of an operator's input.
indirect enum BoundExpression: Hashable {
    /// An input column; the range is where it was named (for errors), ignored by equality.
    case column(Int, DataType, SourceRangeBox)
    case constant(Value, DataType)
    case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression, DataType)
    case negate(BoundExpression)
    case compare(ComparisonOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case not(BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    case like(BoundExpression, pattern: LikePattern, negated: Bool)
    case caseWhen([BoundWhen], elseResult: BoundExpression?, DataType)
    case cast(BoundExpression, DataType)
    case concat(BoundExpression, BoundExpression)
    case function(ScalarFunction, [BoundExpression], DataType)
    /// The i-th aggregate of the enclosing aggregation (only while binding).
    case aggregate(Int, DataType)
    /// Marks where an expression that can fail at run time (overflow, a bad cast) was written.
    case located(BoundExpression, SourceRangeBox)
    /// The i-th window call of the enclosing select list (only while binding).
    case windowResult(Int, DataType)
    /// A column of an enclosing query, read by a correlated subquery: the `depth`-th scope outwards.
    case outerColumn(depth: Int, index: Int, DataType)
    /// A subquery used as a value; `outer` lists the enclosing columns it reads (evaluated per distinct values).
    case subquery(SubqueryPlan)

    var type: DataType {
        switch self {
        case let .column(_, t, _): return t
        case let .constant(_, t): return t
        case let .arithmetic(_, _, _, t): return t
        case let .negate(e): return e.type
        case .compare, .and, .or, .not, .isNull, .like: return .boolean
        case let .caseWhen(_, _, t): return t
        case let .cast(_, t): return t
        case .concat: return .text
        case let .function(_, _, t): return t
        case let .aggregate(_, t): return t
        case let .located(e, _): return e.type
        case let .windowResult(_, t): return t
        case let .outerColumn(_, _, t): return t
        case let .subquery(s): return s.type
        }
    }

    /// Children, for generic walks.
    var children: [BoundExpression] {
        switch self {
        case .column, .constant, .aggregate, .windowResult, .outerColumn: return []
        case let .subquery(s): return s.outerArguments + (s.operand.map { [$0] } ?? [])
        case let .arithmetic(_, a, b, _), let .compare(_, a, b), let .and(a, b), let .or(a, b), let .concat(a, b):
            return [a, b]
        case let .negate(e), let .not(e), let .isNull(e, _), let .like(e, _, _), let .cast(e, _), let .located(e, _): return [e]
        case let .caseWhen(whens, e, _):
            return whens.flatMap { [$0.condition, $0.result] } + (e.map { [$0] } ?? [])
        case let .function(_, args, _): return args
        }
    }

    /// Rebuilds the tree bottom-up, letting `transform` replace any node first (returning nil keeps descending).
    func rewritten(_ transform: (BoundExpression) throws -> BoundExpression?) rethrows -> BoundExpression {
        if let replaced = try transform(self) { return replaced }
        func r(_ e: BoundExpression) throws -> BoundExpression { try e.rewritten(transform) }
        switch self {
        case .column, .constant, .aggregate, .windowResult, .outerColumn: return self
        case let .subquery(s):
            var copy = s
            copy.outerArguments = try s.outerArguments.map(r)
            copy.operand = try s.operand.map(r)
            return .subquery(copy)
        case let .arithmetic(op, a, b, t): return .arithmetic(op, try r(a), try r(b), t)
        case let .negate(e): return .negate(try r(e))
        case let .compare(op, a, b): return .compare(op, try r(a), try r(b))
        case let .and(a, b): return .and(try r(a), try r(b))
        case let .or(a, b): return .or(try r(a), try r(b))
        case let .not(e): return .not(try r(e))
        case let .isNull(e, n): return .isNull(try r(e), negated: n)
        case let .like(e, p, n): return .like(try r(e), pattern: p, negated: n)
        case let .caseWhen(whens, e, t):
            return .caseWhen(try whens.map { BoundWhen(condition: try r($0.condition), result: try r($0.result)) },
                             elseResult: try e.map(r), t)
        case let .cast(e, t): return .cast(try r(e), t)
        case let .concat(a, b): return .concat(try r(a), try r(b))
        case let .function(f, args, t): return .function(f, try args.map(r), t)
        case let .located(e, box): return .located(try r(e), box)
        }
    }

    /// The expression reading column `mapping[i] - shift` wherever it read column i (unmapped: i - shift).
    func remappingColumns(_ mapping: [Int: Int], shift: Int = 0) -> BoundExpression {
        rewritten { node in
            if case let .column(i, t, box) = node { return .column((mapping[i] ?? i) - shift, t, box) }
            return nil
        }
    }

    /// Every input column index the expression reads.
    func collectColumns(into set: inout Set<Int>) {
        if case let .column(i, _, _) = self { set.insert(i) }
        for c in children { c.collectColumns(into: &set) }
    }

    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    /// The expression without a `.located` wrapper.
    var unlocated: BoundExpression {
        if case let .located(e, _) = self { return e.unlocated }
        return self
    }
}

/// What a subquery expression asks of its rows.
enum SubqueryKind: Hashable {
    /// The single value of a one-column, at most one-row result (NULL when empty).
    case scalar
    /// Whether any row exists.
    case exists(negated: Bool)
    /// Whether the operand is among the single column's values (three-valued).
    case inValues(negated: Bool)
}

/// A bound subquery expression: its plan, and for a correlated one the enclosing values it reads.
struct SubqueryPlan: Hashable {
    var kind: SubqueryKind
    /// The subquery's plan; `.outerColumn(depth: 0, index: k)` inside it reads `outerArguments[k]`.
    var plan: PlanBox
    /// Expressions over the enclosing input whose values the subquery reads (empty: uncorrelated).
    var outerArguments: [BoundExpression]
    /// The IN operand, over the enclosing input.
    var operand: BoundExpression?
    var type: DataType
}

/// Holds a plan inside an expression; plans are compared by identity (a subquery is never "the same
/// expression" as another for GROUP BY matching, but is equal to itself).
final class PlanBox: Hashable {
    let plan: LogicalPlan
    let columnTypes: [DataType]
    init(_ plan: LogicalPlan, columnTypes: [DataType]) {
        self.plan = plan
        self.columnTypes = columnTypes
    }
    static func == (a: PlanBox, b: PlanBox) -> Bool { a === b }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// One WHEN arm after binding.
struct BoundWhen: Hashable {
    var condition: BoundExpression
    var result: BoundExpression
}

/// Carries a source range without taking part in equality, so equal expressions named in
/// different places compare equal (GROUP BY matching).
struct SourceRangeBox: Hashable {
    var range: SourceRange
    init(_ range: SourceRange) { self.range = range }
    static func == (_: SourceRangeBox, _: SourceRangeBox) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

/// A LIKE pattern compiled once: literal segments between `%`, with `_` as one-character wildcards.
struct LikePattern: Hashable {
    let pattern: String
    /// Pattern as Unicode scalars, with escapes resolved: nil entries are `_`, and `%` splits segments.
    private let tokens: [LikeToken]

    enum LikeToken: Hashable {
        case literal(Unicode.Scalar)
        case any       // _
        case many      // %
    }

    init(_ pattern: String, escape: Unicode.Scalar?) {
        self.pattern = pattern
        var tokens: [LikeToken] = []
        var escaped = false
        for s in pattern.unicodeScalars {
            if escaped {
                tokens.append(.literal(s))
                escaped = false
            } else if let e = escape, s == e {
                escaped = true
            } else if s == "%" {
                if tokens.last != .many { tokens.append(.many) }
            } else if s == "_" {
                tokens.append(.any)
            } else {
                tokens.append(.literal(s))
            }
        }
        self.tokens = tokens
    }

    /// Whether `text` matches; iterative with backtracking to the last `%` (linear for typical patterns).
    func matches(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var si = 0, pi = 0
        var starP = -1, starS = 0
        while si < s.count {
            if pi < tokens.count {
                switch tokens[pi] {
                case .many:
                    starP = pi
                    starS = si
                    pi += 1
                    continue
                case .any:
                    si += 1
                    pi += 1
                    continue
                case let .literal(c):
                    if c == s[si] {
                        si += 1
                        pi += 1
                        continue
                    }
                }
            }
            if starP >= 0 {
                pi = starP + 1
                starS += 1
                si = starS
            } else {
                return false
            }
        }
        while pi < tokens.count, tokens[pi] == .many { pi += 1 }
        return pi == tokens.count
    }
}
