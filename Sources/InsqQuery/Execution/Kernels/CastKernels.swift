import InsqStorage

/// Conversions between types; a value that cannot convert is an error naming it.
enum CastKernels {
    static func cast(_ a: Vector, from: DataType, to: DataType, parseCache: DictionaryCache<[Value?]>) throws -> Vector {
        if from == to { return a }
        let n = a.count
        switch (from, to) {
        case (_, .text):
            if case .text = a.data { return a }
            var out = [String](repeating: "", count: n)
            for i in 0..<n where a.isValid(i) { out[i] = a.value(at: i, type: from).description }
            return Vector(.text(.strings(out)), validity: a.validity, count: n)
        case (.text, _):
            return try fromText(a, to: to, parseCache: parseCache)
        case (.bigint, .double):
            return Vector(.double(a.int64s.map { Double($0) }), validity: a.validity, count: n)
        case let (.decimal(_, s), .double):
            let p = Double(DecimalText.power(s) ?? 1)
            return Vector(.double(a.int64s.map { Double($0) / p }), validity: a.validity, count: n)
        case let (.bigint, .decimal(p, s)):
            return try rescale(a, fromScale: 0, toScale: s, precision: p)
        case let (.decimal(_, s1), .decimal(p, s2)):
            return try rescale(a, fromScale: s1, toScale: s2, precision: p)
        case let (.decimal(_, s), .bigint):
            return try rescale(a, fromScale: s, toScale: 0, precision: 19)
        case (.double, .bigint):
            let x = a.doubles
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n where a.isValid(i) {
                guard let v = roundToInt64(x[i]) else { throw ExecutionError("cannot cast \(Value.formatDouble(x[i])) to BIGINT: out of range") }
                out[i] = v
            }
            return Vector(.int64(out), validity: a.validity, count: n)
        case let (.double, .decimal(p, s)):
            let x = a.doubles
            let scale = Double(DecimalText.power(s) ?? 1)
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n where a.isValid(i) {
                guard let v = roundToInt64(x[i] * scale), fits(v, precision: p) else {
                    throw ExecutionError("cannot cast \(Value.formatDouble(x[i])) to \(to): out of range")
                }
                out[i] = v
            }
            return Vector(.int64(out), validity: a.validity, count: n)
        case (.boolean, .bigint):
            return Vector(.int64(a.bools.map { $0 ? 1 : 0 }), validity: a.validity, count: n)
        case (.boolean, .double):
            return Vector(.double(a.bools.map { $0 ? 1 : 0 }), validity: a.validity, count: n)
        case (.bigint, .boolean):
            return Vector(.bool(a.int64s.map { $0 != 0 }), validity: a.validity, count: n)
        case (.double, .boolean):
            return Vector(.bool(a.doubles.map { $0 != 0 }), validity: a.validity, count: n)
        case (.null, _):
            return Vector.nulls(to, count: n)
        default:
            throw ExecutionError("cannot cast \(from) to \(to)")
        }
    }

    /// Whether a cast is allowed at all (checked when binding).
    static func isAllowed(from: DataType, to: DataType) -> Bool {
        if from == to || from == .null || to == .text || from == .text { return true }
        switch (from, to) {
        case (.bigint, .double), (.bigint, .decimal), (.decimal, .double), (.decimal, .decimal), (.decimal, .bigint),
             (.double, .bigint), (.double, .decimal), (.boolean, .bigint), (.boolean, .double),
             (.bigint, .boolean), (.double, .boolean):
            return true
        default:
            return false
        }
    }

    /// Rounds half away from zero; nil when out of Int64's range.
    static func roundToInt64(_ x: Double) -> Int64? {
        let r = x.rounded(.toNearestOrAwayFromZero)
        guard r.isFinite, r >= -9.223372036854775808e18, r < 9.223372036854775808e18 else { return nil }
        return Int64(r)
    }

    static func fits(_ v: Int64, precision: Int) -> Bool {
        guard let limit = DecimalText.power(precision) else { return true }
        return v.magnitude < UInt64(limit)
    }

    /// Changes a scaled integer's scale, rounding half away from zero when scaling down.
    static func rescale(_ a: Vector, fromScale: Int, toScale: Int, precision: Int) throws -> Vector {
        let x = a.int64s
        let n = a.count
        var out = [Int64](repeating: 0, count: n)
        if toScale >= fromScale {
            guard let f = DecimalText.power(toScale - fromScale) else { throw ExecutionError("decimal scale out of range") }
            for i in 0..<n where a.isValid(i) {
                let (v, o) = x[i].multipliedReportingOverflow(by: f)
                if o || !fits(v, precision: precision) {
                    throw ExecutionError("value \(DecimalText.format(x[i], scale: fromScale)) does not fit in DECIMAL(\(precision),\(toScale))")
                }
                out[i] = v
            }
        } else {
            guard let f = DecimalText.power(fromScale - toScale) else { throw ExecutionError("decimal scale out of range") }
            let half = f / 2
            for i in 0..<n {
                let q = x[i] / f, r = x[i] % f
                out[i] = r >= half ? q + 1 : (r <= -half ? q - 1 : q)
            }
            if precision < 19 {
                for i in 0..<n where a.isValid(i) && !fits(out[i], precision: precision) {
                    throw ExecutionError("value \(DecimalText.format(x[i], scale: fromScale)) does not fit in DECIMAL(\(precision),\(toScale))")
                }
            }
        }
        return Vector(.int64(out), validity: a.validity, count: n)
    }

    /// Parses one text as a value of `type`, or nil.
    static func parse(_ s: String, as type: DataType) -> Value? {
        let t = s.trimmingSpaces
        switch type {
        case .bigint:
            if let v = Int64(t) { return .bigint(v) }
            return nil
        case .double:
            if let v = Double(t) { return .double(v) }
            return nil
        case let .decimal(p, sc):
            if let v = DecimalText.parse(t, scale: sc), fits(v, precision: p) { return .decimal(v, scale: sc) }
            return nil
        case .date:
            return DateDays.parse(t).map { .date($0) }
        case .boolean:
            switch t.lowercased() {
            case "true", "t", "1", "yes": return .boolean(true)
            case "false", "f", "0", "no": return .boolean(false)
            default: return nil
            }
        case .text: return .text(s)
        case .null: return .null
        }
    }

    private static func fromText(_ a: Vector, to: DataType, parseCache: DictionaryCache<[Value?]>) throws -> Vector {
        let n = a.count
        var values = [Value](repeating: .null, count: n)
        let text = a.text
        var perCode: [Value?] = []
        var codes: [UInt32] = []
        if case let .coded(c, d) = text {
            perCode = parseCache.value(for: d) { d in d.strings.map { parse($0, as: to) } }
            codes = c
        }
        for i in 0..<n where a.isValid(i) {
            let v = codes.isEmpty ? parse(text.string(at: i), as: to) : perCode[Int(codes[i])]
            guard let v else { throw ExecutionError("cannot cast '\(text.string(at: i))' to \(to)") }
            values[i] = v
        }
        var b = ColumnBuilder(type: to, capacity: n)
        for v in values { b.append(v) }
        return VectorConversion.vector(from: b.build(), range: 0..<n)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
