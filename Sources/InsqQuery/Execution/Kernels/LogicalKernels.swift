/// SQL's three-valued AND, OR and NOT, and IS NULL, over boolean vectors.
enum LogicalKernels {
    static func and(_ a: Vector, _ b: Vector) -> Vector { combine(a, b, isAnd: true) }
    static func or(_ a: Vector, _ b: Vector) -> Vector { combine(a, b, isAnd: false) }

    /// AND: false wins over NULL; OR: true wins over NULL.
    private static func combine(_ a: Vector, _ b: Vector, isAnd: Bool) -> Vector {
        let x = a.bools, y = b.bools
        let n = a.count
        var out = [Bool](repeating: false, count: n)
        if a.validity == nil && b.validity == nil {
            if isAnd { for i in 0..<n { out[i] = x[i] && y[i] } } else { for i in 0..<n { out[i] = x[i] || y[i] } }
            return Vector(.bool(out), validity: nil, count: n)
        }
        var validity = Validity.allValid(n)
        for i in 0..<n {
            let va = a.isValid(i), vb = b.isValid(i)
            if isAnd {
                let isFalse = (va && !x[i]) || (vb && !y[i])
                if isFalse { out[i] = false } else if va && vb { out[i] = true } else { Validity.clear(&validity, i) }
            } else {
                let isTrue = (va && x[i]) || (vb && y[i])
                if isTrue { out[i] = true } else if va && vb { out[i] = false } else { Validity.clear(&validity, i) }
            }
        }
        return Vector(.bool(out), validity: validity, count: n)
    }

    static func not(_ a: Vector) -> Vector {
        Vector(.bool(a.bools.map { !$0 }), validity: a.validity, count: a.count)
    }

    static func isNull(_ a: Vector, negated: Bool) -> Vector {
        var out = [Bool](repeating: negated, count: a.count)
        if a.validity != nil {
            for i in 0..<a.count { out[i] = a.isValid(i) == negated }
        }
        return Vector(.bool(out), validity: nil, count: a.count)
    }

    /// Rows where a boolean vector is true and not NULL (a filter's selection).
    static func selection(_ a: Vector) -> [Int] {
        let x = a.bools
        var rows: [Int] = []
        rows.reserveCapacity(a.count)
        if let v = a.validity {
            for i in 0..<a.count where x[i] && Validity.isSet(v, i) { rows.append(i) }
        } else {
            for i in 0..<a.count where x[i] { rows.append(i) }
        }
        return rows
    }
}
