/// One radix partition of `PartitionedPairs`: its pairs, interleaved group and word, of which the first
/// `distinct` are distinct.
final class PairRun {
    /// Pairs deduplicated in one hash table by default: the table then takes 512 KiB, half a core's L2
    /// cache. More are split by further bits of their hash first.
    static let leafLimit = 1 << 14
    static let splitBits: UInt64 = 4
    /// The group word of an empty table slot (no group id is that large).
    private static let empty = UInt64.max

    private var pairs: [UInt64] = []
    private(set) var distinct = 0

    var count: Int { pairs.count / 2 }

    func append(_ run: UnsafeBufferPointer<UInt64>) { pairs.append(contentsOf: run) }

    /// Appends another run's pairs, whose group g is group `groups[g]` here.
    func append(_ other: PairRun, groups: [Int]) {
        let theirs = other.pairs
        var p = pairs
        pairs = []
        p.reserveCapacity(p.count + theirs.count)
        for i in 0..<(theirs.count / 2) {
            p.append(UInt64(groups[Int(truncatingIfNeeded: theirs[2 * i])]))
            p.append(theirs[2 * i + 1])
        }
        pairs = p
    }

    /// Keeps one of each pair, deduplicating at most `leafLimit` pairs in one table.
    func deduplicate(_ scratch: PairScratch, leafLimit: Int) {
        if count == distinct { return }
        var p = pairs
        pairs = []
        let kept = p.withUnsafeMutableBufferPointer {
            Self.deduplicate(UnsafeBufferPointer($0), into: $0.baseAddress!, shift: 32, leafLimit: leafLimit, scratch: scratch)
        }
        p.removeLast(p.count - 2 * kept)
        pairs = p
        distinct = kept
    }

    /// Calls `body` with the pairs, up to `chunk` at a time.
    func forEachChunk(_ chunk: Int, _ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        try pairs.withUnsafeBufferPointer { pp in
            var start = 0
            while start < pp.count {
                let end = min(pp.count, start + 2 * chunk)
                try body(UnsafeBufferPointer(rebasing: pp[start..<end]))
                start = end
            }
        }
    }

    /// Adds each group's number of pairs to `counts`.
    func addCounts(into counts: inout [Int64]) {
        pairs.withUnsafeBufferPointer { pp in
            counts.withUnsafeMutableBufferPointer { cp in
                for i in 0..<(pp.count / 2) { cp[Int(truncatingIfNeeded: pp[2 &* i])] &+= 1 }
            }
        }
    }

    /// Calls `body(b, run)` for each of `buckets` buckets, the run holding the pairs for which
    /// `bucket(group, word)` is b, in order; a counting sort through `scratch`.
    @inline(__always) static func distribute(_ pairs: UnsafeBufferPointer<UInt64>, buckets: Int, scratch: PairScratch,
                           bucket: (UInt64, UInt64) -> Int, _ body: (Int, UnsafeBufferPointer<UInt64>) -> Void) {
        let n = pairs.count / 2
        if n == 0 { return }
        var starts = [Int](repeating: 0, count: buckets + 1)
        var owners = scratch.owners, sorted = scratch.sorted
        scratch.owners = []
        scratch.sorted = []
        GroupedLoops.grow(&owners, to: n, with: 0)
        GroupedLoops.grow(&sorted, to: 2 * n, with: 0)
        starts.withUnsafeMutableBufferPointer { st in
            owners.withUnsafeMutableBufferPointer { op in
                for i in 0..<n {
                    let b = bucket(pairs[2 &* i], pairs[2 &* i &+ 1])
                    op[i] = b
                    st[b &+ 1] &+= 1
                }
                for b in 0..<buckets { st[b &+ 1] &+= st[b] }
                var next = Array(st.prefix(buckets))
                next.withUnsafeMutableBufferPointer { np in
                    sorted.withUnsafeMutableBufferPointer { out in
                        for i in 0..<n {
                            let o = np[op[i]]
                            np[op[i]] = o &+ 1
                            out[2 &* o] = pairs[2 &* i]
                            out[2 &* o &+ 1] = pairs[2 &* i &+ 1]
                        }
                    }
                }
            }
        }
        sorted.withUnsafeBufferPointer { sp in
            for b in 0..<buckets where starts[b + 1] > starts[b] {
                body(b, UnsafeBufferPointer(rebasing: sp[(2 * starts[b])..<(2 * starts[b + 1])]))
            }
        }
        scratch.owners = owners
        scratch.sorted = sorted
    }

    /// Writes one of each of `pairs` to `out` (which may be where `pairs` start: it never overtakes the
    /// reading) and returns how many. Beyond `leafLimit` pairs, they are split into buckets by the bits of
    /// their hash from `shift` up, each deduplicated on its own: the low bits pick table slots, and with a
    /// single group the top bits are those that chose the partition.
    private static func deduplicate(_ pairs: UnsafeBufferPointer<UInt64>, into out: UnsafeMutablePointer<UInt64>,
                                    shift: UInt64, leafLimit: Int, scratch: PairScratch) -> Int {
        if pairs.count / 2 <= leafLimit || shift + splitBits > 64 - PartitionedPairs.partitionBits {
            return deduplicateInTable(pairs, into: out, scratch: scratch)
        }
        var kept = 0
        let mask = UInt64(1 << splitBits - 1)
        distribute(pairs, buckets: 1 << splitBits, scratch: scratch, bucket: { g, w in
            Int(truncatingIfNeeded: (PartitionedPairs.hash(g, w) >> shift) & mask)
        }) { _, run in
            kept += deduplicate(run, into: out + 2 * kept, shift: shift + splitBits, leafLimit: leafLimit, scratch: scratch.nested)
        }
        return kept
    }

    private static func deduplicateInTable(_ pairs: UnsafeBufferPointer<UInt64>, into out: UnsafeMutablePointer<UInt64>,
                                           scratch: PairScratch) -> Int {
        let n = pairs.count / 2
        var slots = 64
        while slots < 2 * n { slots <<= 1 }
        var table = scratch.table
        scratch.table = []
        GroupedLoops.grow(&table, to: 2 * slots, with: 0)
        var kept = 0
        table.withUnsafeMutableBufferPointer { tp in
            let mask = slots - 1
            for slot in 0..<slots { tp[2 &* slot] = empty }
            for i in 0..<n {
                let g = pairs[2 &* i], w = pairs[2 &* i &+ 1]
                var slot = Int(truncatingIfNeeded: PartitionedPairs.hash(g, w)) & mask
                while true {
                    let there = tp[2 &* slot]
                    if there == empty {
                        tp[2 &* slot] = g
                        tp[2 &* slot &+ 1] = w
                        out[2 &* kept] = g
                        out[2 &* kept &+ 1] = w
                        kept &+= 1
                        break
                    }
                    if there == g && tp[2 &* slot &+ 1] == w { break }
                    slot = (slot &+ 1) & mask
                }
            }
        }
        scratch.table = table
        return kept
    }
}

/// Buffers that `PairRun` reuses, one set per thread: allocating them anew for every partition would
/// fault their pages in every time.
final class PairScratch {
    var owners: [Int] = []
    var sorted: [UInt64] = []
    var table: [UInt64] = []
    /// The buffers for deduplicating one bucket while these hold all buckets.
    lazy var nested: PairScratch = PairScratch()
}
