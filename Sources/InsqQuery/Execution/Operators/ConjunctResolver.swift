import InsqStorage

/// Recognizes the predicate shapes that have typed loops: a column against constants or another column,
/// IN lists, IS NULL, text tests per dictionary entry; each possibly under NOT.
struct ConjunctResolver {
    let table: Table
    let scanColumns: [Int]

    func resolve(_ e: BoundExpression, negated: Bool) -> ScanConjunct? {
        switch e {
        case let .located(x, _): return resolve(x, negated: negated)
        case let .not(x): return resolve(x, negated: !negated)
        case let .constant(v, _):
            if case let .boolean(b) = v { return b != negated ? .always : .never }
            return v.isNull ? .never : nil
        case let .isNull(x, n):
            guard let c = column(x) else { return nil }
            return .isNull(c, negated: n != negated)
        case let .compare(op, a, b):
            return compare(negated ? op.negation : op, a, b)
        case .or:
            let terms = Self.disjuncts(e)
            return valueList(terms, negated: negated) ?? textTable(terms, negated: negated)
        case .like:
            guard let (c, truth) = textTruth(e) else { return nil }
            return .codeTable(c, negated ? truth.map { !$0 } : truth)
        default:
            return nil
        }
    }

    /// The table column an expression reads unchanged: a column, possibly under casts that keep every value.
    func column(_ e: BoundExpression) -> Int? {
        switch e {
        case let .located(x, _): return column(x)
        case let .column(i, _, _): return scanColumns[i]
        case let .cast(x, to):
            // A wider DECIMAL of the same scale holds the same scaled integers (comparisons insert these).
            guard case let .decimal(p1, s1) = x.type, case let .decimal(p2, s2) = to, s1 == s2, p2 >= p1 else { return nil }
            return column(x)
        default:
            return nil
        }
    }

    private func constant(_ e: BoundExpression) -> Value? {
        if case let .constant(v, _) = e.unlocated { return v }
        return nil
    }

    private func compare(_ op: ComparisonOperator, _ a: BoundExpression, _ b: BoundExpression) -> ScanConjunct? {
        if let c = column(a), let v = constant(b) { return compare(c, op, v) }
        if let v = constant(a), let c = column(b) { return compare(c, op.flipped, v) }
        guard let x = column(a), let y = column(b) else { return nil }
        switch (table.columns[x].data, table.columns[y].data) {
        case (.int64, .int64): return .int64Columns(x, op, y)
        case (.int32, .int32): return .int32Columns(x, op, y)
        case (.double, .double): return .doubleColumns(x, op, y)
        default: return nil
        }
    }

    private func compare(_ c: Int, _ op: ComparisonOperator, _ v: Value) -> ScanConjunct? {
        if v.isNull { return .never }
        let column = table.columns[c]
        switch (column.data, v) {
        case let (.text(_, dict), .text(s)):
            if op == .equal || op == .notEqual {
                return .codeList(c, dict.code(of: s).map { [$0] } ?? [], negated: op == .notEqual)
            }
            return .codeTable(c, dict.strings.map { TextOrder.compare(op, $0, s) })
        case let (.double, .double(k)):
            return .double(c, op, k)
        case (.int32, _):
            return int32(v).map { .int32(c, op, $0) }
        case (.int64, _):
            return int64(v, column.type).map { .int64(c, op, $0) }
        default:
            return nil
        }
    }

    /// The constant as stored in an Int64 column of `type` (BIGINT, or DECIMAL of the same scale).
    private func int64(_ v: Value, _ type: DataType) -> Int64? {
        switch (v, type) {
        case let (.bigint(k), .bigint): return k
        case let (.decimal(k, s), .decimal(_, scale)) where s == scale: return k
        default: return nil
        }
    }

    private func int32(_ v: Value) -> Int32? {
        if case let .date(d) = v { return d }
        return nil
    }

    /// `x = a OR x = b …` (an IN list) on one column; a NULL item makes non-members NULL, not false.
    private func valueList(_ terms: [BoundExpression], negated: Bool) -> ScanConjunct? {
        var c: Int?
        var values: [Value] = []
        for t in terms {
            guard case let .compare(.equal, a, b) = t.unlocated else { return nil }
            guard let (x, v) = column(a).flatMap({ x in constant(b).map { (x, $0) } })
                    ?? column(b).flatMap({ x in constant(a).map { (x, $0) } }),
                  c == nil || c == x else { return nil }
            c = x
            values.append(v)
        }
        guard let c else { return nil }
        let hasNull = values.contains { $0.isNull }
        if negated && hasNull { return .never }
        let items = values.filter { !$0.isNull }
        let column = table.columns[c]
        switch column.data {
        case let .text(_, dict):
            var codes: [UInt32] = []
            for v in items {
                guard case let .text(s) = v else { return nil }
                if let code = dict.code(of: s) { codes.append(code) }
            }
            return .codeList(c, codes, negated: negated)
        case .int32:
            let days = items.compactMap(int32)
            return days.count == items.count ? .int32List(c, days, negated: negated) : nil
        case .int64:
            let ints = items.compactMap { int64($0, column.type) }
            return ints.count == items.count ? .int64List(c, ints, negated: negated) : nil
        default:
            return nil
        }
    }

    /// An OR of text tests (LIKE, comparisons) on one column, as one table over its dictionary.
    private func textTable(_ terms: [BoundExpression], negated: Bool) -> ScanConjunct? {
        var c: Int?
        var truth: [Bool] = []
        for t in terms {
            guard let (x, termTruth) = textTruth(t), c == nil || c == x else { return nil }
            if c == nil { truth = termTruth } else { for i in truth.indices { truth[i] = truth[i] || termTruth[i] } }
            c = x
        }
        guard let c else { return nil }
        return .codeTable(c, negated ? truth.map { !$0 } : truth)
    }

    /// A text test's answer for each entry of its column's dictionary; only tests that are true or false
    /// for every non-NULL value qualify (so that OR and NOT of them can be taken entry by entry).
    private func textTruth(_ e: BoundExpression) -> (Int, [Bool])? {
        switch e.unlocated {
        case let .like(x, pattern, negated):
            guard let c = column(x), case let .text(_, dict) = table.columns[c].data else { return nil }
            return (c, dict.strings.map { pattern.matches($0) != negated })
        case let .compare(op, a, b):
            switch compare(op, a, b) {
            case let .codeTable(c, truth)?:
                return (c, truth)
            case let .codeList(c, codes, negated)?:
                guard case let .text(_, dict) = table.columns[c].data else { return nil }
                var truth = [Bool](repeating: negated, count: dict.count)
                for code in codes { truth[Int(code)] = !negated }
                return (c, truth)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private static func disjuncts(_ e: BoundExpression) -> [BoundExpression] {
        if case let .or(a, b) = e.unlocated { return disjuncts(a) + disjuncts(b) }
        return [e]
    }
}
