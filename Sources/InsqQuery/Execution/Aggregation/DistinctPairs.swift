/// The (group, value) pairs a DISTINCT aggregate has seen, values being encoded key words: one bit per
/// possible pair while the values span a small range (a bitmap row per group), a hash table of pairs once
/// groups × range grows too large.
struct DistinctPairs {
    /// The value of bit 0 of every group's row; a multiple of 64 so that widening moves whole words.
    private var low: Int64 = 0
    /// Words per group's row; 0 until the first value.
    private var rowWords = 0
    private var bits: [UInt64] = []
    /// Set once the bitmap is given up.
    private(set) var table: KeyTable?

    /// Bitmaps larger than this many bits are given up for the hash table (128 MiB: at SF 5, 76 groups over
    /// 5 M persons need 48 MB, and the pair table they fell back to was twice as slow as DuckDB).
    static let bitLimit = 1 << 30

    /// Adds the pairs of the rows valid in `validity`; returns the rows whose pair is new, in row order.
    mutating func insert(groups: [Int], words: [UInt64], validity: [UInt64]?, groupCount: Int) -> [Int] {
        if table == nil && rowWords > 0 && groupCount > Self.bitLimit / (rowWords * 64) { giveUp() }
        if table == nil, let range = Self.range(words, validity: validity, rows: groups.count) {
            if !fits(range, groupCount: groupCount) { widen(range, groupCount: groupCount) }
        }
        if table != nil { return hashedInsert(groups: groups, words: words, validity: validity) }
        if groups.isEmpty || rowWords == 0 { return [] }
        let needed = groupCount * rowWords
        if bits.count < needed { bits.append(contentsOf: repeatElement(0, count: needed - bits.count)) }
        var fresh = [Int](repeating: 0, count: groups.count)
        var found = 0
        let low = self.low, rowWords = self.rowWords
        var b = bits
        bits = []
        b.withUnsafeMutableBufferPointer { bp in
            groups.withUnsafeBufferPointer { gp in
                words.withUnsafeBufferPointer { wp in
                    fresh.withUnsafeMutableBufferPointer { out in
                        let all = [UInt64](repeating: ~0, count: (gp.count + 63) >> 6)
                        (validity ?? all).withUnsafeBufferPointer { valid in
                            for i in 0..<gp.count {
                                // A NULL row's word may lie outside the range: it probes bit 0 with an empty mask.
                                let ok = GroupedLoops.bit(valid, i)
                                let offset = Int(truncatingIfNeeded: (Int64(bitPattern: wp[i]) &- low) & (0 &- ok))
                                let w = gp[i] &* rowWords &+ offset >> 6
                                let mask = (UInt64(1) << UInt64(offset & 63)) & UInt64(bitPattern: 0 &- ok)
                                let old = bp[w]
                                bp[w] = old | mask
                                out[found] = i
                                found &+= Int(unsafeBitCast(old & mask == 0, to: UInt8.self)) & Int(ok)
                            }
                        }
                    }
                }
            }
        }
        bits = b
        fresh.removeLast(fresh.count - found)
        return fresh
    }

    /// The smallest and largest valid word, read as signed integers.
    private static func range(_ words: [UInt64], validity: [UInt64]?, rows: Int) -> (low: Int64, high: Int64)? {
        words.withUnsafeBufferPointer { w in
            w.withMemoryRebound(to: Int64.self) { DirectRanges.range(UnsafeBufferPointer(rebasing: $0.prefix(rows)), validity: validity) }
        }
    }

    private func fits(_ range: (low: Int64, high: Int64), groupCount: Int) -> Bool {
        guard rowWords > 0, range.low >= low else { return false }
        let (offset, overflow) = range.high.subtractingReportingOverflow(low)
        return !overflow && offset < Int64(rowWords) * 64
    }

    /// Lays the bitmap out anew for a wider range (with as much room again on the side it grew), or moves
    /// every pair to the hash table when no bitmap within `bitLimit` covers it.
    private mutating func widen(_ range: (low: Int64, high: Int64), groupCount: Int) {
        let rowLimit = Int64(Self.bitLimit / max(groupCount, 1))
        var exactLow = range.low, exactHigh = range.high
        let oldHigh = low.addingReportingOverflow(Int64(rowWords) * 64 - 1)
        if rowWords > 0 {
            exactLow = min(exactLow, low)
            exactHigh = max(exactHigh, oldHigh.overflow ? .max : oldHigh.partialValue)
        }
        // The width of a row from `l` rounded down to a word boundary up to `h`, when within the limit.
        func rowBits(_ l: Int64, _ h: Int64) -> Int64? {
            let (d, overflow) = h.subtractingReportingOverflow(l & ~63)
            return overflow || d >= rowLimit ? nil : d + 1
        }
        guard let width = rowBits(exactLow, exactHigh) else { return giveUp() }
        var roomyLow = exactLow, roomyHigh = exactHigh
        if rowWords == 0 || exactHigh == range.high {
            let grown = exactHigh.addingReportingOverflow(width)
            if !grown.overflow { roomyHigh = grown.partialValue }
        }
        if rowWords > 0 && range.low < low {
            let grown = exactLow.subtractingReportingOverflow(width)
            if !grown.overflow { roomyLow = grown.partialValue }
        }
        let roomy = rowBits(roomyLow, roomyHigh)
        let newLow = (roomy == nil ? exactLow : roomyLow) & ~63
        let newRowWords = Int(((roomy ?? width) + 63) / 64)
        var wider = [UInt64](repeating: 0, count: newRowWords * groupCount)
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
    }

    /// Moves the pairs of the bitmap to a hash table.
    private mutating func giveUp() {
        var pairs: [UInt64] = []
        if rowWords > 0 {
            for (w, word) in bits.enumerated() where word != 0 {
                var rest = word
                while rest != 0 {
                    let bit = rest.trailingZeroBitCount
                    rest &= rest &- 1
                    let (g, j) = w.quotientAndRemainder(dividingBy: rowWords)
                    pairs.append(UInt64(g))
                    pairs.append(UInt64(bitPattern: low &+ Int64(j * 64 + bit)))
                }
            }
        }
        table = KeyTable(width: 2, adopting: pairs, count: pairs.count / 2)
        bits = []
        rowWords = 0
    }

    private mutating func hashedInsert(groups: [Int], words: [UInt64], validity: [UInt64]?) -> [Int] {
        guard var table else { return [] }
        self.table = nil
        var pairs = [UInt64]()
        var rows = [Int]()
        pairs.reserveCapacity(groups.count * 2)
        for (i, g) in groups.enumerated() where validity.map({ $0[i >> 6] & (1 << UInt64(i & 63)) != 0 }) ?? true {
            pairs.append(UInt64(g))
            pairs.append(words[i])
            rows.append(i)
        }
        var ids = [Int](repeating: 0, count: rows.count)
        var fresh: [Int] = []
        pairs.withUnsafeBufferPointer { table.findOrInsertAll($0, rows: rows.count, ids: &ids, newRows: &fresh) }
        self.table = table
        return fresh.map { rows[$0] }
    }
}
