import InsqStorage

/// Takes a binary join's condition apart: equalities between an expression of each side become hash keys,
/// conditions on the right side alone filter that side before the join (for every join kind a condition
/// in ON may read the right side alone), and the rest is checked for each candidate pair.
enum JoinConditions {
    /// The join with keys split out of its residual, and the conditions that filter its right input.
    static func split(_ join: JoinPlan, leftCount: Int) -> (join: JoinPlan, rightFilters: [BoundExpression]) {
        guard let residual = join.residual else { return (join, []) }
        var leftKeys = join.leftKeys, rightKeys = join.rightKeys
        var rest: [BoundExpression] = [], rightFilters: [BoundExpression] = []
        for c in residual.conjuncts {
            let columns = c.columnSet
            if let (l, r) = keyPair(c, leftCount: leftCount) {
                leftKeys.append(l)
                rightKeys.append(r)
            } else if !columns.isEmpty, columns.allSatisfy({ $0 >= leftCount }), !c.containsSubquery {
                rightFilters.append(c.remappingColumns([:], shift: leftCount))
            } else {
                rest.append(c)
            }
        }
        let kind: JoinKindPlan = join.kind == .cross && !leftKeys.isEmpty ? .inner : join.kind
        return (JoinPlan(kind: kind, leftKeys: leftKeys, rightKeys: rightKeys, residual: .allOf(rest)), rightFilters)
    }

    /// `l = r` with l reading only the left input's columns and r only the right's (r in the right input's
    /// own positions), or nil.
    static func keyPair(_ c: BoundExpression, leftCount: Int) -> (BoundExpression, BoundExpression)? {
        guard case let .compare(.equal, a, b) = c.unlocated, !c.containsSubquery else { return nil }
        let ca = a.columnSet, cb = b.columnSet
        guard !ca.isEmpty, !cb.isEmpty else { return nil }
        if ca.allSatisfy({ $0 < leftCount }) && cb.allSatisfy({ $0 >= leftCount }) {
            return (a, b.remappingColumns([:], shift: leftCount))
        }
        if cb.allSatisfy({ $0 < leftCount }) && ca.allSatisfy({ $0 >= leftCount }) {
            return (b, a.remappingColumns([:], shift: leftCount))
        }
        return nil
    }
}
