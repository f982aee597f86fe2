/// The rows that may still be among the first `limit` of a sort: row numbers with their key words. When the
/// buffer fills it is cut to the best `limit`, whose last becomes the threshold a new row must beat.
struct TopNCandidates {
    let width: Int
    let limit: Int
    /// Rows beyond `limit` collected before a cut: enough to make cuts rare, few enough to stay cheap.
    private let slack: Int
    private(set) var rows: [Int] = []
    private(set) var words: [UInt64] = []
    /// The key words and row of the worst row kept at the last cut; rows not before it cannot make the cut.
    private(set) var threshold: (words: [UInt64], row: Int)?

    init(width: Int, limit: Int) {
        self.width = width
        self.limit = limit
        slack = max(limit, 1024)
    }

    /// Adds the rows `rows[0..<n]` with their words (`width` each), keeping only those before the threshold;
    /// cuts when the buffer is full. Returns whether the threshold changed.
    mutating func add(_ newRows: UnsafeMutablePointer<Int>, _ newWords: UnsafeMutablePointer<UInt64>, _ n: Int) -> Bool {
        var kept = n
        if let (t, tRow) = threshold {
            kept = 0
            t.withUnsafeBufferPointer { tw in
                let tp = tw.baseAddress!
                for j in 0..<n where TopNOrder.less(newWords + j * width, newRows[j], tp, tRow, width: width) {
                    newRows[kept] = newRows[j]
                    if kept != j { (newWords + kept * width).update(from: newWords + j * width, count: width) }
                    kept += 1
                }
            }
        }
        rows.append(contentsOf: UnsafeBufferPointer(start: newRows, count: kept))
        words.append(contentsOf: UnsafeBufferPointer(start: newWords, count: kept * width))
        guard rows.count >= limit + slack else { return false }
        cut()
        return true
    }

    /// Keeps the best `limit` rows (in no particular order) and makes the worst of them the threshold.
    mutating func cut() {
        guard rows.count > limit, limit > 0 else {
            if limit == 0 { rows = []; words = [] }
            return
        }
        var order = Array(rows.indices)
        let width = width
        words.withUnsafeBufferPointer { w in
            rows.withUnsafeBufferPointer { r in
                let w = w.baseAddress!
                order.withUnsafeMutableBufferPointer { o in
                    TopNOrder.select(o, k: limit - 1) { a, b in TopNOrder.less(w + a * width, r[a], w + b * width, r[b], width: width) }
                }
            }
        }
        let last = order[limit - 1]
        threshold = (Array(words[last * width..<(last + 1) * width]), rows[last])
        var keptWords = [UInt64]()
        keptWords.reserveCapacity(limit * width)
        for i in order[..<limit] { keptWords.append(contentsOf: words[i * width..<(i + 1) * width]) }
        rows = order[..<limit].map { rows[$0] }
        words = keptWords
    }

    /// Merges another part's candidates (of a later stretch of the table, or an earlier one: row numbers decide ties).
    mutating func merge(_ other: TopNCandidates) {
        rows.append(contentsOf: other.rows)
        words.append(contentsOf: other.words)
    }

    /// The best `limit` rows in sort order.
    func sortedRows() -> [Int] {
        var copy = self
        copy.cut()
        var order = Array(copy.rows.indices)
        let width = width
        copy.words.withUnsafeBufferPointer { w in
            copy.rows.withUnsafeBufferPointer { r in
                let w = w.baseAddress
                order.sort { a, b in TopNOrder.less(w! + a * width, r[a], w! + b * width, r[b], width: width) }
            }
        }
        return order.map { copy.rows[$0] }
    }
}
