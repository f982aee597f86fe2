/// The (group, value) pairs of a DISTINCT aggregate for any number of groups and any range of values, the
/// way a two-phase aggregation first groups by (keys, x): pairs are scattered into radix partitions by the
/// hash of their value as they come, and a partition is deduplicated on its own, in hash tables small
/// enough to stay in cache, at the end or whenever it has grown to twice what it was after its last
/// deduplication (so that memory stays within about twice the distinct pairs plus a fixed allowance).
/// Partitions go by the value alone so that another part's partition p, its groups renumbered, joins our
/// partition p as it is.
final class PartitionedPairs {
    static let partitionBits: UInt64 = 10
    /// Pairs staged before they are scattered: enough for each partition to receive a run of them.
    static let stageLimit = 1 << 16
    /// A partition is deduplicated before the end only from this many pairs on (256 KiB by default).
    private let minimumToDeduplicate: Int
    /// Pairs deduplicated in one hash table (see `PairRun.deduplicate`).
    private let leafLimit: Int

    private let partitions: [PairRun]
    /// Staged pairs, interleaved group and word; `stagedCount` of them are in use.
    private var staged: [UInt64] = []
    private var stagedCount = 0
    /// The last pair staged: a run of equal pairs (a person's payments, in order) is staged once.
    private var last = (group: UInt64.max, word: UInt64.max)
    /// The buffers of the thread that inserts.
    private let scratch = PairScratch()

    /// The limits are small in tests only, to reach every path with few pairs.
    init(minimumToDeduplicate: Int = 1 << 14, leafLimit: Int = PairRun.leafLimit) {
        self.minimumToDeduplicate = minimumToDeduplicate
        self.leafLimit = leafLimit
        partitions = (0..<(1 << Self.partitionBits)).map { _ in PairRun() }
    }

