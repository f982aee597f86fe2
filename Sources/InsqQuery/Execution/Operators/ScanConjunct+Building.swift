import InsqStorage

extension ScanConjunct {
    /// The conjunct for `e`, an expression over a scan's outputs; `scanColumns` maps outputs to table columns.
    static func make(_ e: BoundExpression, table: Table, scanColumns: [Int], compiler: ExpressionCompiler) -> ScanConjunct {
        let resolver = ConjunctResolver(table: table, scanColumns: scanColumns)
        if let fast = resolver.resolve(e, negated: false) { return fast }
        var used = Set<Int>()
        e.collectColumns(into: &used)
        let inputs = used.sorted()
        let mapping = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($1, $0) })
        let generic = ScanConjunct.generic(compiler.compile(e.remappingColumns(mapping)), columns: inputs.map { scanColumns[$0] })
        if inputs.count == 1, !e.hasSubqueryOrOuterValue {
            let c = scanColumns[inputs[0]]
            switch table.columns[c].data {
            case .text, .int32:
                return .domain(DomainTest(column: c, storage: table.columns[c],
                                          predicate: compiler.compile(e.remappingColumns(mapping)), fallback: generic))
            default:
                break
            }
        }
        guard let (plan, operand, negated) = inSubquery(e, negated: false), let c = resolver.column(operand),
              plan.plan.columnTypes.first == operand.type else { return generic }
        switch table.columns[c].data {
        case .int64, .int32, .text:
            return .subquery(SubqueryMembership(column: c, storage: table.columns[c], plan: plan, negated: negated,
                                                context: compiler.context, fallback: generic))
        default:
            return generic
        }
    }

    /// `x IN (subquery)` or `x NOT IN (…)` where the subquery reads nothing of the enclosing row.
    private static func inSubquery(_ e: BoundExpression, negated: Bool) -> (SubqueryPlan, BoundExpression, Bool)? {
        switch e {
        case let .located(x, _): return inSubquery(x, negated: negated)
        case let .not(x): return inSubquery(x, negated: !negated)
        case let .subquery(s):
            guard case let .inValues(n) = s.kind, s.outerArguments.isEmpty, let operand = s.operand else { return nil }
            return (s, operand, n != negated)
        default:
            return nil
        }
    }
}

private extension BoundExpression {
    /// Whether the expression holds a subquery (costly to run per distinct value) or reads an enclosing
    /// query's value (not a function of its columns alone).
    var hasSubqueryOrOuterValue: Bool {
        switch self {
        case .subquery, .outerColumn: return true
        default: return children.contains { $0.hasSubqueryOrOuterValue }
        }
    }
}

extension ComparisonOperator {
    /// The operator giving the opposite answer on non-NULL values: NOT (a < b) is a >= b.
    var negation: ComparisonOperator {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterEqual
        case .lessEqual: return .greater
        case .greater: return .lessEqual
        case .greaterEqual: return .less
        }
    }
}
