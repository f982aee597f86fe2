/// The distinct (group, value) pairs of a DISTINCT aggregate whose values arrive in order (non-decreasing
/// encoded words, as person_id arrives from payments stored by person): a pair can then only repeat while
/// its value does, so each row is checked against the groups of the current value alone, and the pairs
/// are listed as they are found, as runs of groups that share a value. Costs a few nanoseconds a row and
/// about 4 bytes a distinct pair, whatever the number of groups and the range of the values;
/// `DistinctPairs` leaves it at the first batch out of order.
struct SortedPairs {
    /// The groups of the pairs in the order found, in chunks of `chunkSize` (so that growing never copies).
    private var chunks: [[UInt32]] = []
    private var count = 0
    /// Per run of pairs that share a value: the value, and the number of pairs up to its end.
    private var runWords: [UInt64] = []
    private var runEnds: [Int] = []
    /// Per group, its number of pairs.
    private var counts: [Int64] = []
    /// Per group, the run (numbered from 1) in which it was last listed.
    private var marks: [UInt32] = []

    private static let chunkSize = 1 << 16

    /// Lists the new pairs of the rows valid in `validity`; false, with nothing changed, when their words
    /// are not in order from the last word on.
    mutating func insert(groups: UnsafeBufferPointer<Int>, words: UnsafeBufferPointer<UInt64>, validity: [UInt64]?,
                         groupCount: Int) -> Bool {
        let n = groups.count
        let all = [UInt64](repeating: ~0, count: (n + 63) >> 6)
        let start = runWords.last ?? 0
        let isOrdered = (validity ?? all).withUnsafeBufferPointer { valid in
            var previous = start
            var descents: UInt8 = 0
            for i in 0..<n {
                let ok = UInt64(bitPattern: GroupedLoops.bit(valid, i))
                let w = words[i]
                descents |= unsafeBitCast(w < previous, to: UInt8.self) & UInt8(truncatingIfNeeded: ok)
                previous = (w & (0 &- ok)) | (previous & (ok &- 1))
            }
            return descents == 0
        }
        guard isOrdered else { return false }
        GroupedLoops.grow(&marks, to: groupCount, with: 0)
        GroupedLoops.grow(&counts, to: groupCount, with: 0)
        var m = marks, c = counts
        marks = []
        counts = []
        var fresh = [UInt32](repeating: 0, count: n)
        var k = 0, run = UInt32(truncatingIfNeeded: runWords.count), current = runWords.last ?? 0
        var hasRun = !runWords.isEmpty
        (validity ?? all).withUnsafeBufferPointer { valid in
            m.withUnsafeMutableBufferPointer { mp in
                c.withUnsafeMutableBufferPointer { cp in
                    fresh.withUnsafeMutableBufferPointer { fp in
                        for i in 0..<n where GroupedLoops.bit(valid, i) != 0 {
                            let w = words[i], g = groups[i]
                            if w != current || !hasRun {
                                if hasRun { runEnds.append(count &+ k) }
                                runWords.append(w)
                                current = w
                                hasRun = true
                                run &+= 1
                            }
                            if mp[g] == run { continue }
                            mp[g] = run
                            cp[g] &+= 1
                            fp[k] = UInt32(truncatingIfNeeded: g)
                            k &+= 1
                        }
                    }
                }
            }
        }
        marks = m
        counts = c
        fresh.withUnsafeBufferPointer { add(UnsafeBufferPointer(rebasing: $0.prefix(k))) }
        return true
    }

    /// Appends groups to the chunks.
    private mutating func add(_ groups: UnsafeBufferPointer<UInt32>) {
        var rest = groups[...]
        while !rest.isEmpty {
            if chunks.last.map({ $0.count == Self.chunkSize }) ?? true { chunks.append(Self.newChunk()) }
            let room = Self.chunkSize - chunks[chunks.count - 1].count
            chunks[chunks.count - 1].append(contentsOf: rest.prefix(room))
            rest = rest.dropFirst(room)
        }
        count += groups.count
    }