    @inline(__always) static func hash(_ group: UInt64, _ word: UInt64) -> UInt64 {
        var h = (group &* 0x9E37_79B9_7F4A_7C15) ^ word
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// The partition of a pair with this value word.
    @inline(__always) static func partition(_ word: UInt64) -> Int {
        Int(truncatingIfNeeded: hash(0, word) >> (64 - partitionBits))
    }

    /// Adds the pairs of the rows valid in `validity`.
    func insert(groups: UnsafeBufferPointer<Int>, words: UnsafeBufferPointer<UInt64>, validity: [UInt64]?) {
        let rows = groups.count
        GroupedLoops.grow(&staged, to: 2 * max(Self.stageLimit, stagedCount + rows), with: 0)
        var n = stagedCount
        var (lastGroup, lastWord) = last
        var s = staged
        staged = []
        s.withUnsafeMutableBufferPointer { sp in
            let all = [UInt64](repeating: ~0, count: (rows + 63) >> 6)
            (validity ?? all).withUnsafeBufferPointer { valid in
                for i in 0..<rows {
                    let g = UInt64(bitPattern: Int64(groups[i])), w = words[i]
                    sp[2 &* n] = g
                    sp[2 &* n &+ 1] = w
                    let ok = UInt64(bitPattern: GroupedLoops.bit(valid, i))
                    let differs = UInt64(unsafeBitCast((g ^ lastGroup) | (w ^ lastWord) != 0, to: UInt8.self))
                    n &+= Int(ok & differs)
                    let keep = 0 &- ok
                    lastGroup = (g & keep) | (lastGroup & ~keep)
                    lastWord = (w & keep) | (lastWord & ~keep)
                }
            }
        }
        staged = s
        stagedCount = n
        last = (lastGroup, lastWord)
        if n >= Self.stageLimit { scatterStaged() }
    }

    /// Adds other parts' pairs and deduplicates, on up to `threads` threads, each owning a range of
    /// partitions. `parts[k]`'s partition p joins ours with its groups looked up in `groups[k]`. The pairs
    /// of `sources` other parts (text words of another encoder, bitmaps) come from `pairs(k, body)`, which
    /// calls `body` with them, interleaved group and word; their groups are looked up in
    /// `sourceGroups[k]` and their words in `translations[k]` when given, and each thread keeps those of its
    /// own partitions.
    func merge(_ parts: [PartitionedPairs], groups: [[Int]], sources: Int, sourceGroups: [[Int]],
               translations: [[UInt64]?], threads: Int, pairs: (Int, (UnsafeBufferPointer<UInt64>) -> Void) -> Void) throws {
        let partitions = self.partitions, shares = max(1, min(threads, partitions.count))
        let minimum = minimumToDeduplicate, leafLimit = self.leafLimit
        _ = try ParallelMap.run(shares) { share in
            let owned = Self.share(share, of: shares, partitions.count)
            for (other, mapping) in zip(parts, groups) {
                for p in owned { partitions[p].append(other.partitions[p], groups: mapping) }
            }
            let scratch = PairScratch()
            if sources > 0 {
                var stage = [UInt64](repeating: 0, count: 2 * Self.stageLimit)
                var n = 0
                func flush() {
                    stage.withUnsafeBufferPointer {
                        Self.scatter(UnsafeBufferPointer(rebasing: $0.prefix(2 * n)), into: partitions, owned: owned,
                                     minimum: minimum, leafLimit: leafLimit, scratch: scratch)
                    }
                    n = 0
                }
                for k in 0..<sources {
                    let mapping = sourceGroups[k], translation = translations[k]
                    pairs(k) { chunk in
                        for i in 0..<(chunk.count / 2) {
                            let w = translation?[Int(truncatingIfNeeded: chunk[2 &* i &+ 1])] ?? chunk[2 &* i &+ 1]
                            if !owned.contains(Self.partition(w)) { continue }
                            stage[2 &* n] = UInt64(mapping[Int(truncatingIfNeeded: chunk[2 &* i])])
                            stage[2 &* n &+ 1] = w
                            n &+= 1
                            if n == Self.stageLimit { flush() }
                        }
                    }
                }
                flush()
            }
            for p in owned { partitions[p].deduplicate(scratch, leafLimit: leafLimit) }
        }
    }

    /// Ends the input: the staged pairs join their partitions.
    func finishInput() {
        scatterStaged()
    }

    /// Deduplicates every partition, on up to `threads` threads; afterwards `forEachChunk` lists the pairs.
    func finish(threads: Int) throws {
        scatterStaged()
        let partitions = self.partitions, parts = max(1, min(threads, partitions.count)), leafLimit = self.leafLimit
        _ = try ParallelMap.run(parts) { part in
            let scratch = PairScratch()
            for p in Self.share(part, of: parts, partitions.count) { partitions[p].deduplicate(scratch, leafLimit: leafLimit) }
        }
    }

    /// Calls `body` with the pairs (once `finish` has run, each once), interleaved group and word, partition
    /// by partition, up to `chunk` at a time.
    func forEachChunk(_ chunk: Int, _ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        for partition in partitions { try partition.forEachChunk(chunk, body) }
    }

    /// Adds each group's number of pairs to `counts` (once `finish` has run).
    func addCounts(into counts: inout [Int64]) {
        for partition in partitions { partition.addCounts(into: &counts) }
    }

    /// Part `part` of `parts` equal ranges of `count` partitions.
    private static func share(_ part: Int, of parts: Int, _ count: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }

    private func scatterStaged() {
        staged.withUnsafeBufferPointer {
            Self.scatter(UnsafeBufferPointer(rebasing: $0.prefix(2 * stagedCount)), into: partitions, owned: partitions.indices,
                         minimum: minimumToDeduplicate, leafLimit: leafLimit, scratch: scratch)
        }
        stagedCount = 0
    }

    /// Appends the pairs to their partitions, which must be in `owned`, and deduplicates those that have
    /// doubled since their last deduplication.
    private static func scatter(_ pairs: UnsafeBufferPointer<UInt64>, into partitions: [PairRun], owned: Range<Int>,
                                minimum: Int, leafLimit: Int, scratch: PairScratch) {
        PairRun.distribute(pairs, buckets: partitions.count, scratch: scratch, bucket: { _, w in partition(w) }) { p, run in
            partitions[p].append(run)
        }
        for p in owned where partitions[p].count >= max(2 * partitions[p].distinct, minimum) {
            partitions[p].deduplicate(scratch, leafLimit: leafLimit)
        }
    }
}
