import InsqStorage

/// ORDER BY … LIMIT straight over a table scan and its filter. Per morsel the conjuncts select rows, only their
/// sort keys are read, and rows that cannot beat the current `limit`-th best are dropped; the output columns
/// are gathered for the final rows alone. Once a threshold exists, it also runs as a comparison on the first
/// key ahead of the filter, and its zone map skips the blocks that hold no better value. With several threads
/// each takes a contiguous part of the table with candidates of its own, merged at the end (row numbers break
/// ties, so the result is that of one stable sort).
final class ScanTopNOperator: PhysicalOperator {
    private let columns: [Column]
    private let outputs: [Int]
    private var conjuncts: [ScanConjunct]
    private let keys: [TopNKey]
    /// The table column of the first key.
    private let firstColumn: Int
    private let limit: Int
    private let parts: [Range<Int>]
    private let cancellation: CancellationFlag
    private var output: GatherOperator?

    /// `outputs` and `keyColumns` are table columns; `parts` split the table's rows among threads.
    init(table: Table, conjuncts: [ScanConjunct], outputs: [Int], keys: [SortKey], keyColumns: [Int], limit: Int,
         parts: [Range<Int>], cancellation: CancellationFlag) {
        columns = table.columns
        self.outputs = outputs
        self.conjuncts = conjuncts
        self.keys = zip(keys, keyColumns).map { TopNKey(column: table.columns[$1], key: $0) }
        firstColumn = keyColumns[0]
        self.limit = limit
        self.parts = parts
        self.cancellation = cancellation
    }

    func next() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> GatherOperator {
        let gathered = outputs.map { columns[$0] }
        if limit == 0 || parts.isEmpty { return GatherOperator(columns: gathered, rows: SortedRows(rows: [])) }
        for i in conjuncts.indices {
            switch conjuncts[i] {
            case let .subquery(membership): conjuncts[i] = try membership.resolve()
            case let .domain(test): conjuncts[i] = test.resolve()
            default: continue
            }
        }
        if conjuncts.contains(where: { if case .never = $0 { return true } else { return false } }) {
            return GatherOperator(columns: gathered, rows: SortedRows(rows: []))
        }
        // Compiled expressions keep caches and may not run on several threads at once.
        let threaded = !conjuncts.contains { $0.isCompiled }
        let order = conjuncts.indices.sorted {
            (Self.rank(conjuncts[$0]), $0) < (Self.rank(conjuncts[$1]), $1)
        }.map { conjuncts[$0] }
        let pruner = ZonePruner(conjuncts: conjuncts, columns: columns)
        let work = ScanTopNPart(columns: columns, conjuncts: order, pruner: pruner, keys: keys,
                                firstColumn: firstColumn, limit: limit, cancellation: cancellation)
        let results = threaded ? try ParallelMap.run(parts.count) { try work.run(parts[$0]) }
            : try parts.map { try work.run($0) }
        var all = results[0]
        for other in results.dropFirst() { all.merge(other) }
        return GatherOperator(columns: gathered, rows: SortedRows(rows: all.sortedRows()))
    }

    /// Cost over the fraction dropped, as `ScanFilterOperator` ranks conjuncts before it has seen rows.
    private static func rank(_ c: ScanConjunct) -> Double {
        c.cost / max(1 - c.expectedPassRate, 0.001)
    }
}

/// One thread's share of a `ScanTopNOperator`: the best rows of a contiguous part of the table.
private struct ScanTopNPart {
    let columns: [Column]
    let conjuncts: [ScanConjunct]
    let pruner: ZonePruner
    let keys: [TopNKey]
    let firstColumn: Int
    let limit: Int
    let cancellation: CancellationFlag

