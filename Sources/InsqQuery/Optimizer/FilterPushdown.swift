import InsqStorage

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
        propagateConstants(&pushed, from: from, tables: tables)
        return (pushed.mapValues { TypeRules.balanced($0, BoundExpression.and) },
                remaining.isEmpty ? nil : TypeRules.balanced(remaining, BoundExpression.and))
    }

    /// `a = 5` beside a join key `a = b` means `b = 5` too: filtering b's table early lets a lookup
    /// by key (one person's payments) skip the scan of the whole other table. For a LEFT JOIN this
    /// holds from the preserved side to the padded side only.
    private static func propagateConstants(_ pushed: inout [Int: [BoundExpression]], from: FromNode, tables: [Range<Int>]) {
        var pairs: [(Int, Int, DataType, toPaddedSide: Range<Int>?)] = []
        collectKeyPairs(from, into: &pairs)
        let allTables = tableRanges(from)
        for (_, conditions) in pushed {
            for c in conditions {
                guard case let .compare(.equal, lhs, rhs) = c else { continue }
                let (columnSide, constant): (BoundExpression, BoundExpression) = rhs.isConstant ? (lhs, rhs) : (rhs, lhs)
                guard constant.isConstant, case let .column(i, type, _) = columnSide.unlocated else { continue }
                for (a, b, pairType, padded) in pairs where pairType == type && (a == i || b == i) {
                    let other = a == i ? b : a
                    if let padded, !padded.contains(other) { continue }
                    guard let target = allTables.first(where: { $0.contains(other) }),
                          padded != nil || tables.contains(target) else { continue }
                    let derived = BoundExpression.compare(.equal, .column(other, type, SourceRangeBox(.init(0, 0))), constant)
                    if !(pushed[target.lowerBound] ?? []).contains(derived) { pushed[target.lowerBound, default: []].append(derived) }
                }
            }
        }
    }

    /// Column-to-column equi-join keys; for a LEFT JOIN, with the padded side's range.
    private static func collectKeyPairs(_ node: FromNode, into pairs: inout [(Int, Int, DataType, toPaddedSide: Range<Int>?)]) {
        guard case let .join(l, r, kind, leftKeys, rightKeys, _) = node else { return }
        collectKeyPairs(l, into: &pairs)
        collectKeyPairs(r, into: &pairs)
        for (lk, rk) in zip(leftKeys, rightKeys) {
            if case let .column(a, ta, _) = lk.unlocated, case let .column(b, tb, _) = rk.unlocated, ta == tb {
                pairs.append((a, b, ta, kind == .left ? r.virtualRange : nil))
            }
        }
    }

    private static func tableRanges(_ node: FromNode) -> [Range<Int>] {
        switch node {
        case .singleRow: return []
        case .table, .relation: return [node.virtualRange]
        case let .join(l, r, _, _, _, _): return tableRanges(l) + tableRanges(r)
        }
    }

    /// Virtual column ranges of the tables whose rows are never NULL-padded.
    private static func pushableTables(_ node: FromNode, isNullable: Bool) -> [Range<Int>] {
        switch node {
        case .singleRow: return []
        case .table, .relation: return isNullable ? [] : [node.virtualRange]
        case let .join(l, r, kind, _, _, _):
            return pushableTables(l, isNullable: isNullable) + pushableTables(r, isNullable: isNullable || kind == .left)
        }
    }
}
