import InsqStorage

extension PhysicalPlanner {
    /// `WHERE rn = 1` (or `rn <= 1`, `rn < 2`) right above a window whose only call is `ROW_NUMBER() ... AS rn`:
    /// the first row per partition, without numbering every row. Other conditions stay in a filter above it.
    func firstPerPartition(_ child: LogicalPlan, _ predicate: BoundExpression) -> PhysicalOperator? {
        guard case let .window(input, calls) = child, calls.count == 1, calls[0].function == .rowNumber else { return nil }
        let inputTypes = input.outputTypes()
        var rest: [BoundExpression] = []
        var found = false
        for c in predicate.conjuncts {
            if !found && Self.selectsFirstRow(c.unlocated, column: inputTypes.count) { found = true } else { rest.append(c) }
        }
        guard found else { return nil }
        let first = FirstPerPartitionOperator(child: build(input), inputTypes: inputTypes, call: calls[0], compiler: compiler)
        if rest.isEmpty { return first }
        return FilterOperator(child: first, predicate: compiler.compile(TypeRules.balanced(rest, BoundExpression.and)))
    }

    /// Whether the condition holds for row number 1 and no other.
    private static func selectsFirstRow(_ e: BoundExpression, column: Int) -> Bool {
        guard case let .compare(op, lhs, rhs) = e else { return false }
        switch (lhs.unlocated, rhs.unlocated) {
        case let (.column(c, _, _), .constant(.bigint(k), _)) where c == column:
            return op == .equal && k == 1 || op == .lessEqual && k == 1 || op == .less && k == 2
        case let (.constant(.bigint(k), _), .column(c, _, _)) where c == column:
            return op == .equal && k == 1 || op == .greaterEqual && k == 1 || op == .greater && k == 2
        default:
            return false
        }
    }
}
