import InsqStorage

/// What conditions say about one input column: its value is one of a few constants, is none of some others, lies
/// within bounds, or is not NULL. Recognizes `c = k`, `c <> k`, `c < k` and the other orders (either way round),
/// `c [NOT] IN (k1, ...)`, `c IS NOT NULL`, where `c` may stand under casts between numeric types (comparisons
/// insert them; they keep the value).
struct ColumnRestriction {
    var column: Int
    /// The constants the column must equal one of (`=`, an IN list); nil: no equality.
    var values: [Value]?
    /// Constants the column must differ from (`<>`, NOT IN).
    var excluded: [Value] = []
    var lower: RangeBound?
    var upper: RangeBound?

    init(column: Int, values: [Value]? = nil, excluded: [Value] = [], lower: RangeBound? = nil, upper: RangeBound? = nil) {
        self.column = column
        self.values = values
        self.excluded = excluded
        self.lower = lower
        self.upper = upper
    }

    /// `column op constant`, for an equality or an order on a number, date or boolean.
    init(column: Int, _ op: ComparisonOperator, _ constant: Value) {
        let position = ValueSummary.logical(constant)
        switch op {
        case .equal: self.init(column: column, values: [constant])
        case .less, .lessEqual: self.init(column: column, upper: position.map { RangeBound(value: $0, isInclusive: op == .lessEqual) })
        case .greater, .greaterEqual:
            self.init(column: column, lower: position.map { RangeBound(value: $0, isInclusive: op == .greaterEqual) })
        case .notEqual: self.init(column: column, excluded: [constant])
        }
    }

    init?(_ conjunct: BoundExpression) {
        switch conjunct {
        case let .located(inner, _):
            self.init(inner)
        case let .compare(op, a, b):
            guard let (c, k, order) = Self.columnAgainstConstant(op, a, b) else { return nil }
            // Order comparisons need a position: text ones are sampled from the dictionary instead.
            guard order == .equal || order == .notEqual || ValueSummary.logical(k) != nil else { return nil }
            self.init(column: c, order, k)
        case .or:
            guard let (column, values) = Self.valueList(conjunct) else { return nil }
            self.init(column: column, values: values)
        case let .isNull(operand, negated: true):
            guard let c = Self.column(operand) else { return nil }
            self.init(column: c)
        case let .not(inner):
            if case let .isNull(operand, negated: false) = inner.unlocated, let c = Self.column(operand) {
                self.init(column: c)
            } else if let (column, values) = Self.valueList(inner) {
                self.init(column: column, excluded: values)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    /// `c = k1 OR c = k2 ...` (an IN list, or one equality) on one column.
    private static func valueList(_ e: BoundExpression) -> (Int, [Value])? {
        var column: Int?
        var values: [Value] = []
        for term in e.disjuncts {
            guard case let .compare(.equal, a, b) = term.unlocated, let (c, k, _) = columnAgainstConstant(.equal, a, b),
                  column == nil || column == c else { return nil }
            column = c
            values.append(k)
        }
        return column.map { ($0, values) }
    }

    /// The column, the non-NULL constant and the order as seen from the column (`5 < c` is `c > 5`).
    private static func columnAgainstConstant(_ op: ComparisonOperator, _ a: BoundExpression,
                                              _ b: BoundExpression) -> (Int, Value, ComparisonOperator)? {
        if let c = column(a), case let .constant(k, _) = b.unlocated, !k.isNull { return (c, k, op) }
        if let c = column(b), case let .constant(k, _) = a.unlocated, !k.isNull { return (c, k, op.flipped) }
        return nil
    }

    /// The input column an expression reads unchanged.
    static func column(_ e: BoundExpression) -> Int? {
        switch e {
        case let .located(inner, _): return column(inner)
        case let .column(i, _, _): return i
        case let .cast(inner, type) where inner.type.isNumeric && type.isNumeric: return column(inner)
        default: return nil
        }
    }

    /// Both restrictions at once (`c >= 1 AND c <= 9`, `c IN (1, 2) AND c > 1`).
    mutating func intersect(_ other: ColumnRestriction) {
        if let theirs = other.values {
            values = values.map { mine in mine.filter(theirs.contains) } ?? theirs
        }
        excluded += other.excluded
        if let bound = other.lower, lower.map({ bound.value > $0.value || (bound.value == $0.value && !bound.isInclusive) }) ?? true {
            lower = bound
        }
        if let bound = other.upper, upper.map({ bound.value < $0.value || (bound.value == $0.value && !bound.isInclusive) }) ?? true {
            upper = bound
        }
    }

    /// Whether a row can hold `value` and pass the bounds: not NULL, inside the range and on its step, and for
    /// text in the dictionary.
    func admits(_ value: Value, _ summary: ValueSummary) -> Bool {
        if value.isNull { return false }
        if case let .text(text) = value { return summary.dictionary.map { $0.code(of: text) != nil } ?? true }
        guard let position = ValueSummary.logical(value) else { return false }
        if let lower, position < lower.value || (position == lower.value && !lower.isInclusive) { return false }
        if let upper, position > upper.value || (position == upper.value && !upper.isInclusive) { return false }
        guard let range = summary.range else { return true }
        guard range.contains(position) else { return false }
        guard summary.step > 0 else { return true }
        let steps = (position - range.lowerBound) / summary.step
        return abs(steps - steps.rounded()) < 1e-6
    }
}
