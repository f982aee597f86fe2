import InsqStorage

/// Morsels each thread filters per parallel round: enough work to outweigh waking the threads (at 16, a
/// selective filter spent as long dispatching rounds as filtering).
private let morselsPerThread = 64

/// A scan fused with its filter (late materialization): per morsel the conjuncts narrow a selection vector,
/// each reading only its own columns, and only the surviving rows of the output columns are copied out of
/// storage. Conjuncts run cheapest-and-most-selective first, an order revised from the rows they keep.
final class ScanFilterOperator: PhysicalOperator {
    private let columns: [Column]
    private let outputs: [Int]
    private var conjuncts: [ScanConjunct]
    private let cancellation: CancellationFlag
    private var threads: Int
    private var position: Int
    private let end: Int
    /// Selected rows not yet returned (`pending` of them from `first`), then room for one round's: batches
    /// leave full even when few rows pass.
    private let selection: UnsafeMutablePointer<Int>
    private var first = 0
    private var pending = 0
    private var order: [Int]
    private var seen: [Double]
    private var kept: [Double]
    private var morsels = 0
    private var isResolved = false
    /// How many leading conjuncts of `order` run as byte masks over the whole morsel (0, or at least 2).
    private var masked = 0
    /// Skips morsels the zone maps rule out; set up with the resolved conjuncts.
    private var pruner = ZonePruner(conjuncts: [], columns: [])

    /// `outputs` are the table columns returned, in order; `rows` limits the scan to part of the table;
    /// with `threads` above 1 the typed conjuncts run on that many threads, a round of morsels at a time.
    init(table: Table, conjuncts: [ScanConjunct], outputs: [Int], cancellation: CancellationFlag,
         rows: Range<Int>? = nil, threads: Int = 1) {
        columns = table.columns
        self.outputs = outputs
        self.conjuncts = conjuncts
        self.cancellation = cancellation
        let part = rows ?? 0..<table.rowCount
        position = part.lowerBound
        // A conjunct that is never true (a comparison with NULL) leaves nothing to read.
        let isEmpty = conjuncts.contains { if case .never = $0 { return true } else { return false } }
        end = isEmpty ? part.lowerBound : part.upperBound
        // Compiled expressions keep caches and may not run on several threads at once.
        self.threads = conjuncts.contains { !$0.isCompiled } && part.count >= 2 * batchSize ? max(1, threads) : 1
        selection = .allocate(capacity: batchSize * (self.threads == 1 ? 2 : 1 + self.threads * morselsPerThread))
        order = Array(conjuncts.indices)
        seen = conjuncts.map { _ in 0 }
        kept = conjuncts.map { _ in 0 }
        reorder()
    }

    deinit { selection.deallocate() }

    func next() throws -> Batch? {
        if position < end && !isResolved { try resolveSubqueries() }
        if pending < batchSize && position < end && first > 0 {
            // Fewer than a batch is left: move it to the front, making room for what is selected next.
            selection.update(from: selection + first, count: pending)
            first = 0
        }
        while pending < batchSize && position < end {
            if cancellation.isCancelled { throw QueryCancelled() }
            if !pruner.isEmpty {
                skipRuledOut()
                if position >= end { break }
            }
            if threads > 1 && end - position >= threads * batchSize {
                try selectRound()
                continue
            }
            let morsel = position..<min(position + batchSize, end)
            position = morsel.upperBound
            pending += try select(morsel, into: selection + pending)
        }
        return pending > 0 ? emit() : nil
    }

    /// Runs IN subqueries and per-value conditions once, before the first rows are read (so an empty scan
    /// never runs them), and puts their typed tests in their place.
    private func resolveSubqueries() throws {
        isResolved = true
        for i in conjuncts.indices {
            switch conjuncts[i] {
            case let .subquery(membership): conjuncts[i] = try membership.resolve()
            case let .domain(test): conjuncts[i] = test.resolve()
            default: continue
            }
            if case .never = conjuncts[i] { position = end }
        }
        if !conjuncts.contains(where: { !$0.isCompiled }) { threads = 1 }
        if position < end { pruner = ZonePruner(conjuncts: conjuncts, columns: columns) }
    }

    /// Moves past the morsels whose blocks hold no value some conjunct keeps (all of a table clustered on
    /// the column but the few blocks a point lookup wants). Steps stay whole morsels, as the scan reads them.
    private func skipRuledOut() {
        while position < end {
            let morsel = position..<min(position + batchSize, end)
            if pruner.mayMatch(morsel) { return }
            position = morsel.upperBound
        }
    }

    /// Runs the conjuncts over one morsel; the first reads every row, the others only the rows still selected.
    private func select(_ morsel: Range<Int>, into rows: UnsafeMutablePointer<Int>) throws -> Int {
        if morsels % 32 == 0 && order.count > 1 {
            try probe(morsel)
            reorder()
        }
        morsels += 1
        if order.isEmpty { return SelectionKernels.select(morsel, rows) { _ in true } }
        return try narrow(morsel, order, into: rows, initial: morsel.count, masked: masked)
    }

