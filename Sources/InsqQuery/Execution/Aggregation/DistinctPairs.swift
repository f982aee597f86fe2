/// The distinct (group, value) pairs a DISTINCT aggregate has seen, values being encoded key words, in one of
/// three regimes: pairs listed as found while the values arrive in order (`SortedPairs`); then a bitmap row
/// per group while groups × the values' range stays small against the rows seen (`PairBitmap`); then
/// radix-partitioned pairs deduplicated per partition (`PartitionedPairs`). Each costs about as much as one
/// more GROUP BY, whatever the number of groups and the spread of the values.
struct DistinctPairs {
    /// nil from the first batch out of order on.
    private var sorted: SortedPairs? = SortedPairs()
    /// Set when `sorted` is left, nil again once given up for `partitioned`.
    private var bitmap: PairBitmap?
    private var partitioned: PartitionedPairs?
    /// Rows inserted so far, the measure of how large a bitmap pays off.
    private var rows = 0

    /// A bitmap may always take this many bits (2 MiB), and more only as rows come: `bitsPerRow` for each.
    /// Zeroing, widening and reading a bitmap back costs about a nanosecond per word, deduplicating a row's
    /// pair several: at a few words a row the bitmap is the cheaper, and never larger than the pairs.
    static let minimumBits = 1 << 24
    static let bitsPerRow = 256

    /// The regime, for tests: "sorted", "bitmap" or "partitioned".
    var regime: String { sorted != nil ? "sorted" : (bitmap != nil ? "bitmap" : "partitioned") }

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
        if var s = sorted {
            sorted = nil
            if s.insert(groups: groups, words: words, validity: validity, groupCount: groupCount) {
                sorted = s
                return
            }
            leave(s, groupCount: groupCount)
        }
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

    /// Moves the pairs listed in order to a bitmap (or partitions, when it outgrows its limit).
    private mutating func leave(_ s: SortedPairs, groupCount: Int) {
        bitmap = PairBitmap()
        s.forEachChunk(batchSize) { insert(pairs: $0, groupCount: groupCount) }
    }

    /// Ends the input of one part (on its own thread).
    func finishInput() {
        partitioned?.finishInput()
    }

    /// Adds other parts' pairs: group g of `others[k]` is group `groups[k][g]` here, and its words are
    /// translated through `translations[k]` when given. Pairs in order follow ours when they come after
    /// them; bitmaps of the same words are ORed into ours; partitioned pairs join our partitions, on as
    /// many threads as there are parts.
    mutating func merge(_ others: [DistinctPairs], groups: [[Int]], translations: [[UInt64]?], groupCount: Int) throws {
        var parts: [Int] = [], sources: [Int] = []
        for (k, other) in others.enumerated() {
            rows += other.rows
            if var s = sorted {
                sorted = nil
                if translations[k] == nil, let theirs = other.sorted, s.append(theirs, groups: groups[k], groupCount: groupCount) {
                    sorted = s
                    continue
                }
                leave(s, groupCount: groupCount)
            }
            let limit = bitLimit
            if bitmap != nil {
                if translations[k] == nil, let theirs = other.bitmap,
                   bitmap?.merge(theirs, groups: groups[k], groupCount: groupCount, limit: limit) == true {
                    continue
                }
                if other.partitioned == nil {
                    other.forEachChunk(batchSize) {
                        insert(pairs: $0, groups: groups[k], translation: translations[k], groupCount: groupCount)
                    }
                    continue
                }
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
        if let sorted { try sorted.forEachChunk(chunk, body) }
        if let bitmap { try bitmap.forEachChunk(chunk, body) }
        if let partitioned { try partitioned.forEachChunk(chunk, body) }
    }

    /// Calls `body` with the groups and the words of the pairs, a batch at a time; each pair once after
    /// `finish`.
    func forEachBatch(_ body: ([Int], [UInt64]) throws -> Void) rethrows {
        if let sorted { return try sorted.forEachBatch(batchSize, body) }
        try forEachChunk(batchSize) { chunk in
            let (groups, words) = Self.split(chunk)
            try body(groups, words)
        }
    }

    /// Each group's number of distinct values (after `finish`).
    func counts(groupCount: Int) -> [Int64] {
        var counts = [Int64](repeating: 0, count: groupCount)
        sorted?.addCounts(into: &counts)
        bitmap?.addCounts(into: &counts)
        partitioned?.addCounts(into: &counts)
        return counts
    }

    /// The pairs of a bitmap given up.
    private static func partitioned(_ bitmap: PairBitmap) -> PartitionedPairs {
        let pairs = PartitionedPairs()
        bitmap.forEachChunk(batchSize) { chunk in
            let (groups, words) = split(chunk)
            groups.withUnsafeBufferPointer { g in words.withUnsafeBufferPointer { pairs.insert(groups: g, words: $0, validity: nil) } }
        }
        return pairs
    }

    /// Adds interleaved pairs, their groups looked up in `groups` and their words in `translation` when given.
    private mutating func insert(pairs: UnsafeBufferPointer<UInt64>, groups mapping: [Int]? = nil, translation: [UInt64]? = nil,
                                 groupCount: Int) {
        let (groups, words) = Self.split(pairs, groups: mapping, translation: translation)
        groups.withUnsafeBufferPointer { g in
            words.withUnsafeBufferPointer { insert(g, $0, validity: nil, groupCount: groupCount) }
        }
    }

    /// The groups and the words of interleaved pairs, groups looked up in `groups` and words in
    /// `translation` when given.
    private static func split(_ pairs: UnsafeBufferPointer<UInt64>, groups mapping: [Int]? = nil,
                              translation: [UInt64]? = nil) -> ([Int], [UInt64]) {
        let n = pairs.count / 2
        var groups = [Int](repeating: 0, count: n), words = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            let g = Int(truncatingIfNeeded: pairs[2 &* i]), w = pairs[2 &* i &+ 1]
            groups[i] = mapping?[g] ?? g
            words[i] = translation?[Int(truncatingIfNeeded: w)] ?? w
        }
        return (groups, words)
    }
}