    /// Appends the pairs of a later part whose group g is group `groups[g]` here; false, with nothing
    /// changed, when its first word comes before our last one.
    mutating func append(_ other: SortedPairs, groups: [Int], groupCount: Int) -> Bool {
        guard let first = other.runWords.first else { return true }
        if let last = runWords.last, first < last { return false }
        GroupedLoops.grow(&marks, to: groupCount, with: 0)
        GroupedLoops.grow(&counts, to: groupCount, with: 0)
        let joinsLastRun = runWords.last == first
        var run = UInt32(truncatingIfNeeded: runWords.count)
        var fresh: [UInt32] = []
        fresh.reserveCapacity(other.count)
        var lastIndex = -1
        other.forEachRun { index, word, theirGroups in
            if index != lastIndex && (index > 0 || !joinsLastRun) {
                if !runWords.isEmpty { runEnds.append(count + fresh.count) }
                runWords.append(word)
                run &+= 1
            }
            lastIndex = index
            // Our last run's groups are marked with its number: their first run leaves those out.
            for g in theirGroups.lazy.map({ groups[Int($0)] }) where marks[g] != run {
                marks[g] = run
                counts[g] &+= 1
                fresh.append(UInt32(truncatingIfNeeded: g))
            }
        }
        fresh.withUnsafeBufferPointer { add($0) }
        return true
    }

    /// Calls `body` with the pairs, interleaved group and word, up to `chunk` at a time.
    func forEachChunk(_ chunk: Int, _ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        var out = [UInt64](repeating: 0, count: 2 * chunk)
        try forEachPair(chunk) { groups, words, n in
            for i in 0..<n {
                out[2 * i] = UInt64(groups[i])
                out[2 * i + 1] = words[i]
            }
            try out.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0.prefix(2 * n))) }
        }
    }

    /// Calls `body` with the groups and the words of the pairs, up to `size` at a time.
    func forEachBatch(_ size: Int, _ body: ([Int], [UInt64]) throws -> Void) rethrows {
        try forEachPair(size) { groups, words, n in
            try n == size ? body(groups, words) : body(Array(groups.prefix(n)), Array(words.prefix(n)))
        }
    }

    /// Fills arrays of `size` groups and words with the pairs in order and calls `body(groups, words, n)`
    /// whenever they are full, and for the n < size left at the end.
    private func forEachPair(_ size: Int, _ body: ([Int], [UInt64], Int) throws -> Void) rethrows {
        var groups = [Int](repeating: 0, count: size), words = [UInt64](repeating: 0, count: size)
        var n = 0, run = 0, position = 0
        var runEnd = runEnds.first ?? count
        for chunk in chunks {
            var start = 0
            while start < chunk.count {
                // Up to the end of the chunk, the run or the batch, whichever comes first.
                while position == runEnd {
                    run += 1
                    runEnd = run < runEnds.count ? runEnds[run] : count
                }
                let piece = min(chunk.count - start, runEnd - position, size - n)
                let word = runWords[run]
                chunk.withUnsafeBufferPointer { cp in
                    groups.withUnsafeMutableBufferPointer { gp in
                        for i in 0..<piece { gp[n &+ i] = Int(cp[start &+ i]) }
                    }
                }
                words.withUnsafeMutableBufferPointer { wp in
                    for i in 0..<piece { wp[n &+ i] = word }
                }
                n += piece
                start += piece
                position += piece
                if n == size {
                    try body(groups, words, n)
                    n = 0
                }
            }
        }
        if n > 0 { try body(groups, words, n) }
    }

    /// Adds each group's number of pairs to `counts`.
    func addCounts(into counts: inout [Int64]) {
        for (g, n) in self.counts.enumerated() { counts[g] &+= n }
    }

    /// Calls `body(index, word, groups)` for each run in order, its groups in up to two pieces when they
    /// straddle chunks (then with the same index).
    private func forEachRun(_ body: (Int, UInt64, ArraySlice<UInt32>) throws -> Void) rethrows {
        var start = 0
        for (r, word) in runWords.enumerated() {
            let end = r < runEnds.count ? runEnds[r] : count
            var from = start
            while from < end {
                let c = from / Self.chunkSize, offset = from % Self.chunkSize
                let upTo = min(end - from, Self.chunkSize - offset)
                try body(r, word, chunks[c][offset..<(offset + upTo)])
                from += upTo
            }
            start = end
        }
    }

    private static func newChunk() -> [UInt32] {
        var chunk: [UInt32] = []
        chunk.reserveCapacity(chunkSize)
        return chunk
    }
}
