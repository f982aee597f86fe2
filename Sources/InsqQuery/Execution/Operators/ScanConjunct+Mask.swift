import InsqStorage

/// Several loose conjuncts (`currency = 'CNY' AND amount >= 140000`, each keeping about half the rows but
/// together almost none) cost less as byte masks over the whole morsel than as a selection vector narrowed
/// conjunct by conjunct: each mask loop reads its column straight through, and the rows are listed once.
extension ScanConjunct {
    /// Whether the conjunct has a mask loop.
    var hasMask: Bool {
        switch self {
        case .int64, .int32, .double, .codeList, .codeTable: return true
        default: return false
        }
    }

    /// Writes (`first`) or ANDs 0/1 per row of `morsel` into `mask`, NULL rows 0.
    func mask(_ table: [Column], _ morsel: Range<Int>, _ mask: UnsafeMutablePointer<UInt8>, first: Bool) {
        let start = morsel.lowerBound, n = morsel.count
        switch self {
        case let .int64(c, op, k):
            guard case let .int64(a) = table[c].data else { return }
            a.withUnsafeBufferPointer { MaskKernels.compare(op, $0.baseAddress! + start, k, n, mask, first: first) }
        case let .int32(c, op, k):
            guard case let .int32(a) = table[c].data else { return }
            a.withUnsafeBufferPointer { MaskKernels.compare(op, $0.baseAddress! + start, k, n, mask, first: first) }
        case let .double(c, op, k):
            guard case let .double(a) = table[c].data else { return }
            a.withUnsafeBufferPointer { MaskKernels.compare(op, $0.baseAddress! + start, k, n, mask, first: first) }
        case let .codeList(c, items, negated):
            guard case let .text(a, _) = table[c].data else { return }
            a.withUnsafeBufferPointer { x in
                if items.count == 1 {
                    MaskKernels.compare(negated ? .notEqual : .equal, x.baseAddress! + start, items[0], n, mask, first: first)
                } else {
                    let flip = SelectionKernels.bit(negated)
                    MaskKernels.fill(n, mask, first: first) { i in
                        let v = x[start &+ i]
                        var hit = 0
                        for item in items { hit |= SelectionKernels.bit(v == item) }
                        return hit ^ flip != 0
                    }
                }
            }
        case let .codeTable(c, truth):
            guard case let .text(a, _) = table[c].data else { return }
            a.withUnsafeBufferPointer { x in truth.withUnsafeBufferPointer { t in
                MaskKernels.fill(n, mask, first: first) { t[Int(x[start &+ $0])] } } }
        default:
            // Callers check `hasMask`; anything else would keep no row rather than a wrong one.
            for i in 0..<n { mask[i] = 0 }
            return
        }
        for c in nullableInputs {
            guard let v = table[c].validity else { continue }
            v.words.withUnsafeBufferPointer { w in
                for i in 0..<n { mask[i] &= UInt8(truncatingIfNeeded: SelectionKernels.validBit(w.baseAddress!, start &+ i)) }
            }
        }
    }
}

/// Byte-mask loops: one 0/1 byte per row of a morsel, written without branches so that they vectorize.
enum MaskKernels {
    @inline(__always)
    static func fill(_ n: Int, _ mask: UnsafeMutablePointer<UInt8>, first: Bool, _ test: (Int) -> Bool) {
        if first {
            for i in 0..<n { mask[i] = unsafeBitCast(test(i), to: UInt8.self) }
        } else {
            for i in 0..<n { mask[i] &= unsafeBitCast(test(i), to: UInt8.self) }
        }
    }

    /// The comparisons as `SelectionKernels.compare` has them (`<=` as "not greater").
    @inline(__always)
    static func compare<T: Comparable>(_ op: ComparisonOperator, _ x: UnsafePointer<T>, _ c: T, _ n: Int,
                                       _ mask: UnsafeMutablePointer<UInt8>, first: Bool) {
        switch op {
        case .equal: fill(n, mask, first: first) { x[$0] == c }
        case .notEqual: fill(n, mask, first: first) { !(x[$0] == c) }
        case .less: fill(n, mask, first: first) { x[$0] < c }
        case .lessEqual: fill(n, mask, first: first) { !(c < x[$0]) }
        case .greater: fill(n, mask, first: first) { c < x[$0] }
        case .greaterEqual: fill(n, mask, first: first) { !(x[$0] < c) }
        }
    }

    /// The rows of `morsel` whose byte is 1, into `rows`; eight zero bytes at a time are skipped.
    static func select(_ morsel: Range<Int>, _ mask: UnsafeMutablePointer<UInt8>, into rows: UnsafeMutablePointer<Int>) -> Int {
        let start = morsel.lowerBound, n = morsel.count
        var k = 0, i = 0
        while i &+ 8 <= n {
            if UnsafeRawPointer(mask + i).loadUnaligned(as: UInt64.self) != 0 {
                for j in i..<i &+ 8 {
                    rows[k] = start &+ j
                    k &+= Int(mask[j])
                }
            }
            i &+= 8
        }
        while i < n {
            rows[k] = start &+ i
            k &+= Int(mask[i])
            i &+= 1
        }
        return k
    }
}
