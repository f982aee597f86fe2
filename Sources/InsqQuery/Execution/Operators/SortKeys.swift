import InsqStorage

/// Order-preserving maps of typed values to unsigned integers: a sorts before b exactly when bits(a) < bits(b).
enum OrderBits {
    static let signBit: UInt64 = 1 << 63

    /// Flipping the sign bit puts negative numbers below positive ones in unsigned order.
    @inline(__always) static func int(_ x: Int64) -> UInt64 { UInt64(bitPattern: x) ^ signBit }

    /// IEEE-754 total order (negative numbers have every bit inverted, positive ones only the sign bit), with
    /// -0 folded into +0 so that they tie, and every NaN (whatever its sign) after +infinity.
    @inline(__always) static func double(_ x: Double) -> UInt64 {
        let b = (x + 0.0).bitPattern
        let flip = UInt64(bitPattern: Int64(bitPattern: b) >> 63) | signBit
        return x.isNaN ? UInt64.max : b ^ flip
    }

    @inline(__always) static func bool(_ x: Bool) -> UInt64 { UInt64(unsafeBitCast(x, to: UInt8.self)) }

    /// Calls `body` with a function from row number to ascending order bits (arbitrary under NULL rows); text
    /// uses `ranks` (see `TextRanks`). Dispatching on the type once lets `body` run a typed loop.
    @inline(__always)
    static func withBits<T>(_ column: Column, ranks: [UInt32], _ body: ((Int) -> UInt64) -> T) -> T {
        switch column.data {
        case let .int64(a): return a.withUnsafeBufferPointer { p in body { int(p[$0]) } }
        case let .int32(a): return a.withUnsafeBufferPointer { p in body { int(Int64(p[$0])) } }
        case let .double(a): return a.withUnsafeBufferPointer { p in body { double(p[$0]) } }
        case let .bool(a): return a.withUnsafeBufferPointer { p in body { bool(p[$0]) } }
        case let .text(codes, _):
            return ranks.withUnsafeBufferPointer { r in codes.withUnsafeBufferPointer { c in body { UInt64(r[Int(c[$0])]) } } }
        }
    }
}

/// Ranks of text dictionary codes in TextOrder (equal strings share a rank).
enum TextRanks {
    /// Ranks indexed by code for a text column (empty for other types). Only the codes that occur are ranked
    /// (others hold 0), so that sorting a few rows of a large dictionary sorts only their strings.
    static func ranks(of column: Column) -> [UInt32] {
        guard case let .text(codes, dict) = column.data else { return [] }
        var ranks = [UInt32](repeating: 0, count: dict.count)
        var used: [Int] = []
        ranks.withUnsafeMutableBufferPointer { r in
            codes.withUnsafeBufferPointer { c in for code in c { r[Int(code)] = 1 } }
            for code in 0..<r.count where r[code] == 1 { used.append(code) }
        }
        rank(used: used, strings: dict.strings, into: &ranks)
        return ranks
    }

    /// Sets `ranks[code]` for the `used` codes, equal strings sharing a rank.
    static func rank(used: [Int], strings: [String], into ranks: inout [UInt32]) {
        var used = used
        used.sort { TextOrder.less(strings[$0], strings[$1]) }
        var rank: UInt32 = 0
        for (k, code) in used.enumerated() {
            if k > 0 && !TextOrder.equal(strings[used[k - 1]], strings[code]) { rank += 1 }
            ranks[code] = rank
        }
    }
}

/// One fixed-width unsigned field of a packed sort key, computed from a column row by row: a key's values shifted
/// to start at 0 (inverted for DESC) with NULL folded in as the smallest or largest value, or, when the values
/// already need all 64 bits, a separate leading NULL flag and the values.
struct SortField {
    let column: Column
    let ranks: [UInt32]
    let low: UInt64, high: UInt64
    let descending: Bool
    /// The field is the NULL flag rather than the values.
    let isNullFlag: Bool
    /// Under NULL rows (values field), and what valid rows add so that NULL can sort first.
    let nullValue: UInt64, validShift: UInt64
    let width: Int

    /// Significant bits of `x` (0 for 0).
    @inline(__always) static func bitWidth(_ x: UInt64) -> Int { 64 - x.leadingZeroBitCount }

    /// The fields of one sort key, none when every row is NULL.
    static func fields(_ column: Column, _ key: SortKey) -> [SortField] {
        let ranks = TextRanks.ranks(of: column)
        let n = column.count
        var low = UInt64.max, high = UInt64.min
        OrderBits.withBits(column, ranks: ranks) { bits in
            if let v = column.validity {
                // NULL rows hold arbitrary data, which must not widen the range.
                for i in 0..<n where v.isValid(i) {
                    low = min(low, bits(i))
                    high = max(high, bits(i))
                }
            } else {
                for i in 0..<n {
                    low = min(low, bits(i))
                    high = max(high, bits(i))
                }
            }
        }
        guard low <= high else { return [] }
        let span = high &- low
        func field(flag: Bool, null: UInt64, shift: UInt64, width: Int) -> SortField {
            SortField(column: column, ranks: ranks, low: low, high: high, descending: key.isDescending, isNullFlag: flag,
                      nullValue: null, validShift: shift, width: width)
        }
        if column.validity == nil { return [field(flag: false, null: 0, shift: 0, width: bitWidth(span))] }
        if span < UInt64.max {
            return [field(flag: false, null: key.nullsFirst ? 0 : span &+ 1, shift: key.nullsFirst ? 1 : 0,
                          width: bitWidth(span &+ 1))]
        }
        // The flag is 1 for the rows that sort second.
        return [field(flag: true, null: key.nullsFirst ? 0 : 1, shift: 0, width: 1),
                field(flag: false, null: 0, shift: 0, width: 64)]
    }

    /// ORs the field of every row into `records` at bit `shift`.
    func insert<R: RadixRecord>(into records: UnsafeMutableBufferPointer<R>, at shift: Int) {
        let n = records.count, low = low, high = high, nullValue = nullValue, validShift = validShift
        if isNullFlag, let v = column.validity {
            for i in 0..<n { records[i].insert(v.isValid(i) ? 1 &- nullValue : nullValue, at: shift) }
            return
        }
        OrderBits.withBits(column, ranks: ranks) { bits in
            if let v = column.validity {
                for i in 0..<n {
                    let x = descending ? high &- bits(i) : bits(i) &- low
                    records[i].insert(v.isValid(i) ? x &+ validShift : nullValue, at: shift)
                }
            } else if descending {
                for i in 0..<n { records[i].insert(high &- bits(i), at: shift) }
            } else {
                for i in 0..<n { records[i].insert(bits(i) &- low, at: shift) }
            }
        }
    }
}
