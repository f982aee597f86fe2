import InsqStorage

/// Compiles calls of scalar functions (dates, text, numbers, coalesce).
struct FunctionCompiler {
    let compiler: ExpressionCompiler

    func compile(_ f: ScalarFunction, _ args: [BoundExpression], _ t: DataType) -> CompiledExpression {
        let compiled = args.map { compiler.compile($0) }
        switch f {
        case .year, .month, .day:
            let fa = compiled[0]
            return { batch in
                let a = try fa(batch)
                let days = a.int64s
                var out = [Int64](repeating: 0, count: a.count)
                // A batch holds few distinct dates (periods, due dates): a small direct-mapped cache saves most
                // calendar conversions. Slot s starts with key s + 1, which no day mapping to s can equal.
                var keys = (0..<256).map { Int64($0 + 1) }, parts = [Int64](repeating: 0, count: 256)
                for i in 0..<a.count {
                    let day = days[i], slot = Int(day & 255)
                    if keys[slot] != day {
                        let c = DateDays.civil(Int(day))
                        keys[slot] = day
                        parts[slot] = Int64(f == .year ? c.year : (f == .month ? c.month : c.day))
                    }
                    out[i] = parts[slot]
                }
                return Vector(.int64(out), validity: a.validity, count: a.count)
            }
        case .lower, .upper:
            let fa = compiled[0]
            let cache = DictionaryCache<(TextDictionary, [UInt32])>()
            return { batch in
                TextKernels.mapText(try fa(batch), cache: cache) { f == .lower ? $0.lowercased() : $0.uppercased() }
            }
        case .length:
            let fa = compiled[0]
            let cache = DictionaryCache<[Int64]>()
            return { batch in TextKernels.mapToInt(try fa(batch), cache: cache) { Int64($0.unicodeScalars.count) } }
        case .substr:
            return compileSubstr(args, compiled)
        case .coalesce:
            return { batch in
                let vectors = try compiled.map { try $0(batch) }
                var choice = [Int](repeating: vectors.count - 1, count: batch.count)
                for i in 0..<batch.count {
                    for (k, v) in vectors.enumerated() where v.isValid(i) {
                        choice[i] = k
                        break
                    }
                }
                return Pick.rows(vectors, choice: choice, type: t)
            }
        case .abs:
            let fa = compiled[0]
            return { batch in
                let a = try fa(batch)
                switch a.data {
                case let .int64(x):
                    for i in 0..<a.count where x[i] == Int64.min && a.isValid(i) {
                        throw ExecutionError("integer overflow: abs(\(x[i])) does not fit in 64 bits")
                    }
                    return Vector(.int64(x.map { $0 == Int64.min ? 0 : Swift.abs($0) }), validity: a.validity, count: a.count)
                case let .double(x):
                    return Vector(.double(x.map { Swift.abs($0) }), validity: a.validity, count: a.count)
                default:
                    preconditionFailure("abs of non-numeric vector")
                }
            }
        case .round:
            return compileRound(args, compiled, t)
        case .dateTrunc:
            var unit = "day"
            if case let .constant(.text(u), _) = args[0] { unit = u }
            let fd = compiled[1]
            return { batch in
                let a = try fd(batch)
                let days = a.int64s
                var out = days
                if unit != "day" {
                    for i in 0..<a.count {
                        let c = DateDays.civil(Int(days[i]))
                        out[i] = Int64(DateDays.days(year: c.year, month: unit == "month" ? c.month : 1, day: 1))
                    }
                }
                return Vector(.int64(out), validity: a.validity, count: a.count)
            }
        case .age:
            let fb = compiled[0], fa = compiled[1]
            return { batch in
                let b = try fb(batch), a = try fa(batch)
                let births = b.int64s, ats = a.int64s
                var out = [Int64](repeating: 0, count: batch.count)
                for i in 0..<batch.count {
                    let x = DateDays.civil(Int(births[i])), y = DateDays.civil(Int(ats[i]))
                    var years = y.year - x.year
                    if (y.month, y.day) < (x.month, x.day) { years -= 1 }
                    out[i] = Int64(years)
                }
                return Vector(.int64(out), validity: Validity.and(b.validity, a.validity), count: batch.count)
            }
        }
    }

