import InsqStorage

/// Feeds an aggregate only the first occurrence of each value within a group (COUNT(DISTINCT x) and friends).
final class DistinctState: AggregateState {
    private let inner: AggregateState
    private let encoder = KeyEncoder()
    private var seen = DistinctPairs()
    private var words: [UInt64] = []
    /// With `retainsValues`: each batch's first occurrences and their groups, in order. Another thread's
    /// partial state is merged by feeding these to the state it merges into, which drops those it has seen.
    private let retainsValues: Bool
    private var firstOccurrences: [(groups: [Int], values: Vector)] = []

    init(inner: AggregateState, retainsValues: Bool = false) {
        self.inner = inner
        self.retainsValues = retainsValues
    }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        guard let v = input else { return try inner.update(groups: groups, input: input, groupCount: groupCount) }
        encoder.encode(v, intern: true, into: &words)
        let firstRows = seen.insert(groups: groups, words: words, validity: v.validity, groupCount: groupCount)
        let firstGroups = firstRows.map { groups[$0] }
        let firstValues = v.gather(firstRows)
        if retainsValues && !firstRows.isEmpty { firstOccurrences.append((firstGroups, firstValues)) }
        try inner.update(groups: firstGroups, input: firstValues, groupCount: groupCount)
    }

    func result(groupCount: Int) -> Column { inner.result(groupCount: groupCount) }

    /// A first occurrence of theirs counts unless we, or an earlier part, have the same value in the same
    /// group. With a bitmap, their first occurrences are simply added in order. With a hash table, looking
    /// them up only reads our table, so the lookups are split between as many threads as there are parts;
    /// the new pairs are entered into our table only while a later part is still to come.
    func merge(_ others: [AggregateState], groups: [[Int]], groupCount: Int) throws {
        for (k, other) in others.enumerated() {
            let theirs = other as! DistinctState
            precondition(theirs.retainsValues, "a DISTINCT state merged into another must retain its values")
            let batches = theirs.firstOccurrences
            let mapping = groups[k]
            guard let table = seen.table else {
                for batch in batches {
                    try update(groups: batch.groups.map { mapping[$0] }, input: batch.values, groupCount: groupCount)
                }
                continue
            }
            for (batch, rows) in zip(batches, try unseen(batches, in: table, mapping: mapping, threads: others.count + 1)) {
                if rows.isEmpty { continue }
                let fresh = rows.map { mapping[batch.groups[$0]] }
                let values = batch.values.gather(rows)
                if k < others.count - 1 {
                    try update(groups: fresh, input: values, groupCount: groupCount)
                } else {
                    try inner.update(groups: fresh, input: values, groupCount: groupCount)
                }
            }
        }
    }

    /// For each batch of another part's first occurrences, the rows whose (group, value) our table lacks.
    private func unseen(_ batches: [(groups: [Int], values: Vector)], in table: KeyTable, mapping: [Int], threads: Int) throws -> [[Int]] {
        let encoder = self.encoder
        let parts = min(threads, batches.count)
        if parts == 0 { return [] }
        return try ParallelMap.run(parts) { part in
            // Encoding caches per dictionary, so each thread probes with its own copy of our encoder.
            let probe = KeyEncoder(copying: encoder)
            var words: [UInt64] = []
            return batches[(batches.count * part / parts)..<(batches.count * (part + 1) / parts)].map { batch in
                let n = batch.groups.count
                probe.encode(batch.values, intern: false, into: &words)
                var pairs = [UInt64]()
                pairs.reserveCapacity(2 * n)
                for (i, g) in batch.groups.enumerated() {
                    pairs.append(UInt64(mapping[g]))
                    pairs.append(words[i])
                }
                var found = [Bool](repeating: false, count: n)
                pairs.withUnsafeBufferPointer { table.findAll($0, rows: n, skip: nil) { i, _ in found[i] = true } }
                return (0..<n).filter { !found[$0] }
            }
        }.flatMap { $0 }
    }
}
