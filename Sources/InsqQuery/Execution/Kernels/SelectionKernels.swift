import InsqStorage

/// Branch-free loops that build and narrow selection vectors (ascending row numbers), and gathers by them.
enum SelectionKernels {
    /// 0 or 1 without a conditional jump: `cond ? 1 : 0` compiles to a branch in some loops (notes, pattern 1).
    @inline(__always) static func bit(_ b: Bool) -> Int { Int(unsafeBitCast(b, to: UInt8.self)) }

    /// Whether bit `i` of a validity bitmap is set, as 0 or 1.
    @inline(__always) static func validBit(_ words: UnsafePointer<UInt64>, _ i: Int) -> Int {
        Int(truncatingIfNeeded: (words[i &>> 6] &>> UInt64(i & 63)) & 1)
    }

    /// Writes the rows of `range` passing `test` to `out`; returns how many. Every row is written and the
    /// count advances only past passing ones, so no branch depends on the data. (A byte mask first, with
    /// all-zero stretches skipped, measured no faster: the loop is bound by reading the column.)
    @inline(__always)
    static func select(_ range: Range<Int>, _ out: UnsafeMutablePointer<Int>, _ test: (Int) -> Bool) -> Int {
        var n = 0
        for i in range {
            out[n] = i
            n &+= bit(test(i))
        }
        return n
    }

    /// Keeps the rows among `rows[0..<count]` passing `test`, in place; returns how many remain.
    @inline(__always)
    static func refine(_ rows: UnsafeMutablePointer<Int>, _ count: Int, _ test: (Int) -> Bool) -> Int {
        var n = 0
        for j in 0..<count {
            let r = rows[j]
            rows[n] = r
            n &+= bit(test(r))
        }
        return n
    }

    /// `select` over `dense` when it is set, else `refine` of the current rows.
    @inline(__always)
    static func run(_ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>, _ count: Int,
                    _ test: (Int) -> Bool) -> Int {
        if let dense { return select(dense, rows, test) }
        return refine(rows, count, test)
    }

    /// Rows where a value compares true with a constant; the operators mirror `ComparisonKernels`
    /// (`<=` as "not greater") so doubles give the same answers there and here.
    @inline(__always)
    static func compare<T: Comparable>(_ op: ComparisonOperator, _ x: UnsafePointer<T>, _ c: T, _ dense: Range<Int>?,
                                       _ rows: UnsafeMutablePointer<Int>, _ count: Int) -> Int {
        switch op {
        case .equal: return run(dense, rows, count) { x[$0] == c }
        case .notEqual: return run(dense, rows, count) { !(x[$0] == c) }
        case .less: return run(dense, rows, count) { x[$0] < c }
        case .lessEqual: return run(dense, rows, count) { !(c < x[$0]) }
        case .greater: return run(dense, rows, count) { c < x[$0] }
        case .greaterEqual: return run(dense, rows, count) { !(x[$0] < c) }
        }
    }

    /// Rows where two columns of one physical type compare true.
    @inline(__always)
    static func compare<T: Comparable>(_ op: ComparisonOperator, _ x: UnsafePointer<T>, _ y: UnsafePointer<T>,
                                       _ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>, _ count: Int) -> Int {
        switch op {
        case .equal: return run(dense, rows, count) { x[$0] == y[$0] }
        case .notEqual: return run(dense, rows, count) { !(x[$0] == y[$0]) }
        case .less: return run(dense, rows, count) { x[$0] < y[$0] }
        case .lessEqual: return run(dense, rows, count) { !(y[$0] < x[$0]) }
        case .greater: return run(dense, rows, count) { y[$0] < x[$0] }
        case .greaterEqual: return run(dense, rows, count) { !(x[$0] < y[$0]) }
        }
    }

    /// Rows whose value is (or, negated, is not) one of `items`; the items loop is short (an IN list).
    @inline(__always)
    static func member<T: Comparable>(_ x: UnsafePointer<T>, _ items: UnsafeBufferPointer<T>, negated: Bool,
                                      _ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>, _ count: Int) -> Int {
        // One or two items (`= 'CNY'`, a short IN list) run without the items loop, whose bookkeeping
        // cost more than the comparisons.
        switch items.count {
        case 0:
            return negated ? (dense.map { select($0, rows) { _ in true } } ?? count) : 0
        case 1:
            return compare(negated ? .notEqual : .equal, x, items[0], dense, rows, count)
        case 2:
            let a = items[0], b = items[1]
            if negated { return run(dense, rows, count) { (bit(x[$0] != a) & bit(x[$0] != b)) != 0 } }
            return run(dense, rows, count) { (bit(x[$0] == a) | bit(x[$0] == b)) != 0 }
        default:
            break
        }
        let flip = bit(negated)
        return run(dense, rows, count) { r in
            let v = x[r]
            var hit = 0
            for item in items { hit |= bit(v == item) }
            return hit ^ flip != 0
        }
    }

