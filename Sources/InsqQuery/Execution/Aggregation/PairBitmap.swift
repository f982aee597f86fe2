/// The (group, value) pairs of a DISTINCT aggregate as one bit per possible pair: a row of bits per group
/// over the range of the values (encoded key words read as signed integers). `DistinctPairs` gives it up
/// for radix partitions when groups × range outgrows the limit it is given.
struct PairBitmap {
    /// The value of bit 0 of every group's row; a multiple of 64 so that widening moves whole words.
    private var low: Int64 = 0
    /// Words per group's row; 0 until the first value.
    private var rowWords = 0
    private var bits: [UInt64] = []

    /// The bits the bitmap takes for `groupCount` groups at its present width.
    func size(groupCount: Int) -> Int { groupCount * rowWords * 64 }

    /// Sets the bits of the rows valid in `validity`; false, with nothing set, when covering them would take
    /// more than `limit` bits.
    mutating func insert(groups: UnsafeBufferPointer<Int>, words: UnsafeBufferPointer<UInt64>, validity: [UInt64]?,
                         groupCount: Int, limit: Int) -> Bool {
        if rowWords > 0 && groupCount > limit / (rowWords * 64) { return false }
        if let range = Self.range(words, validity: validity), !fits(range) {
            if !widen(range, groupCount: groupCount, limit: limit) { return false }
        }
        if groups.isEmpty || rowWords == 0 { return true }
        LargeMemory.grow(&bits, to: groupCount * rowWords)
        let low = self.low, rowWords = self.rowWords
        var b = bits
        bits = []
        b.withUnsafeMutableBufferPointer { bp in
            let all = [UInt64](repeating: ~0, count: (groups.count + 63) >> 6)
            (validity ?? all).withUnsafeBufferPointer { valid in
                for i in 0..<groups.count {
                    // A NULL row's word may lie outside the range: it sets bit 0 of its row with an empty mask.
                    let ok = GroupedLoops.bit(valid, i)
                    let offset = Int(truncatingIfNeeded: (Int64(bitPattern: words[i]) &- low) & (0 &- ok))
                    let w = groups[i] &* rowWords &+ offset >> 6
                    bp[w] |= (UInt64(1) << UInt64(offset & 63)) & UInt64(bitPattern: 0 &- ok)
                }
            }
        }
        bits = b
        return true
    }

    /// ORs in another bitmap of the same values whose group g is group `groups[g]` here; false, with nothing
    /// changed, when covering its range would take more than `limit` bits.
    mutating func merge(_ other: PairBitmap, groups: [Int], groupCount: Int, limit: Int) -> Bool {
        guard other.rowWords > 0 else { return true }
        let high = other.low.addingReportingOverflow(Int64(other.rowWords) * 64 - 1)
        let range = (low: other.low, high: high.overflow ? Int64.max : high.partialValue)
        if rowWords > 0 && groupCount > limit / (rowWords * 64) { return false }
        if !fits(range) && !widen(range, groupCount: groupCount, limit: limit) { return false }
        LargeMemory.grow(&bits, to: groupCount * rowWords)
        let shift = Int((other.low &- low) / 64), rowWords = self.rowWords, theirWords = other.rowWords
        var b = bits
        bits = []
        b.withUnsafeMutableBufferPointer { bp in
            other.bits.withUnsafeBufferPointer { theirs in
                for g in 0..<(theirs.count / theirWords) {
                    let row = groups[g] &* rowWords &+ shift, theirRow = g &* theirWords
                    for j in 0..<theirWords { bp[row &+ j] |= theirs[theirRow &+ j] }
                }
            }
        }
        bits = b
        return true
    }