    /// Filters up to `threads × morselsPerThread` morsels: the typed conjuncts on the threads, each morsel
    /// into its own stretch of the selection, then the compiled ones here; then closes the gaps.
    private func selectRound() throws {
        let count = min(threads * morselsPerThread, (end - position) / batchSize)
        let start = position
        position += count * batchSize
        if order.count > 1 {
            try probe(start..<start + batchSize)
            reorder()
        }
        morsels += count
        let typed = order.filter { !conjuncts[$0].isCompiled }, compiled = order.filter { conjuncts[$0].isCompiled }
        let base = selection + pending
        let all = conjuncts, table = columns, threads = threads, pruner = pruner, masked = masked
        let counts = try ParallelMap.run(threads) { t in
            try stride(from: t, to: count, by: threads).map { m in
                let morsel = start + m * batchSize..<start + (m + 1) * batchSize
                if !pruner.mayMatch(morsel) { return 0 }
                return try Self.narrow(morsel, typed, all, table, into: base + m * batchSize, masked: masked)
            }
        }
        for m in 0..<count {
            let rows = base + m * batchSize
            var n = counts[m % threads][m / threads]
            if n > 0 && !compiled.isEmpty { n = try narrow(nil, compiled, into: rows, initial: n, masked: 0) }
            // The destination never lies after the source, so a forward copy is safe.
            let destination = selection + pending
            for j in 0..<n { destination[j] = rows[j] }
            pending += n
        }
    }

    /// `narrow` with statistics for the compiled conjuncts, whose rates are not probed.
    private func narrow(_ dense: Range<Int>?, _ order: [Int], into rows: UnsafeMutablePointer<Int>, initial: Int,
                        masked: Int) throws -> Int {
        var n = initial
        var from = 0
        if let dense, masked > 0 {
            n = Self.masks(dense, order[..<masked], conjuncts, columns, into: rows)
            if n == 0 { return 0 }
            from = masked
        }
        for (k, i) in order.enumerated() where k >= from {
            let before = n
            n = try conjuncts[i].apply(columns, k == 0 ? dense : nil, rows, n)
            if conjuncts[i].isCompiled {
                seen[i] += Double(before)
                kept[i] += Double(n)
            }
            if n == 0 { break }
        }
        return n
    }

    /// The rows of `morsel` passing every conjunct of `order`, the first reading the whole morsel.
    private static func narrow(_ morsel: Range<Int>, _ order: [Int], _ conjuncts: [ScanConjunct], _ columns: [Column],
                               into rows: UnsafeMutablePointer<Int>, masked: Int) throws -> Int {
        var n = morsel.count
        var from = 0
        if masked > 0 {
            n = masks(morsel, order[..<masked], conjuncts, columns, into: rows)
            if n == 0 { return 0 }
            from = masked
        }
        for (k, i) in order.enumerated() where k >= from {
            n = try conjuncts[i].apply(columns, k == 0 ? morsel : nil, rows, n)
            if n == 0 { break }
        }
        return n
    }

    /// The rows of `morsel` passing every conjunct of `order`, ANDed as byte masks.
    private static func masks(_ morsel: Range<Int>, _ order: ArraySlice<Int>, _ conjuncts: [ScanConjunct], _ columns: [Column],
                              into rows: UnsafeMutablePointer<Int>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: morsel.count) { buffer in
            let mask = buffer.baseAddress!
            for (k, i) in order.enumerated() { conjuncts[i].mask(columns, morsel, mask, first: k == 0) }
            return MaskKernels.select(morsel, mask, into: rows)
        }
    }

    /// Measures what fraction of a morsel each typed conjunct keeps on its own. Rates measured behind other
    /// conjuncts mislead for correlated ones (`currency = 'CNY' AND amount >= 140000`: each keeps almost
    /// nothing of what the other kept) and would make the order flip back and forth. Compiled expressions
    /// cost too much to probe; theirs are the rates behind the others.
    private func probe(_ morsel: Range<Int>) throws {
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: morsel.count)
        defer { scratch.deallocate() }
        for i in conjuncts.indices {
            if conjuncts[i].isCompiled { continue }
            seen[i] += Double(morsel.count)
            kept[i] += Double(try conjuncts[i].apply(columns, morsel, scratch, 0))
        }
    }

    /// Orders conjuncts by cost per row over the fraction of rows they drop (the rank for independent
    /// filters), with the pass rates seen so far blended into an initial guess.
    private func reorder() {
        let prior = 256.0
        let rank = conjuncts.indices.map { i -> Double in
            let pass = (kept[i] + conjuncts[i].expectedPassRate * prior) / (seen[i] + prior)
            return conjuncts[i].cost / max(1 - pass, 0.001)
        }
        order.sort { (rank[$0], $0) < (rank[$1], $1) }
        // Masks pay while the conjuncts so far still keep many rows; a selective one is better narrowed into.
        var count = 0, keeps = 1.0
        while count < order.count, keeps > 0.25, conjuncts[order[count]].hasMask {
            let i = order[count]
            keeps *= (kept[i] + conjuncts[i].expectedPassRate * prior) / (seen[i] + prior)
            count += 1
        }
        masked = count >= 2 ? count : 0
    }

    /// Copies out up to one batch of the selected rows and keeps the rest for the next call.
    private func emit() -> Batch {
        let n = min(pending, batchSize)
        let rows = UnsafeBufferPointer(start: selection + first, count: n)
        let low = rows[0]
        // Rows that are all of a contiguous range are copied as blocks.
        let isRange = rows[n - 1] - low == n - 1
        let vectors = outputs.map { c in
            isRange ? VectorConversion.vector(from: columns[c], range: low..<low + n)
                : GatherKernels.vector(columns[c], rows: rows)
        }
        first += n
        pending -= n
        return Batch(columns: vectors, count: n)
    }
}
