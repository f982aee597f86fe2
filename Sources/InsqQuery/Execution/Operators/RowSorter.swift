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
        if n < 2 { return SortedRows(rows: Array(0..<n)) }
        let fields = keys.flatMap { SortField.fields(columns[$0.column], $0) }.filter { $0.width > 0 }
        let indexBits = SortField.bitWidth(UInt64(n - 1))
        let total = fields.reduce(indexBits) { $0 + $1.width }
        // The row number fills the low bits, so that equal keys stay in input order and records are unique.
        if total <= 64 {
            var records = pack(fields, rowCount: n, indexBits: indexBits, as: UInt64.self)
            RadixSort.sort(&records, bits: indexBits..<total, threads: threads)
            return SortedRows(narrow: records, indexBits: indexBits)
        }
        if total <= 128 {
            var records = pack(fields, rowCount: n, indexBits: indexBits, as: WideKey.self)
            RadixSort.sort(&records, bits: indexBits..<total, threads: threads)
            return SortedRows(wide: records, indexBits: indexBits)
        }
        let values = fields.map { pack([$0], rowCount: n, indexBits: 0, as: UInt64.self) }
        var order = Array(0..<n)
        order.sort { a, b in
            for v in values where v[a] != v[b] { return v[a] < v[b] }
            return a < b
        }
        return SortedRows(rows: order)
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
