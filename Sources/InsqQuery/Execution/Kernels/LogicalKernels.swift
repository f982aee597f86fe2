/// SQL's three-valued AND, OR and NOT, and IS NULL, over boolean vectors; branch-free loops on raw buffers.
enum LogicalKernels {
    static func and(_ a: Vector, _ b: Vector) -> Vector { combine(a, b, isAnd: true) }
    static func or(_ a: Vector, _ b: Vector) -> Vector { combine(a, b, isAnd: false) }

    /// AND: false wins over NULL; OR: true wins over NULL.
    private static func combine(_ a: Vector, _ b: Vector, isAnd: Bool) -> Vector {
        let n = a.count
        // Bools are bytes 0/1, so the bitwise operators on their UInt8 images are AND and OR without branches.
        let x = a.bools, y = b.bools
        var out = [Bool](repeating: false, count: n)
        if a.validity == nil && b.validity == nil {
            x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in out.withUnsafeMutableBufferPointer { o in
                xs.withMemoryRebound(to: UInt8.self) { xp in ys.withMemoryRebound(to: UInt8.self) { yp in
                    o.withMemoryRebound(to: UInt8.self) { op in
                        if isAnd { for i in 0..<n { op[i] = xp[i] & yp[i] } } else { for i in 0..<n { op[i] = xp[i] | yp[i] } }
                    }
                } }
            } } }
            return Vector(.bool(out), validity: nil, count: n)
        }
        let va = a.validity ?? Validity.allValid(n), vb = b.validity ?? Validity.allValid(n)
        var validity = [UInt64](repeating: 0, count: (n + 63) >> 6)
        x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in
            va.withUnsafeBufferPointer { wa in vb.withUnsafeBufferPointer { wb in
                out.withUnsafeMutableBufferPointer { o in validity.withUnsafeMutableBufferPointer { v in
                    for i in 0..<n {
                        let p = UInt64(truncatingIfNeeded: SelectionKernels.validBit(wa.baseAddress!, i))
                        let q = UInt64(truncatingIfNeeded: SelectionKernels.validBit(wb.baseAddress!, i))
                        let s = UInt64(SelectionKernels.bit(xs[i])), t = UInt64(SelectionKernels.bit(ys[i]))
                        // The deciding value (false for AND, true for OR) from either valid side settles the row.
                        let decided = isAnd ? (p & (s ^ 1)) | (q & (t ^ 1)) : (p & s) | (q & t)
                        let value = isAnd ? (decided ^ 1) & p & q : decided
                        o[i] = value != 0
                        v[i &>> 6] |= (decided | (p & q)) &<< UInt64(i & 63)
                    }
                } }
            } }
        } }
        return Vector(.bool(out), validity: validity, count: n)
    }

    static func not(_ a: Vector) -> Vector {
        Vector(.bool(a.bools.map { !$0 }), validity: a.validity, count: a.count)
    }

    static func isNull(_ a: Vector, negated: Bool) -> Vector {
        let n = a.count
        guard let words = a.validity else { return Vector(.bool([Bool](repeating: negated, count: n)), validity: nil, count: n) }
        let flip = SelectionKernels.bit(negated)
        let out = [Bool](unsafeUninitializedCapacity: n) { o, initialized in
            words.withUnsafeBufferPointer { w in
                for i in 0..<n { o.initializeElement(at: i, to: SelectionKernels.validBit(w.baseAddress!, i) ^ flip == 0) }
            }
            initialized = n
        }
        return Vector(.bool(out), validity: nil, count: n)
    }

    /// Rows where a boolean vector is true and not NULL (a filter's selection).
    static func selection(_ a: Vector) -> [Int] {
        [Int](unsafeUninitializedCapacity: a.count) { rows, initialized in
            initialized = a.count == 0 ? 0 : SelectionKernels.whereTrue(a, 0..<a.count, rows.baseAddress!)
        }
    }
}