    func run(_ part: Range<Int>) throws -> TopNCandidates {
        let width = keys.reduce(0) { $0 + $1.width }
        var candidates = TopNCandidates(width: width, limit: limit)
        let rows = UnsafeMutablePointer<Int>.allocate(capacity: batchSize)
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: batchSize * width)
        defer {
            rows.deallocate()
            words.deallocate()
        }
        var bound = ThresholdBound?.none
        let zones = zoneMap(part)
        let morsels = visitingOrder(part, zones)
        for start in morsels.starts {
            let morsel = start..<min(start + batchSize, morsels.end)
            if cancellation.isCancelled { throw QueryCancelled() }
            if !pruner.mayMatch(morsel) { continue }
            if let zones, let range = bound?.range, !zones.mayHold(morsel, low: range.low, high: range.high) {
                // Morsels come best first when ordered by the zone map: no later one can do better.
                if morsels.isOrdered { break } else { continue }
            }
            var n = morsel.count
            var dense: Range<Int>? = morsel
            if let bound {
                n = try bound.conjunct.apply(columns, morsel, rows, n)
                dense = nil
            }
            for c in conjuncts where n > 0 {
                n = try c.apply(columns, dense, rows, n)
                dense = nil
            }
            if let dense { n = SelectionKernels.select(dense, rows) { _ in true } }
            if n == 0 { continue }
            var offset = 0
            for key in keys {
                key.encode(rows, n, into: words, stride: width, offset: offset)
                offset += key.width
            }
            if candidates.add(rows, words, n), let (_, row) = candidates.threshold {
                bound = ThresholdBound(keys[0], column: firstColumn, row: row)
            }
        }
        candidates.cut()
        return candidates
    }

    /// The first key's zone map, when the key is an integer column whose NULLs (if any) sort last, so that a
    /// block's range bounds the best row it can hold.
    private func zoneMap(_ part: Range<Int>) -> ZoneMap? {
        let key = keys[0]
        guard part.count > batchSize, key.column.count > ZoneMap.blockRows,
              key.column.validity == nil || !key.nullsFirst else { return nil }
        return key.column.zoneMap
    }

    /// The part's morsels, with a zone map the most promising first (largest maximum for DESC, smallest minimum
    /// for ASC): a threshold then forms from the best rows at once and ends the scan early. Row numbers, not the
    /// visiting order, break ties.
    private func visitingOrder(_ part: Range<Int>, _ zones: ZoneMap?) -> MorselOrder {
        let starts = Array(stride(from: part.lowerBound, to: part.upperBound, by: batchSize))
        guard let zones else { return MorselOrder(starts: starts, end: part.upperBound, isOrdered: false) }
        let descending = keys[0].isDescending
        let best = starts.map { start -> Int64 in
            let (low, high) = zones.range(start..<min(start + batchSize, part.upperBound))
            // Negated maxima sort descending; an all-NULL block (low > high) goes last either way.
            if low > high { return .max }
            return descending ? (high == .min ? .max - 1 : -high) : low
        }
        let order = starts.indices.sorted { (best[$0], $0) < (best[$1], $1) }
        return MorselOrder(starts: order.map { starts[$0] }, end: part.upperBound, isOrdered: true)
    }
}

/// Where the morsels of one part start, in the order they are read.
private struct MorselOrder {
    let starts: [Int]
    let end: Int
    /// Best first by the zone map, rather than in table order.
    let isOrdered: Bool
}

/// The threshold row's first key as a typed test (`amount >= t` for DESC) that every row beating the threshold
/// passes; for an integer key, also the values `low...high` a block must hold to be worth reading.
private struct ThresholdBound {
    let conjunct: ScanConjunct
    let range: (low: Int64, high: Int64)?

    /// nil when no typed test fits: NULLs sort first but the threshold is a value (a comparison drops NULLs),
    /// or NULLs sort last and the threshold is NULL (every row may beat it).
    init?(_ key: TopNKey, column: Int, row: Int) {
        if key.column.isNull(row) {
            guard key.nullsFirst else { return nil }
            // Only rows that tie on NULL can come before a NULL sorted first.
            conjunct = .isNull(column, negated: false)
            range = nil
            return
        }
        if key.column.validity != nil && key.nullsFirst { return nil }
        let op: ComparisonOperator = key.isDescending ? .greaterEqual : .lessEqual
        var t: Int64?
        switch key.column.data {
        case let .int64(a):
            t = a[row]
            conjunct = .int64(column, op, a[row])
        case let .int32(a):
            t = Int64(a[row])
            conjunct = .int32(column, op, a[row])
        case let .double(a):
            // NaN passes both `>=` and `<=` here (they run as "not less", "not greater"), so no row is lost.
            conjunct = .double(column, op, a[row])
        case let .text(codes, _):
            let bound = key.ranks[Int(codes[row])], descending = key.isDescending
            conjunct = .codeTable(column, key.ranks.map { descending ? $0 >= bound : $0 <= bound })
        case .bool:
            return nil
        }
        range = t.map { key.isDescending ? ($0, .max) : (.min, $0) }
    }
}
