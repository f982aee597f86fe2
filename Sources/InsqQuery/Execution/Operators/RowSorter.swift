import InsqStorage

/// Stable row order for sort keys: each key becomes order-preserving integer fields (see `SortField`), the fields
/// and the row number are packed into one or two machine words and radix sorted; wider keys compare field by field.
enum RowSorter {
    /// Row numbers of `columns` in sort order; ties keep input order.
    static func order(_ columns: [Column], keys: [SortKey], rowCount n: Int, threads: Int = 1) -> [Int] {
        sortedRows(columns, keys: keys, rowCount: n, threads: threads).array
    }

    /// The same order, left inside the sorted records; large inputs are split on up to `threads` threads.
    static func sortedRows(_ columns: [Column], keys: [SortKey], rowCount n: Int, threads: Int = 1) -> SortedRows {
        sort(columns, keys: keys, groupKeys: nil, rowCount: n, threads: threads).rows
    }

    /// The order plus, per position, whether the row starts a new group (its first `groupKeys` keys differ from
    /// the previous row's) and a new peer group (any key differs): window partitions and peers.
    static func groupedRows(_ columns: [Column], keys: [SortKey], groupKeys: Int, rowCount n: Int,
                            threads: Int = 1) -> GroupedRows {
        let sorted = sort(columns, keys: keys, groupKeys: groupKeys, rowCount: n, threads: threads)
        return GroupedRows(rows: sorted.rows, groupStarts: sorted.groupStarts, peerStarts: sorted.peerStarts)
    }

    private static func sort(_ columns: [Column], keys: [SortKey], groupKeys: Int?, rowCount n: Int,
                             threads: Int) -> (rows: SortedRows, groupStarts: [Bool], peerStarts: [Bool]) {
        if n < 2 { return (SortedRows(rows: Array(0..<n)), [Bool](repeating: true, count: n), [Bool](repeating: true, count: n)) }
        let perKey = keys.map { SortField.fields(columns[$0.column], $0).filter { $0.width > 0 } }
        let fields = perKey.flatMap { $0 }
        let indexBits = SortField.bitWidth(UInt64(n - 1))
        let total = fields.reduce(indexBits) { $0 + $1.width }
        // Fields below the grouping keys' (the row number and the remaining keys) do not separate groups.
        let belowGroup = groupKeys.map { g in total - perKey.prefix(g).joined().reduce(0) { $0 + $1.width } } ?? total
        // The row number fills the low bits, so that equal keys stay in input order and records are unique.
        if total <= 64 {
            var records = pack(fields, rowCount: n, indexBits: indexBits, as: UInt64.self)
            RadixSort.sort(&records, bits: indexBits..<total, threads: threads)
            let starts = groupKeys == nil ? ([], []) : Self.starts(records, group: belowGroup, peer: indexBits)
            return (SortedRows(narrow: records, indexBits: indexBits), starts.0, starts.1)
        }
        if total <= 128 {
            var records = pack(fields, rowCount: n, indexBits: indexBits, as: WideKey.self)
            RadixSort.sort(&records, bits: indexBits..<total, threads: threads)
            let starts = groupKeys == nil ? ([], []) : Self.starts(records, group: belowGroup, peer: indexBits)
            return (SortedRows(wide: records, indexBits: indexBits), starts.0, starts.1)
        }
        let values = fields.map { pack([$0], rowCount: n, indexBits: 0, as: UInt64.self) }
        var order = Array(0..<n)
        order.sort { a, b in
            for v in values where v[a] != v[b] { return v[a] < v[b] }
            return a < b
        }
        guard let groupKeys else { return (SortedRows(rows: order), [], []) }
        let groupFields = perKey.prefix(groupKeys).reduce(0) { $0 + $1.count }
        var groupStarts = [Bool](repeating: true, count: n), peerStarts = [Bool](repeating: true, count: n)
        for i in 1..<n {
            let a = order[i - 1], b = order[i]
            let firstDiffering = values.firstIndex { $0[a] != $0[b] } ?? values.count
            groupStarts[i] = firstDiffering < groupFields
            peerStarts[i] = firstDiffering < values.count
        }
        return (SortedRows(rows: order), groupStarts, peerStarts)
    }

    /// Each row's keys packed into one word that orders and compares as the keys do (equal keys, equal words),
    /// and the bits used; nil when the keys need more than 64 bits.
    static func packedKeys(_ columns: [Column], keys: [SortKey], rowCount n: Int) -> (keys: [UInt64], bits: Int)? {
        let fields = keys.flatMap { SortField.fields(columns[$0.column], $0) }.filter { $0.width > 0 }
        let total = fields.reduce(0) { $0 + $1.width }
        guard total <= 64 else { return nil }
        return (pack(fields, rowCount: n, indexBits: 0, as: UInt64.self), total)
    }

