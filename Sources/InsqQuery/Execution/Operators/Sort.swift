import InsqStorage

/// ORDER BY: materializes the input and sorts row indices with typed comparators; ties keep input order.
final class SortOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let keys: [SortKey]
    private let types: [DataType]
    private var output: ColumnsOperator?

    init(child: PhysicalOperator, keys: [SortKey], types: [DataType]) {
        self.child = child
        self.keys = keys
        self.types = types
    }

    func next() throws -> Batch? {
        if output == nil {
            let (columns, n) = try Materialize.columns(child, types: types)
            let comparators = keys.map { RowComparator.make(columns[$0.column], $0) }
            var order = Array(0..<n)
            order.sort { a, b in
                for c in comparators {
                    let r = c(a, b)
                    if r != 0 { return r < 0 }
                }
                return a < b
            }
            output = ColumnsOperator(columns: columns.map { $0.gather(order) }, rowCount: n)
        }
        return try output?.next()
    }
}

/// Three-way comparisons of rows within one column (sorting, window partitions and order).
enum RowComparator {
    /// A three-way comparison of two rows of one column, honouring direction and NULL placement.
    static func make(_ column: Column, _ key: SortKey) -> (Int, Int) -> Int {
        let direction = key.isDescending ? -1 : 1
        let nullOrder = key.nullsFirst ? -1 : 1
        let validity = column.validity
        func compareValues(_ a: Int, _ b: Int) -> Int {
            switch column.data {
            case let .int64(x): return x[a] < x[b] ? -1 : (x[a] > x[b] ? 1 : 0)
            case let .int32(x): return x[a] < x[b] ? -1 : (x[a] > x[b] ? 1 : 0)
            case let .double(x): return x[a] < x[b] ? -1 : (x[a] > x[b] ? 1 : 0)
            case let .bool(x): return x[a] == x[b] ? 0 : (x[a] ? 1 : -1)
            case .text: return 0
            }
        }
        var ranks: [Int32] = []
        if case let .text(_, dict) = column.data {
            // Sort the dictionary once; rows then compare by rank.
            let order = (0..<dict.count).sorted { TextOrder.less(dict.strings[$0], dict.strings[$1]) }
            ranks = [Int32](repeating: 0, count: dict.count)
            var rank: Int32 = 0
            for (k, code) in order.enumerated() {
                if k > 0 && !TextOrder.equal(dict.strings[order[k - 1]], dict.strings[code]) { rank += 1 }
                ranks[code] = rank
            }
        }
        let codes: [UInt32] = { if case let .text(c, _) = column.data { return c } else { return [] } }()
        return { a, b in
            if let v = validity {
                let na = !v.isValid(a), nb = !v.isValid(b)
                if na || nb {
                    if na && nb { return 0 }
                    return na ? nullOrder : -nullOrder
                }
            }
            if !ranks.isEmpty {
                let ra = ranks[Int(codes[a])], rb = ranks[Int(codes[b])]
                return ra < rb ? -direction : (ra > rb ? direction : 0)
            }
            return compareValues(a, b) * direction
        }
    }
}