    /// Rows whose value is (or, negated, is not) in a bitmap with one bit per value of `low...high`.
    @inline(__always)
    static func bitmap<T: BinaryInteger>(_ x: UnsafePointer<T>, low: Int64, high: Int64, _ bits: UnsafePointer<UInt64>,
                                         negated: Bool, _ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>,
                                         _ count: Int) -> Int {
        let flip = UInt64(bit(negated))
        return run(dense, rows, count) { r in
            let v = Int64(truncatingIfNeeded: x[r])
            let inside = UInt64(bit(v >= low) & bit(v <= high))
            // Outside the range the offset is masked to 0, a readable word, and the bit to 0.
            let offset = UInt64(bitPattern: v &- low) & (0 &- inside)
            let word = bits[Int(truncatingIfNeeded: offset &>> 6)]
            return ((word &>> (offset & 63)) & inside) ^ flip != 0
        }
    }

    /// Rows whose day maps to true in a table of answers starting at day `low`.
    @inline(__always)
    static func lookup(_ days: UnsafePointer<Int32>, low: Int32, _ table: UnsafePointer<Bool>, _ dense: Range<Int>?,
                       _ rows: UnsafeMutablePointer<Int>, _ count: Int) -> Int {
        run(dense, rows, count) { table[Int(days[$0] &- low)] }
    }

    /// Rows whose text code maps to true in a per-dictionary-entry table.
    @inline(__always)
    static func lookup(_ codes: UnsafePointer<UInt32>, _ table: UnsafePointer<Bool>, _ dense: Range<Int>?,
                       _ rows: UnsafeMutablePointer<Int>, _ count: Int) -> Int {
        run(dense, rows, count) { table[Int(codes[$0])] }
    }

    /// Rows whose validity bit is set (`wantValid`) or clear. Over a range it walks the bitmap a word at a
    /// time and visits only the wanted rows, which are few for `IS NULL`.
    static func validity(_ words: UnsafePointer<UInt64>, wantValid: Bool, _ dense: Range<Int>?,
                         _ rows: UnsafeMutablePointer<Int>, _ count: Int) -> Int {
        let flip = UInt64(bit(!wantValid))
        guard let dense else {
            return refine(rows, count) { r in (words[r &>> 6] &>> UInt64(r & 63)) & 1 != flip }
        }
        var n = 0
        var base = dense.lowerBound & ~63
        while base < dense.upperBound {
            var m = flip == 0 ? words[base &>> 6] : ~words[base &>> 6]
            if base < dense.lowerBound { m &= ~0 << UInt64(dense.lowerBound - base) }
            if dense.upperBound - base < 64 { m &= (1 << UInt64(dense.upperBound - base)) &- 1 }
            while m != 0 {
                rows[n] = base &+ m.trailingZeroBitCount
                n &+= 1
                m &= m &- 1
            }
            base &+= 64
        }
        return n
    }

    /// Rows where a boolean vector (one entry per range row, or per current row) is true and not NULL.
    static func whereTrue(_ v: Vector, _ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>) -> Int {
        if let dense {
            let base = dense.lowerBound
            return whereTrue(v, rows) { base &+ $0 }
        }
        return whereTrue(v, rows) { rows[$0] }
    }

    /// `out[k]` is the row standing for vector position j; writing over `rows` in place is safe since k <= j.
    @inline(__always)
    private static func whereTrue(_ v: Vector, _ out: UnsafeMutablePointer<Int>, _ row: (Int) -> Int) -> Int {
        let n = v.count
        return v.bools.withUnsafeBufferPointer { b in
            guard let validity = v.validity else {
                var k = 0
                for j in 0..<n {
                    out[k] = row(j)
                    k &+= bit(b[j])
                }
                return k
            }
            return validity.withUnsafeBufferPointer { w in
                var k = 0
                for j in 0..<n {
                    out[k] = row(j)
                    k &+= bit(b[j]) & validBit(w.baseAddress!, j)
                }
                return k
            }
        }
    }
}