    private func compileSubstr(_ args: [BoundExpression], _ compiled: [CompiledExpression]) -> CompiledExpression {
        // Constant start and length (the usual case) work once per dictionary entry.
        if args.dropFirst().allSatisfy(\.isConstant) {
            let consts = args.dropFirst().map { e -> Int64? in
                if case let .constant(.bigint(v), _) = e { return v }
                return nil
            }
            let isNullArgument = args.dropFirst().contains { if case .constant(.null, _) = $0 { return true } else { return false } }
            let start = consts.first.flatMap { $0 } ?? 1
            let length = consts.count > 1 ? consts[1] : nil
            let fa = compiled[0]
            let cache = DictionaryCache<(TextDictionary, [UInt32])>()
            return { batch in
                if isNullArgument { return Vector.nulls(.text, count: batch.count) }
                return TextKernels.mapText(try fa(batch), cache: cache) {
                    TextKernels.substring($0, start: start, length: length)
                }
            }
        }
        return { batch in
            let vectors = try compiled.map { try $0(batch) }
            let text = vectors[0].text
            let n = batch.count
            var validity = Validity.allValid(n)
            var anyNull = false
            var out = [String](repeating: "", count: n)
            for i in 0..<n {
                if vectors.contains(where: { !$0.isValid(i) }) {
                    Validity.clear(&validity, i)
                    anyNull = true
                    continue
                }
                let start = vectors[1].int64s[i]
                let length = vectors.count > 2 ? vectors[2].int64s[i] : nil
                out[i] = TextKernels.substring(text.string(at: i), start: start, length: length)
            }
            return Vector(.text(.strings(out)), validity: anyNull ? validity : nil, count: n)
        }
    }

    /// round(x [, digits]): half away from zero; decimals change scale, doubles stay doubles.
    private func compileRound(_ args: [BoundExpression], _ compiled: [CompiledExpression], _ t: DataType) -> CompiledExpression {
        let fa = compiled[0]
        var digits: Int64 = 0
        if args.count > 1, case let .constant(.bigint(d), _) = args[1] { digits = d }
        let inputType = args[0].type
        return { batch in
            let a = try fa(batch)
            switch inputType {
            case .double:
                let d = max(-300, min(300, digits))
                let p = Self.pow10(Int(d))
                return Vector(.double(a.doubles.map { x in
                    let r = (x * p).rounded(.toNearestOrAwayFromZero) / p
                    return r.isFinite ? r : x
                }), validity: a.validity, count: a.count)
            case let .decimal(_, s):
                let target = max(0, min(Int(digits), s))
                let down = try CastKernels.rescale(a, fromScale: s, toScale: target, precision: 19)
                if case let .decimal(_, ts) = t, ts == target { return down }
                return try CastKernels.rescale(down, fromScale: target, toScale: t.scale, precision: 19)
            default:
                if digits >= 0 { return a }
                guard let p = DecimalText.power(Int(-digits)) else { return Vector(.int64([Int64](repeating: 0, count: a.count)), validity: a.validity, count: a.count) }
                let half = p / 2
                return Vector(.int64(a.int64s.map { x in
                    let q = x / p, r = x % p
                    let adj = r >= half ? q + 1 : (r <= -half ? q - 1 : q)
                    return adj.multipliedReportingOverflow(by: p).partialValue
                }), validity: a.validity, count: a.count)
            }
        }
    }

    private static func pow10(_ d: Int) -> Double {
        var p = 1.0
        if d >= 0 { for _ in 0..<d { p *= 10 } } else { for _ in 0..<(-d) { p /= 10 } }
        return p
    }
}
