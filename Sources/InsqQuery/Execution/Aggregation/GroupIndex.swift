import InsqStorage

/// Numbers GROUP BY keys densely in first-seen order: by indexing an array while every key column's values
/// fit a small range (dictionary codes, small or compact integers), by hashing once they do not.
struct GroupIndex {
    private let encoders: [KeyEncoder]
    /// Encoded words of the batch's non-integer key columns (integers are their own words).
    private var words: [[UInt64]]
    private var ranges: DirectRanges?
    /// Direct mode: group id + 1 per composite key code (0: no group yet).
    private var direct: [Int32] = []
    /// Direct mode: each group's key as KeyTable lays keys out, kept so that the array can be laid out anew
    /// or handed to a hash table.
    private var keys: [UInt64] = []
    private var table: KeyTable?
    private var codes: [Int] = []
    private(set) var count = 0

    init(columns: Int) {
        encoders = (0..<columns).map { _ in KeyEncoder() }
        words = [[UInt64]](repeating: [], count: columns)
        // The NULL flags share one word, so direct codes, which read them back, need one bit per column.
        if columns >= 64 { table = KeyTable(width: columns + 1) }
    }

    private var width: Int { encoders.count + 1 }

    /// Each row's group id into `ids`, and the rows that added a group, in row order.
    mutating func assign(_ vectors: [Vector], rows: Int, ids: inout [Int]) -> [Int] {
        if ids.count != rows { ids = [Int](repeating: 0, count: rows) }
        for (k, v) in vectors.enumerated() {
            if case .int64 = v.data { continue }
            encoders[k].encode(v, intern: true, into: &words[k])
        }
        if table == nil && !directCodes(vectors, rows: rows) {
            let batch = vectors.indices.map { k in values(vectors, k) { DirectRanges.range($0, validity: vectors[k].validity) } }
            if let wider = DirectRanges(old: ranges, batch: batch) {
                relayout(wider)
                _ = directCodes(vectors, rows: rows)
            } else {
                table = KeyTable(width: width, adopting: keys, count: count)
                keys = []
                direct = []
            }
        }
        if var table {
            self.table = nil
            let fresh = hashed(vectors, rows: rows, into: &table, ids: &ids)
            count = table.count
            self.table = table
            return fresh
        }
        return indexed(vectors, rows: rows, ids: &ids)
    }

    /// Column `k`'s values as signed integers: an integer column's own, or its encoded words.
    private func values<R>(_ vectors: [Vector], _ k: Int, _ body: (UnsafeBufferPointer<Int64>) -> R) -> R {
        if case let .int64(a) = vectors[k].data { return a.withUnsafeBufferPointer(body) }
        return words[k].withUnsafeBufferPointer { $0.withMemoryRebound(to: Int64.self, body) }
    }

    /// Fills `codes` with each row's composite code; false when a value lies outside the current ranges.
    private mutating func directCodes(_ vectors: [Vector], rows: Int) -> Bool {
        guard let ranges else { return false }
        var c = codes
        codes = []
        if c.count != rows { c = [Int](repeating: 0, count: rows) } else { c.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        var inside = true
        c.withUnsafeMutableBufferPointer { out in
            for k in vectors.indices where inside {
                inside = values(vectors, k) { ranges.addCodes(column: k, values: $0, validity: vectors[k].validity, into: out) }
            }
        }
        codes = c
        return inside
    }

    /// Row i's key as the hash table stores it: the column words, then a word of NULL flags.
    private func flatKey(_ vectors: [Vector], row i: Int, into out: UnsafeMutablePointer<UInt64>) {
        var nulls: UInt64 = 0
        for (k, v) in vectors.enumerated() {
            if !v.isValid(i) {
                out[k] = 0
                nulls |= 1 << UInt64(k & 63)
            } else if case let .int64(a) = v.data {
                out[k] = UInt64(bitPattern: a[i])
            } else {
                out[k] = words[k][i]
            }
        }
        out[vectors.count] = nulls
    }

    private mutating func indexed(_ vectors: [Vector], rows: Int, ids: inout [Int]) -> [Int] {
        var fresh: [Int] = []
        var localDirect = direct, localKeys = keys
        direct = []
        keys = []
        var localCount = count
        let w = width
        var key = [UInt64](repeating: 0, count: w)
        localDirect.withUnsafeMutableBufferPointer { d in
            codes.withUnsafeBufferPointer { c in
                ids.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rows {
                        var g = Int(d[c[i]]) &- 1
                        if g < 0 {
                            g = localCount
                            localCount &+= 1
                            d[c[i]] = Int32(truncatingIfNeeded: localCount)
                            fresh.append(i)
                            key.withUnsafeMutableBufferPointer { flatKey(vectors, row: i, into: $0.baseAddress!) }
                            localKeys.append(contentsOf: key)
                        }
                        out[i] = g
                    }
                }
            }
        }
        direct = localDirect
        keys = localKeys
        count = localCount
        return fresh
    }

    private func hashed(_ vectors: [Vector], rows: Int, into table: inout KeyTable, ids: inout [Int]) -> [Int] {
        let w = width
        var flat = [UInt64](repeating: 0, count: rows * w)
        flat.withUnsafeMutableBufferPointer { f in
            for k in vectors.indices {
                let bit = UInt64(1) << UInt64(k & 63)
                values(vectors, k) { x in
                    if let validity = vectors[k].validity {
                        for i in 0..<rows {
                            if validity[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                                f[i &* w &+ k] = UInt64(bitPattern: x[i])
                            } else {
                                f[i &* w &+ w &- 1] |= bit
                            }
                        }
                    } else {
                        for i in 0..<rows { f[i &* w &+ k] = UInt64(bitPattern: x[i]) }
                    }
                }
            }
        }
        var fresh: [Int] = []
        flat.withUnsafeBufferPointer { table.findOrInsertAll($0, rows: rows, ids: &ids, newRows: &fresh) }
        return fresh
    }

    /// Switches to wider ranges: every known group's slot is filled in again.
    private mutating func relayout(_ wider: DirectRanges) {
        var fresh = [Int32](repeating: 0, count: wider.size)
        let w = width
        keys.withUnsafeBufferPointer { kp in
            fresh.withUnsafeMutableBufferPointer { f in
                for g in 0..<count { f[wider.code(ofKey: kp.baseAddress! + g * w, columns: w - 1)] = Int32(g + 1) }
            }
        }
        direct = fresh
        ranges = wider
    }
}