    /// Calls `body` with the pairs, interleaved group and word, group by group and each group's values in
    /// increasing order, up to `chunk` at a time.
    func forEachChunk(_ chunk: Int, _ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        guard rowWords > 0 else { return }
        var out = [UInt64](repeating: 0, count: 2 * chunk)
        var n = 0
        for (w, word) in bits.enumerated() where word != 0 {
            let (g, j) = w.quotientAndRemainder(dividingBy: rowWords)
            var rest = word
            while rest != 0 {
                out[2 * n] = UInt64(g)
                out[2 * n + 1] = UInt64(bitPattern: low &+ Int64(j &* 64 &+ rest.trailingZeroBitCount))
                rest &= rest &- 1
                n += 1
                if n == chunk {
                    try out.withUnsafeBufferPointer(body)
                    n = 0
                }
            }
        }
        if n > 0 { try out.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0.prefix(2 * n))) } }
    }

    /// Adds each group's number of pairs (bits set in its row) to `counts`.
    func addCounts(into counts: inout [Int64]) {
        guard rowWords > 0 else { return }
        let rowWords = self.rowWords
        bits.withUnsafeBufferPointer { bp in
            counts.withUnsafeMutableBufferPointer { cp in
                for g in 0..<(bp.count / rowWords) {
                    var n = 0
                    for j in 0..<rowWords { n &+= bp[g &* rowWords &+ j].nonzeroBitCount }
                    cp[g] &+= Int64(n)
                }
            }
        }
    }

    /// The smallest and largest valid word, read as signed integers.
    private static func range(_ words: UnsafeBufferPointer<UInt64>, validity: [UInt64]?) -> (low: Int64, high: Int64)? {
        words.withMemoryRebound(to: Int64.self) { DirectRanges.range($0, validity: validity) }
    }

    private func fits(_ range: (low: Int64, high: Int64)) -> Bool {
        guard rowWords > 0, range.low >= low else { return false }
        let (offset, overflow) = range.high.subtractingReportingOverflow(low)
        return !overflow && offset < Int64(rowWords) * 64
    }

    /// Lays the rows out anew for a wider range, with as much room again on the side it grew as the limit
    /// allows (so that values drifting one way widen it a logarithmic number of times); false when even
    /// the exact range takes more than `limit` bits.
    private mutating func widen(_ range: (low: Int64, high: Int64), groupCount: Int, limit: Int) -> Bool {
        let rowLimit = Int64(limit / max(groupCount, 1))
        var exactLow = range.low, exactHigh = range.high
        let oldHigh = low.addingReportingOverflow(Int64(rowWords) * 64 - 1)
        if rowWords > 0 {
            exactLow = min(exactLow, low)
            exactHigh = max(exactHigh, oldHigh.overflow ? .max : oldHigh.partialValue)
        }
        // The width of a row from `l` rounded down to a word boundary up to `h`.
        func rowBits(_ l: Int64, _ h: Int64) -> Int64? {
            let (d, overflow) = h.subtractingReportingOverflow(l & ~63)
            return overflow || d == .max ? nil : d + 1
        }
        guard let width = rowBits(exactLow, exactHigh), width <= rowLimit else { return false }
        let growsDown = rowWords > 0 && range.low < low
        let growsUp = rowWords == 0 || exactHigh == range.high
        // Room is left within a margin so that rounding to whole words stays within the limit.
        var spare = max(0, rowLimit - 128 - width)
        var newLow = exactLow, newHigh = exactHigh
        if growsDown {
            let room = min(width, growsUp ? spare / 2 : spare)
            let grown = exactLow.subtractingReportingOverflow(room)
            if !grown.overflow, let bits = rowBits(grown.partialValue, exactHigh) {
                newLow = grown.partialValue
                spare = max(0, spare - (bits - width))
            }
        }
        if growsUp {
            let grown = exactHigh.addingReportingOverflow(min(width, spare))
            if !grown.overflow { newHigh = grown.partialValue }
        }
        newLow &= ~63
        let newRowWords = Int((rowBits(newLow, newHigh) ?? width) + 63) / 64
        var wider = LargeMemory.zeros(newRowWords * groupCount, capacity: newRowWords * groupCount)
        if rowWords > 0 {
            let shift = Int((low &- newLow) / 64)
            bits.withUnsafeBufferPointer { old in
                wider.withUnsafeMutableBufferPointer { new in
                    for g in 0..<(old.count / rowWords) {
                        for j in 0..<rowWords { new[g &* newRowWords &+ shift &+ j] = old[g &* rowWords &+ j] }
                    }
                }
            }
        }
        bits = wider
        low = newLow
        rowWords = newRowWords
        return true
    }
}

extension LargeMemory {
    /// `count` zero words in room for `capacity`, in memory that prefers huge pages when large: a bitmap of
    /// hundreds of megabytes would otherwise fault in 4 KiB at a time.
    static func zeros(_ count: Int, capacity: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: max(count, capacity)) { buffer, initialized in
            if let base = buffer.baseAddress {
                preferHugePages(base, count: buffer.count)
                base.initialize(repeating: 0, count: count)
            }
            initialized = count
        }
    }

    /// Lengthens `words` with zeros to `count`; when they must move, to room for twice as many.
    static func grow(_ words: inout [UInt64], to count: Int) {
        if words.count >= count { return }
        if words.capacity >= count { return GroupedLoops.grow(&words, to: count, with: 0) }
        var wider = zeros(count, capacity: 2 * count)
        wider.withUnsafeMutableBufferPointer { new in
            words.withUnsafeBufferPointer { old in _ = new.update(fromContentsOf: old) }
        }
        words = wider
    }
}
