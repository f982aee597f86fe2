import InsqStorage

/// Helpers every optimizer pass uses to take conditions apart and put them back together.
extension BoundExpression {
    /// The terms of a chain of ANDs (the expression itself when it is no AND).
    var conjuncts: [BoundExpression] {
        if case let .and(a, b) = self { return a.conjuncts + b.conjuncts }
        if case let .located(inner, _) = self, case .and = inner { return inner.conjuncts }
        return [self]
    }

    /// The terms of a chain of ORs.
    var disjuncts: [BoundExpression] {
        if case let .or(a, b) = self { return a.disjuncts + b.disjuncts }
        if case let .located(inner, _) = self, case .or = inner { return inner.disjuncts }
        return [self]
    }

    /// The input columns the expression reads.
    var columnSet: Set<Int> {
        var s = Set<Int>()
        collectColumns(into: &s)
        return s
    }

    /// Whether a subquery appears anywhere in the expression.
    var containsSubquery: Bool {
        if case .subquery = self { return true }
        return children.contains { $0.containsSubquery }
    }

    /// The AND of `terms` as a balanced tree (nil when there are none), so long lists stay shallow.
    static func allOf(_ terms: [BoundExpression]) -> BoundExpression? {
        terms.isEmpty ? nil : TypeRules.balanced(terms, BoundExpression.and)
    }

    /// The OR of `terms` as a balanced tree (nil when there are none).
    static func anyOf(_ terms: [BoundExpression]) -> BoundExpression? {
        terms.isEmpty ? nil : TypeRules.balanced(terms, BoundExpression.or)
    }

    /// A reference to input column `index` (no source position).
    static func input(_ index: Int, _ type: DataType) -> BoundExpression {
        .column(index, type, SourceRangeBox(.init(0, 0)))
    }
}
