import InsqStorage

/// Typed comparison loops producing boolean vectors.
enum ComparisonKernels {
    @inline(__always)
    static func compareLoop<T>(_ op: ComparisonOperator, _ x: UnsafeBufferPointer<T>, _ y: UnsafeBufferPointer<T>,
                               _ o: UnsafeMutableBufferPointer<Bool>, _ lt: (T, T) -> Bool, _ eq: (T, T) -> Bool) {
        let n = o.count
        switch op {
        case .equal: for i in 0..<n { o[i] = eq(x[i], y[i]) }
        case .notEqual: for i in 0..<n { o[i] = !eq(x[i], y[i]) }
        case .less: for i in 0..<n { o[i] = lt(x[i], y[i]) }
        case .lessEqual: for i in 0..<n { o[i] = !lt(y[i], x[i]) }
        case .greater: for i in 0..<n { o[i] = lt(y[i], x[i]) }
        case .greaterEqual: for i in 0..<n { o[i] = !lt(x[i], y[i]) }
        }
    }

    @inline(__always)
    static func compareScalarLoop<T>(_ op: ComparisonOperator, _ x: UnsafeBufferPointer<T>, _ c: T,
                                     _ o: UnsafeMutableBufferPointer<Bool>, _ lt: (T, T) -> Bool, _ eq: (T, T) -> Bool) {
        let n = o.count
        switch op {
        case .equal: for i in 0..<n { o[i] = eq(x[i], c) }
        case .notEqual: for i in 0..<n { o[i] = !eq(x[i], c) }
        case .less: for i in 0..<n { o[i] = lt(x[i], c) }
        case .lessEqual: for i in 0..<n { o[i] = !lt(c, x[i]) }
        case .greater: for i in 0..<n { o[i] = lt(c, x[i]) }
        case .greaterEqual: for i in 0..<n { o[i] = !lt(x[i], c) }
        }
    }

    static func vectors(_ op: ComparisonOperator, _ a: Vector, _ b: Vector) -> Vector {
        let n = a.count
        var out = [Bool](repeating: false, count: n)
        out.withUnsafeMutableBufferPointer { o in
            switch (a.data, b.data) {
            case let (.int64(x), .int64(y)):
                x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in
                    compareLoop(op, xp, yp, o, { $0 < $1 }, { $0 == $1 })
                } }
            case let (.double(x), .double(y)):
                x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in
                    compareLoop(op, xp, yp, o, { $0 < $1 }, { $0 == $1 })
                } }
            case let (.bool(x), .bool(y)):
                x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in
                    compareLoop(op, xp, yp, o, { !$0 && $1 }, { $0 == $1 })
                } }
            case let (.text(.coded(x, dx)), .text(.coded(y, dy))) where dx === dy && (op == .equal || op == .notEqual):
                x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in
                    compareLoop(op, xp, yp, o, { $0 < $1 }, { $0 == $1 })
                } }
            case let (.text(tx), .text(ty)):
                for i in 0..<n {
                    o[i] = TextOrder.compare(op, tx.string(at: i), ty.string(at: i))
                }
            default:
                preconditionFailure("comparison of mismatched vectors")
            }
        }
        return Vector(.bool(out), validity: Validity.and(a.validity, b.validity), count: n)
    }

    /// Compares a vector with one constant value of the same physical type.
    static func scalar(_ op: ComparisonOperator, _ a: Vector, _ c: Value, cache: DictionaryCache<[Bool]>) -> Vector {
        let n = a.count
        if c.isNull { return Vector.nulls(.boolean, count: n) }
        var out = [Bool](repeating: false, count: n)
        out.withUnsafeMutableBufferPointer { o in
            switch a.data {
            case let .int64(x):
                let k: Int64
                switch c {
                case let .bigint(v): k = v
                case let .decimal(v, _): k = v
                case let .date(d): k = Int64(d)
                default: k = 0
                }
                x.withUnsafeBufferPointer { xp in compareScalarLoop(op, xp, k, o, { $0 < $1 }, { $0 == $1 }) }
            case let .double(x):
                guard case let .double(k) = c else { return }
                x.withUnsafeBufferPointer { xp in compareScalarLoop(op, xp, k, o, { $0 < $1 }, { $0 == $1 }) }
            case let .bool(x):
                guard case let .boolean(k) = c else { return }
                x.withUnsafeBufferPointer { xp in compareScalarLoop(op, xp, k, o, { !$0 && $1 }, { $0 == $1 }) }
            case let .text(.coded(codes, dict)):
                let k = c.description
                if op == .equal || op == .notEqual {
                    // Dictionaries hold each string once, so equality is a code comparison.
                    let code = dict.code(of: k).map { Int64($0) } ?? -1
                    codes.withUnsafeBufferPointer { cp in
                        for i in 0..<n { o[i] = (Int64(cp[i]) == code) == (op == .equal) }
                    }
                } else {
                    let perCode = cache.value(for: dict) { d in d.strings.map { TextOrder.compare(op, $0, k) } }
                    perCode.withUnsafeBufferPointer { pc in
                        codes.withUnsafeBufferPointer { cp in
                            for i in 0..<n { o[i] = pc[Int(cp[i])] }
                        }
                    }
                }
            case let .text(.strings(s)):
                let k = c.description
                for i in 0..<n { o[i] = TextOrder.compare(op, s[i], k) }
            }
        }
        return Vector(.bool(out), validity: a.validity, count: n)
    }
}

/// Text ordering by UTF-8 bytes, as SQLite's BINARY collation and DuckDB do.
enum TextOrder {
    @inline(__always) static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    @inline(__always) static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    static func compare(_ op: ComparisonOperator, _ a: String, _ b: String) -> Bool {
        switch op {
        case .equal: return equal(a, b)
        case .notEqual: return !equal(a, b)
        case .less: return less(a, b)
        case .lessEqual: return !less(b, a)
        case .greater: return less(b, a)
        case .greaterEqual: return !less(a, b)
        }
    }
}

/// Remembers a value computed from a text dictionary, so per-dictionary work happens once per query.
final class DictionaryCache<T> {
    private var dictionary: TextDictionary?
    private var cached: T?

    func value(for dict: TextDictionary, _ compute: (TextDictionary) -> T) -> T {
        if let d = dictionary, d === dict, let c = cached { return c }
        let v = compute(dict)
        dictionary = dict
        cached = v
        return v
    }
}
