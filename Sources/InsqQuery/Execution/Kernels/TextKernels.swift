import InsqStorage

/// Text functions applied once per dictionary entry for coded vectors, per row otherwise.
enum TextKernels {
    /// A string-to-string function; coded input stays coded through a cached, deduplicated dictionary.
    static func mapText(_ a: Vector, cache: DictionaryCache<(TextDictionary, [UInt32])>,
                        _ f: (String) -> String) -> Vector {
        switch a.text {
        case let .coded(codes, dict):
            let (newDict, remap) = cache.value(for: dict) { d in
                var builder = TextDictionaryBuilder()
                let remap = d.strings.map { builder.intern(f($0)) }
                return (builder.build(), remap)
            }
            return Vector(.text(.coded(codes.map { remap[Int($0)] }, newDict)), validity: a.validity, count: a.count)
        case let .strings(s):
            return Vector(.text(.strings(s.map(f))), validity: a.validity, count: a.count)
        }
    }

    /// A string-to-Int64 function (length), cached per dictionary.
    static func mapToInt(_ a: Vector, cache: DictionaryCache<[Int64]>, _ f: (String) -> Int64) -> Vector {
        switch a.text {
        case let .coded(codes, dict):
            let perCode = cache.value(for: dict) { d in d.strings.map(f) }
            return Vector(.int64(codes.map { perCode[Int($0)] }), validity: a.validity, count: a.count)
        case let .strings(s):
            return Vector(.int64(s.map(f)), validity: a.validity, count: a.count)
        }
    }

    /// LIKE, evaluated once per dictionary entry for coded text.
    static func like(_ a: Vector, _ pattern: LikePattern, negated: Bool, cache: DictionaryCache<[Bool]>) -> Vector {
        let out: [Bool]
        switch a.text {
        case let .coded(codes, dict):
            let perCode = cache.value(for: dict) { d in d.strings.map { pattern.matches($0) } }
            out = codes.map { perCode[Int($0)] != negated }
        case let .strings(s):
            out = s.map { pattern.matches($0) != negated }
        }
        return Vector(.bool(out), validity: a.validity, count: a.count)
    }

    static func concat(_ a: Vector, _ b: Vector) -> Vector {
        let n = a.count
        let x = a.text, y = b.text
        var out = [String](repeating: "", count: n)
        for i in 0..<n { out[i] = x.string(at: i) + y.string(at: i) }
        return Vector(.text(.strings(out)), validity: Validity.and(a.validity, b.validity), count: n)
    }

    /// SQL substr with a 1-based start; a negative start counts from the end and a negative length
    /// reaches backwards, as in SQLite and DuckDB.
    static func substring(_ s: String, start: Int64, length: Int64?) -> String {
        let scalars = Array(s.unicodeScalars)
        let count = Int64(scalars.count)
        var from = start < 0 ? count &+ start &+ 1 : start
        var to = Int64.max
        if let length {
            if length < 0 {
                // A negative length takes the characters before the start, as SQLite and DuckDB do.
                to = from
                let (difference, overflow) = from.addingReportingOverflow(length)
                from = overflow ? Int64.min : difference
            } else {
                let (sum, overflow) = from.addingReportingOverflow(length)
                to = overflow ? Int64.max : sum
            }
        }
        let lo = max(from, 1)
        let hi = min(to, count + 1)
        if lo >= hi { return "" }
        var result = String.UnicodeScalarView()
        for i in Int(lo - 1)..<Int(hi - 1) { result.append(scalars[i]) }
        return String(result)
    }
}
