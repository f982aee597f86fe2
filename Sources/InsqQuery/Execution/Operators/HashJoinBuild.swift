import InsqStorage

/// A hash join's build side: its rows and a key table from each key to its build rows, filled once by
/// `build()` and then only read, so the probing operators of several threads can share one.
///
/// `@unchecked Sendable` is safe because every stored property is written only inside `build()`, which runs
/// on one thread before any probing starts (the parallel aggregate builds first and then starts its
/// threads, which orders the writes before every read); afterwards nothing mutates it. A probe that needs
/// mutable key encoders takes its own copies (`probeKeys()`).
final class HashJoinBuild: @unchecked Sendable {
    private let input: PhysicalOperator
    private let keys: [CompiledExpression]
    private let keyTypes: [DataType]
    /// The build input's column types.
    let types: [DataType]
    private(set) var isBuilt = false
    private(set) var columns: [Column] = []
    private(set) var table = KeyTable(width: 1)
    private var rowKeys: RowKeys
    /// Build rows per key: `first[id]` then `nextRow[row]`, in build order.
    private(set) var first: [Int] = []
    private(set) var nextRow: [Int] = []
    /// For one integer key over a dense range (ids): the first build row of each key value, indexed by
    /// `value - directBase`, or -1. Probing is then an array lookup instead of hashing, and `table` and
    /// `first` stay empty.
    private(set) var direct: [Int] = []
    private(set) var directBase: Int64 = 0
    private(set) var isDirect = false
    /// No key has more than one build row (a join on the build side's primary key): each probe row then
    /// yields at most one output row, and the probe batch can pass through whole.
    private(set) var hasUniqueKeys = false

    init(input: PhysicalOperator, keys: [BoundExpression], types: [DataType], compiler: ExpressionCompiler) {
        self.input = input
        self.keys = keys.map(compiler.compile)
        keyTypes = keys.map(\.type)
        self.types = types
        rowKeys = RowKeys(count: keys.count)
    }

    /// Encoders for probe keys that know the build side's text ids; each probing operator needs its own,
    /// because encoding caches per dictionary.
    func probeKeys() -> RowKeys { rowKeys.copy() }

    /// Reads the whole build input and indexes it; does nothing when already built.
    func build() throws {
        if isBuilt { return }
        let (columns, n) = try Materialize.columns(input, types: types)
        self.columns = columns
        let source = ColumnsOperator(columns: columns, rowCount: n)
        var keyBatches: [KeyBatch] = []
        while let batch = try source.next() {
            keyBatches.append(KeyBatch(vectors: try keys.map { try $0(batch) }, rows: batch.count))
        }
        nextRow = [Int](repeating: -1, count: n)
        if !indexDirectly(keyBatches) { indexByHashing(keyBatches, rows: n) }
        hasUniqueKeys = !nextRow.contains { $0 >= 0 }
        isBuilt = true
    }

    /// Indexes a single BIGINT (or DATE) key whose values span at most a few times the number of build rows
    /// (ids) by value, without hashing; false for other keys.
    private func indexDirectly(_ keyBatches: [KeyBatch]) -> Bool {
        guard keyTypes.count == 1, [.bigint, .date].contains(keyTypes[0]) else { return false }
        var lo = Int64.max, hi = Int64.min, valid = 0
        for batch in keyBatches {
            guard case let .int64(values) = batch.vectors[0].data else { return false }
            for (i, v) in values.enumerated() where batch.vectors[0].isValid(i) {
                lo = min(lo, v)
                hi = max(hi, v)
                valid += 1
            }
        }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard valid > 0, !overflow, span < Int64(max(1024, valid * 4)) else { return false }
        // Rows with a NULL key never match: only the others are indexed.
        var index = [Int](repeating: -1, count: Int(span) + 1)
        var last = index
        var chains = nextRow
        var row = 0
        for batch in keyBatches {
            let key = batch.vectors[0], values = key.int64s
            for i in 0..<key.count {
                defer { row += 1 }
                guard key.isValid(i) else { continue }
                let slot = Int(values[i] &- lo)
                if index[slot] < 0 { index[slot] = row } else { chains[last[slot]] = row }
                last[slot] = row
            }
        }
        nextRow = chains
        direct = index
        directBase = lo
        isDirect = true
        return true
    }

    /// Indexes any keys through the hash table: `first[id]` is a key's first build row.
    private func indexByHashing(_ keyBatches: [KeyBatch], rows n: Int) {
        var table = KeyTable(width: rowKeys.width, capacity: max(16, n))
        var first: [Int] = [], last: [Int] = []
        var chains = nextRow
        var base = 0
        let w = rowKeys.width
        for batch in keyBatches {
            let count = batch.rows
            let (flat, hasNull) = rowKeys.encode(batch.vectors, rows: count, intern: true)
            var ids = [Int](repeating: 0, count: count)
            var newRows: [Int] = []
            let keep = (0..<count).filter { !hasNull[$0] }
            // Rows with a NULL key never match: only the others enter the table.
            var packed = [UInt64]()
            packed.reserveCapacity(keep.count * w)
            for i in keep { packed.append(contentsOf: flat[(i * w)..<((i + 1) * w)]) }
            packed.withUnsafeBufferPointer { all in
                table.findOrInsertAll(all, rows: keep.count, ids: &ids, newRows: &newRows)
            }
            for (k, i) in keep.enumerated() {
                let id = ids[k]
                let row = base + i
                if id == first.count {
                    first.append(row)
                    last.append(row)
                } else {
                    chains[last[id]] = row
                    last[id] = row
                }
            }
            base += count
        }
        self.table = table
        self.first = first
        nextRow = chains
    }

    /// One build batch's key values (a cross join has no key vectors, hence the row count).
    private struct KeyBatch {
        let vectors: [Vector]
        let rows: Int
    }
}