    /// Where sorted records start a new group (bits from `group` up change) and a new peer group (from `peer` up).
    private static func starts<R: RadixRecord>(_ records: [R], group: Int, peer: Int) -> ([Bool], [Bool]) {
        let n = records.count
        var groupStarts = [Bool](repeating: true, count: n), peerStarts = [Bool](repeating: true, count: n)
        records.withUnsafeBufferPointer { r in
            groupStarts.withUnsafeMutableBufferPointer { g in
                peerStarts.withUnsafeMutableBufferPointer { p in
                    for i in 1..<n {
                        g[i] = !r[i].agrees(with: r[i - 1], from: group)
                        p[i] = !r[i].agrees(with: r[i - 1], from: peer)
                    }
                }
            }
        }
        return (groupStarts, peerStarts)
    }

    /// Records holding the row number in the low `indexBits` bits and the fields above it, the first key highest.
    private static func pack<R: RadixRecord>(_ fields: [SortField], rowCount n: Int, indexBits: Int, as: R.Type) -> [R] {
        var records = [R](unsafeUninitializedCapacity: n) { r, initialized in
            LargeMemory.preferHugePages(r.baseAddress!, count: n)
            for i in 0..<n { r.initializeElement(at: i, to: indexBits > 0 ? R(index: UInt64(i)) : R()) }
            initialized = n
        }
        records.withUnsafeMutableBufferPointer { r in
            var shift = indexBits
            for f in fields.reversed() {
                f.insert(into: r, at: shift)
                shift += f.width
            }
        }
        return records
    }
}

/// Row numbers in sort order. They stay in the low bits of the sorted records, so that no second array of the
/// input's length is allocated (on large inputs, fresh memory costs as much as the sorting).
struct SortedRows {
    private enum Storage {
        case narrow([UInt64])
        case wide([WideKey])
        case rows([Int])
    }

    private let storage: Storage
    private let mask: UInt64
    private(set) var count: Int

    init(narrow records: [UInt64], indexBits: Int) { self.init(.narrow(records), indexBits, records.count) }
    init(wide records: [WideKey], indexBits: Int) { self.init(.wide(records), indexBits, records.count) }
    init(rows: [Int]) { self.init(.rows(rows), 64, rows.count) }

    private init(_ storage: Storage, _ indexBits: Int, _ count: Int) {
        self.storage = storage
        mask = indexBits >= 64 ? ~0 : (1 << UInt64(indexBits)) - 1
        self.count = count
    }

    /// The first `k` rows.
    func prefix(_ k: Int) -> SortedRows {
        var rows = self
        rows.count = min(k, count)
        return rows
    }

    subscript(i: Int) -> Int {
        switch storage {
        case let .narrow(r): return Int(r[i] & mask)
        case let .wide(r): return Int(r[i].low & mask)
        case let .rows(r): return r[i]
        }
    }

    /// Calls `body` with the row numbers at positions `range`.
    func withRows<T>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Int>) throws -> T) rethrows -> T {
        precondition(range.upperBound <= count)
        let mask = mask
        switch storage {
        case let .rows(r): return try r.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
        case let .narrow(r): return try Self.extract(r, range, body) { Int($0 & mask) }
        case let .wide(r): return try Self.extract(r, range, body) { Int($0.low & mask) }
        }
    }

    var array: [Int] { withRows(0..<count) { Array($0) } }

    @inline(__always)
    private static func extract<R, T>(_ records: [R], _ range: Range<Int>, _ body: (UnsafeBufferPointer<Int>) throws -> T,
                                      _ row: (R) -> Int) rethrows -> T {
        let rows = [Int](unsafeUninitializedCapacity: range.count) { out, initialized in
            records.withUnsafeBufferPointer { r in
                for (k, i) in range.enumerated() { out.initializeElement(at: k, to: row(r[i])) }
            }
            initialized = range.count
        }
        return try rows.withUnsafeBufferPointer(body)
    }
}

/// Sorted rows with their group and peer-group boundaries (see `RowSorter.groupedRows`).
struct GroupedRows {
    let rows: SortedRows
    /// Per sorted position: the row's grouping keys differ from the previous position's (true at 0).
    let groupStarts: [Bool]
    /// Per sorted position: some key differs from the previous position's (true at every group start).
    let peerStarts: [Bool]
}
