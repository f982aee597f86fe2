/// A generated query and what its text promises about its answer, so that the comparison knows whether
/// the order of rows is part of the answer.
public struct GeneratedQuery: Sendable, CustomStringConvertible {
    public var sql: String
    /// The kinds of the output columns, in order.
    public var outputKinds: [ValueKind]
    /// Which output columns both engines compute exactly (see `GeneratedExpression.isExact`).
    public var outputExactness: [Bool]
    /// The ORDER BY over output columns, or nil when the order of rows is not determined (compare as multisets).
    public var orderKeys: [OutputOrderKey]?
    /// The ORDER BY starts with an expression that is not an output column.
    public var hasHiddenOrderKey: Bool
    public var hasLimit: Bool
    /// Some FROM clause, join or correlation pairs rows with no equality (a CROSS JOIN, a comma join without a
    /// connecting predicate, an ON or correlation of only `<`, `<>` or OR): quadratic by nature, so the cliff
    /// check leaves the query alone.
    public var hasCrossProduct = false
    /// The largest row bound of any FROM clause the query has (an equality join of values that repeat may yield
    /// more rows than any table).
    public var declaredRows: Double = 0
    /// Forms the query holds that the optimizer is known to run per outer value.
    public var cliffShapes: CliffShapes = []

    public var description: String { sql }
}

/// One ORDER BY term over an output column.
public struct OutputOrderKey: Sendable, Hashable {
    /// Index of the output column.
    public var column: Int
    public var isDescending: Bool
    /// Where NULLs go (both engines put them first in ascending order unless told otherwise).
    public var nullsFirst: Bool

    public init(column: Int, isDescending: Bool, nullsFirst: Bool) {
        self.column = column
        self.isDescending = isDescending
        self.nullsFirst = nullsFirst
    }
}
