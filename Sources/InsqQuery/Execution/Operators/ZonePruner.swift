import InsqStorage

/// The conjuncts that bound an integer column to a range of values, checked against the column's zone map:
/// a morsel none of whose blocks holds a value in every range is skipped unread. Comparisons drop NULLs, so
/// a block of only NULLs (an empty range in its map) is skipped too.
struct ZonePruner {
    /// One conjunct's range, inclusive; `low > high` when it holds for no value.
    private struct Test {
        let map: ZoneMap
        let low: Int64
        let high: Int64
    }

    private let tests: [Test]

    /// Tables of a single block have nothing to skip, and building their maps would cost a pass.
    init(conjuncts: [ScanConjunct], columns: [Column]) {
        var tests: [Test] = []
        for conjunct in conjuncts {
            guard let (c, low, high) = Self.range(conjunct), columns[c].count > ZoneMap.blockRows,
                  let map = columns[c].zoneMap else { continue }
            tests.append(Test(map: map, low: low, high: high))
        }
        self.tests = tests
    }

    var isEmpty: Bool { tests.isEmpty }

    /// Whether some row of `rows` may pass every range test.
    func mayMatch(_ rows: Range<Int>) -> Bool {
        for t in tests where t.low > t.high || !t.map.mayHold(rows, low: t.low, high: t.high) { return false }
        return true
    }

    /// The column and the values a conjunct can keep, when it keeps only values of one range.
    private static func range(_ conjunct: ScanConjunct) -> (Int, Int64, Int64)? {
        switch conjunct {
        case let .int64(c, op, k): return compare(op, k).map { (c, $0.0, $0.1) }
        case let .int32(c, op, k): return compare(op, Int64(k)).map { (c, $0.0, $0.1) }
        case let .int64List(c, items, false):
            return (c, items.min() ?? 1, items.max() ?? 0)
        case let .int32List(c, items, false):
            return (c, Int64(items.min() ?? 1), Int64(items.max() ?? 0))
        case let .bitmap(c, low, high, _, false):
            return (c, low, high)
        case let .dayTable(c, low, truth):
            guard let first = truth.firstIndex(of: true), let last = truth.lastIndex(of: true) else { return (c, 1, 0) }
            return (c, Int64(low) + Int64(first), Int64(low) + Int64(last))
        default:
            return nil
        }
    }

    private static func compare(_ op: ComparisonOperator, _ k: Int64) -> (Int64, Int64)? {
        switch op {
        case .equal: return (k, k)
        case .notEqual: return nil
        case .less: return k == .min ? (1, 0) : (.min, k - 1)
        case .lessEqual: return (.min, k)
        case .greater: return k == .max ? (1, 0) : (k + 1, .max)
        case .greaterEqual: return (k, .max)
        }
    }
}
