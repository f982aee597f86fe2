/// Moves WHERE conditions that read a single table down to that table's scan, so joins see fewer rows.
/// A condition on the NULL-padded side of a LEFT JOIN stays above the join: pushing it would keep rows
/// the WHERE clause removes.
enum FilterPushdown {
    /// Conditions per table (keyed by the table's virtual offset) and what must stay after the joins.
    static func split(_ condition: BoundExpression?, from: FromNode) -> (pushed: [Int: BoundExpression], remaining: BoundExpression?) {
        guard let condition else { return ([:], nil) }
        guard case .join = from else { return ([:], condition) }
        let tables = pushableTables(from, isNullable: false)
        var pushed: [Int: [BoundExpression]] = [:]
        var remaining: [BoundExpression] = []
        for c in FromBinder.conjuncts(condition) {
            let columns = FromBinder.columns(c)
            if let t = tables.first(where: { range in !columns.isEmpty && columns.allSatisfy { range.contains($0) } }) {
                pushed[t.lowerBound, default: []].append(c)
            } else {
                remaining.append(c)
            }
        }
        return (pushed.mapValues { TypeRules.balanced($0, BoundExpression.and) },
                remaining.isEmpty ? nil : TypeRules.balanced(remaining, BoundExpression.and))
    }

    /// Virtual column ranges of the tables whose rows are never NULL-padded.
    private static func pushableTables(_ node: FromNode, isNullable: Bool) -> [Range<Int>] {
        switch node {
        case .singleRow: return []
        case .table: return isNullable ? [] : [node.virtualRange]
        case let .join(l, r, kind, _, _, _):
            return pushableTables(l, isNullable: isNullable) + pushableTables(r, isNullable: isNullable || kind == .left)
        }
    }
}
