import InsqStorage

/// One ORDER BY key read straight from a storage column, written per row as words that compare as unsigned
/// integers in sort order: a NULL-placement word (only when the column holds NULLs), then the value's order
/// bits, inverted for DESC. Rows equal on every word tie, as they do in `RowSorter`.
struct TopNKey {
    let column: Column
    let isDescending: Bool
    let nullsFirst: Bool
    /// Text: each dictionary code's rank (see `TextRanks`); empty for other types.
    let ranks: [UInt32]

    init(column: Column, key: SortKey) {
        self.column = column
        isDescending = key.isDescending
        nullsFirst = key.nullsFirst
        ranks = TextRanks.ranks(of: column)
    }

    /// Words per row.
    var width: Int { column.validity == nil ? 1 : 2 }

    /// Writes the words of the rows `rows[0..<n]`, row j's at `out[j * stride + offset]` on.
    func encode(_ rows: UnsafePointer<Int>, _ n: Int, into out: UnsafeMutablePointer<UInt64>, stride: Int, offset: Int) {
        let flip: UInt64 = isDescending ? ~0 : 0
        let valueAt = offset + width - 1
        OrderBits.withBits(column, ranks: ranks) { bits in
            for j in 0..<n { out[j &* stride &+ valueAt] = bits(rows[j]) ^ flip }
        }
        guard let validity = column.validity else { return }
        let null: UInt64 = nullsFirst ? 0 : 2
        validity.words.withUnsafeBufferPointer { w in
            for j in 0..<n {
                let slot = j &* stride &+ offset
                if SelectionKernels.validBit(w.baseAddress!, rows[j]) == 1 {
                    out[slot] = 1
                } else {
                    // Under NULL the stored value is arbitrary: a fixed word makes NULLs tie.
                    out[slot] = null
                    out[slot &+ 1] = 0
                }
            }
        }
    }

    /// Whether every value of the column can be encoded without an expensive per-query step: a text key
    /// ranks its whole dictionary, which for near-unique text (names) costs more than the old top-N.
    static func isCheap(_ column: Column) -> Bool {
        guard case let .text(_, dict) = column.data else { return true }
        return dict.count <= 1 << 16 || dict.count * 16 <= column.count
    }
}

/// Comparisons and selection over rows held as key words (`width` per row) plus row numbers.
enum TopNOrder {
    /// Whether row `a` (words at `x`) sorts before row `b` (words at `y`); equal keys keep table order.
    @inline(__always)
    static func less(_ x: UnsafePointer<UInt64>, _ a: Int, _ y: UnsafePointer<UInt64>, _ b: Int, width: Int) -> Bool {
        for i in 0..<width where x[i] != y[i] { return x[i] < y[i] }
        return a < b
    }

    /// Reorders `items` so that the `k`-th smallest (from 0) is at `k`, smaller ones before it and larger ones after.
    /// Quickselect on the median of three; it sorts what is left after too many rounds, so inputs that defeat the
    /// pivot choice still take O(n log n). Items are distinct (row numbers break ties), so no pivot run repeats.
    static func select(_ items: UnsafeMutableBufferPointer<Int>, k: Int, _ less: (Int, Int) -> Bool) {
        var low = 0, high = items.count - 1
        var rounds = 2 * (Int.bitWidth - items.count.leadingZeroBitCount) + 8
        while low < high {
            rounds -= 1
            if rounds < 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: items[low...high])
                rest.sort(by: less)
                return
            }
            let middle = low + (high - low) / 2
            if less(items[middle], items[low]) { items.swapAt(middle, low) }
            if less(items[high], items[low]) { items.swapAt(high, low) }
            if less(items[middle], items[high]) { items.swapAt(middle, high) }
            let pivot = items[high]
            var store = low
            for i in low..<high where less(items[i], pivot) {
                items.swapAt(store, i)
                store += 1
            }
            items.swapAt(store, high)
            if store == k { return }
            if store < k { low = store + 1 } else { high = store - 1 }
        }
    }
}
