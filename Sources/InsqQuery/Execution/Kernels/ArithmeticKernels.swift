/// Typed loops for arithmetic over whole vectors.
enum ArithmeticKernels {
    /// Int64 add, subtract or multiply with overflow checked only on rows that are valid.
    static func int64(_ op: ArithmeticOperator, _ a: Vector, _ b: Vector) throws -> Vector {
        let x = a.int64s, y = b.int64s
        let n = a.count
        let validity = Validity.and(a.validity, b.validity)
        var overflowAny = false
        var out = [Int64](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { o in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeBufferPointer { yp in
                    var flag = false
                    switch op {
                    case .add:
                        for i in 0..<n {
                            let (r, ov) = xp[i].addingReportingOverflow(yp[i])
                            o[i] = r
                            flag = flag || ov
                        }
                    case .subtract:
                        for i in 0..<n {
                            let (r, ov) = xp[i].subtractingReportingOverflow(yp[i])
                            o[i] = r
                            flag = flag || ov
                        }
                    case .multiply:
                        for i in 0..<n {
                            let (r, ov) = xp[i].multipliedReportingOverflow(by: yp[i])
                            o[i] = r
                            flag = flag || ov
                        }
                    case .divide, .modulo:
                        break
                    }
                    overflowAny = flag
                }
            }
        }
        if overflowAny {
            // Recheck row by row: an overflow on a NULL row does not count.
            for i in 0..<n where validity.map({ Validity.isSet($0, i) }) ?? true {
                let ov: Bool
                switch op {
                case .add: ov = x[i].addingReportingOverflow(y[i]).overflow
                case .subtract: ov = x[i].subtractingReportingOverflow(y[i]).overflow
                default: ov = x[i].multipliedReportingOverflow(by: y[i]).overflow
                }
                if ov { throw ExecutionError("integer overflow: \(x[i]) \(symbol(op)) \(y[i]) does not fit in 64 bits") }
            }
        }
        return Vector(.int64(out), validity: validity, count: n)
    }

    /// Int64 remainder; a zero divisor gives NULL.
    static func int64Modulo(_ a: Vector, _ b: Vector) -> Vector {
        let x = a.int64s, y = b.int64s
        let n = a.count
        var validity = Validity.and(a.validity, b.validity) ?? Validity.allValid(n)
        var out = [Int64](repeating: 0, count: n)
        var sawZero = false
        for i in 0..<n {
            if y[i] == 0 {
                sawZero = true
                Validity.clear(&validity, i)
            } else {
                out[i] = x[i].remainderReportingOverflow(dividingBy: y[i]).partialValue
            }
        }
        _ = sawZero
        return Vector(.int64(out), validity: validity, count: n)
    }

    /// Double arithmetic; division or remainder by zero gives NULL.
    static func double(_ op: ArithmeticOperator, _ a: Vector, _ b: Vector) -> Vector {
        let x = a.doubles, y = b.doubles
        let n = a.count
        var validity = Validity.and(a.validity, b.validity)
        var out = [Double](repeating: 0, count: n)
        switch op {
        case .add: for i in 0..<n { out[i] = x[i] + y[i] }
        case .subtract: for i in 0..<n { out[i] = x[i] - y[i] }
        case .multiply: for i in 0..<n { out[i] = x[i] * y[i] }
        case .divide, .modulo:
            var words = validity ?? Validity.allValid(n)
            for i in 0..<n {
                if y[i] == 0 {
                    Validity.clear(&words, i)
                } else {
                    out[i] = op == .divide ? x[i] / y[i] : x[i].truncatingRemainder(dividingBy: y[i])
                }
            }
            validity = words
        }
        return Vector(.double(out), validity: validity, count: n)
    }

    /// Negation of Int64 (checked) or Double values.
    static func negate(_ a: Vector) throws -> Vector {
        switch a.data {
        case let .int64(x):
            var out = [Int64](repeating: 0, count: a.count)
            for i in 0..<a.count {
                if x[i] == Int64.min && a.isValid(i) { throw ExecutionError("integer overflow: -(\(x[i])) does not fit in 64 bits") }
                out[i] = 0 &- x[i]
            }
            return Vector(.int64(out), validity: a.validity, count: a.count)
        case let .double(x):
            return Vector(.double(x.map { -$0 }), validity: a.validity, count: a.count)
        default:
            preconditionFailure("negate of non-numeric vector")
        }
    }

    static func symbol(_ op: ArithmeticOperator) -> String {
        switch op {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .modulo: return "%"
        }
    }
}
