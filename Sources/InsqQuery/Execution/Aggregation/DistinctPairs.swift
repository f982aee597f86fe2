/// The distinct (group, value) pairs a DISTINCT aggregate has seen, values being encoded key words: a bitmap
/// row per group while groups × the values' range stays small against the rows seen, radix-partitioned
/// pairs deduplicated per partition otherwise. Either costs about as much as one more GROUP BY, whatever
/// the number of groups and the spread of the values.
struct DistinctPairs {
    /// nil once given up for `partitioned`.
    private var bitmap: PairBitmap? = PairBitmap()
    private var partitioned: PartitionedPairs?
    /// Rows inserted so far, the measure of how large a bitmap pays off.
    private var rows = 0

    /// A bitmap may always take this many bits (2 MiB), and more only as rows come: `bitsPerRow` for each.
    /// Zeroing, widening and reading a bitmap back costs about a nanosecond per word, deduplicating a row's
    /// pair several: at a few words a row the bitmap is the cheaper, and never larger than the pairs.
    static let minimumBits = 1 << 24
    static let bitsPerRow = 256

    /// Whether the bitmap has been given up.
    var isPartitioned: Bool { partitioned != nil }

    private var bitLimit: Int { max(Self.minimumBits, Self.bitsPerRow * rows) }

    /// Adds the pairs of the rows valid in `validity`; `groups[i]` is row i's group, `words[i]` its value.
    mutating func insert(groups: [Int], words: [UInt64], validity: [UInt64]?, groupCount: Int) {
        rows += groups.count
        groups.withUnsafeBufferPointer { gp in
            words.withUnsafeBufferPointer { insert(gp, $0, validity: validity, groupCount: groupCount) }
        }
    }

    private mutating func insert(_ groups: UnsafeBufferPointer<Int>, _ words: UnsafeBufferPointer<UInt64>,
                                 validity: [UInt64]?, groupCount: Int) {
        if var b = bitmap {
            bitmap = nil
            if b.insert(groups: groups, words: words, validity: validity, groupCount: groupCount, limit: bitLimit) {
                bitmap = b
                return
            }
            partitioned = Self.partitioned(b)
        }
        partitioned?.insert(groups: groups, words: words, validity: validity)
    }

    /// Ends the input of one part (on its own thread).
    func finishInput() {
        partitioned?.finishInput()
    }

    /// Adds other parts' pairs: group g of `others[k]` is group `groups[k][g]` here, and its words are
    /// translated through `translations[k]` when given. Bitmaps of the same words are ORed into ours;
    /// other pairs join our partitions on as many threads as there are parts.
    mutating func merge(_ others: [DistinctPairs], groups: [[Int]], translations: [[UInt64]?], groupCount: Int) throws {
        var parts: [Int] = [], sources: [Int] = []
        for (k, other) in others.enumerated() {
            rows += other.rows
            let limit = bitLimit
            if bitmap != nil, let theirs = other.bitmap {
                if translations[k] == nil && bitmap?.merge(theirs, groups: groups[k], groupCount: groupCount, limit: limit) == true {
                    continue
                }
                other.forEachChunk(batchSize) { chunk in
                    Self.split(chunk, groups: groups[k], translation: translations[k]) {
                        insert($0, $1, validity: nil, groupCount: groupCount)
                    }
                }
                continue
            }
            if let b = bitmap {
                bitmap = nil
                partitioned = Self.partitioned(b)
            }
            if other.partitioned != nil && translations[k] == nil { parts.append(k) } else { sources.append(k) }
        }
        guard let partitioned else { return }
        partitioned.finishInput()
        try partitioned.merge(parts.map { others[$0].partitioned! }, groups: parts.map { groups[$0] }, sources: sources.count,
                              sourceGroups: sources.map { groups[$0] }, translations: sources.map { translations[$0] },
                              threads: others.count + 1) { k, body in
            others[sources[k]].forEachChunk(batchSize, body)
        }
    }

    /// Deduplicates what is still pending (after the input and any merge, before the pairs are read).
    func finish() throws {
        try partitioned?.finish(threads: 1)
    }

    /// Calls `body` with the pairs, interleaved group and word, up to `chunk` at a time; each once after
    /// `finish`.
    func forEachChunk(_ chunk: Int, _ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        if let bitmap { try bitmap.forEachChunk(chunk, body) }
        if let partitioned { try partitioned.forEachChunk(chunk, body) }
    }

    /// Each group's number of distinct values (after `finish`).
    func counts(groupCount: Int) -> [Int64] {
        var counts = [Int64](repeating: 0, count: groupCount)
        bitmap?.addCounts(into: &counts)
        partitioned?.addCounts(into: &counts)
        return counts
    }

    /// The pairs of a bitmap given up.
    private static func partitioned(_ bitmap: PairBitmap) -> PartitionedPairs {
        let pairs = PartitionedPairs()
        bitmap.forEachChunk(batchSize) { chunk in split(chunk) { pairs.insert(groups: $0, words: $1, validity: nil) } }
        return pairs
    }

    /// Calls `body` with the groups and the words of interleaved pairs, groups looked up in `groups` and
    /// words in `translation` when given.
    static func split(_ pairs: UnsafeBufferPointer<UInt64>, groups mapping: [Int]? = nil, translation: [UInt64]? = nil,
                      _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<UInt64>) -> Void) {
        let n = pairs.count / 2
        var groups = [Int](repeating: 0, count: n), words = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            let g = Int(truncatingIfNeeded: pairs[2 &* i]), w = pairs[2 &* i &+ 1]
            groups[i] = mapping?[g] ?? g
            words[i] = translation?[Int(truncatingIfNeeded: w)] ?? w
        }
        groups.withUnsafeBufferPointer { gp in words.withUnsafeBufferPointer { body(gp, $0) } }
    }
}
