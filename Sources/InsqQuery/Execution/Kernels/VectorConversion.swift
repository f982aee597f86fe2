import InsqStorage

/// Moves data between storage columns and execution vectors.
enum VectorConversion {
    /// The rows `range` of a column as a vector (dates widen to Int64).
    static func vector(from column: Column, range: Range<Int>) -> Vector {
        let n = range.count
        var validity: [UInt64]? = nil
        if let v = column.validity {
            if range.lowerBound & 63 == 0 {
                let lo = range.lowerBound >> 6
                let hi = min(v.words.count, (range.upperBound + 63) >> 6)
                validity = Array(v.words[lo..<hi])
            } else {
                var words = Validity.allValid(n)
                for i in 0..<n where !v.isValid(range.lowerBound + i) { Validity.clear(&words, i) }
                validity = words
            }
        }
        let data: VectorData
        switch column.data {
        case let .int64(a): data = .int64(Array(a[range]))
        case let .int32(a):
            var out = [Int64](repeating: 0, count: n)
            a.withUnsafeBufferPointer { p in
                for i in 0..<n { out[i] = Int64(p[range.lowerBound + i]) }
            }
            data = .int64(out)
        case let .double(a): data = .double(Array(a[range]))
        case let .bool(a): data = .bool(Array(a[range]))
        case let .text(codes, dict): data = .text(.coded(Array(codes[range]), dict))
        }
        return Vector(data, validity: validity, count: n)
    }
}

/// Accumulates vectors of one type into a storage column (results, materialized inputs).
struct ColumnAccumulator {
    let type: DataType
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [UInt32] = []
    private var strings: [String] = []
    private var dictionary: TextDictionary?
    private var isPlainText = false
    private var validity = ValidityBitmap(count: 0)
    private var hasNulls = false

    init(type: DataType) { self.type = type }

    var count: Int { validity.count }

    mutating func append(_ v: Vector) {
        let start = validity.count
        for i in 0..<v.count {
            let ok = v.isValid(i)
            validity.append(ok)
            if !ok { hasNulls = true }
        }
        _ = start
        switch v.data {
        case let .int64(a): ints.append(contentsOf: a)
        case let .double(a): doubles.append(contentsOf: a)
        case let .bool(a): bools.append(contentsOf: a)
        case let .text(.coded(c, d)):
            if !isPlainText, dictionary == nil || dictionary === d {
                dictionary = d
                codes.append(contentsOf: c)
            } else {
                switchToPlainText()
                let s = d.strings
                strings.append(contentsOf: c.map { s[Int($0)] })
            }
        case let .text(.strings(s)):
            switchToPlainText()
            strings.append(contentsOf: s)
        }
    }

    private mutating func switchToPlainText() {
        if isPlainText { return }
        isPlainText = true
        if let d = dictionary {
            let s = d.strings
            strings = codes.map { s[Int($0)] }
            codes = []
            dictionary = nil
        }
    }

    func build() -> Column {
        let v: ValidityBitmap? = hasNulls ? validity : nil
        switch type {
        case .bigint, .decimal, .null:
            return Column(type: type, data: .int64(ints), validity: v)
        case .date:
            return Column(type: type, data: .int32(ints.map { Int32(truncatingIfNeeded: $0) }), validity: v)
        case .double:
            return Column(type: type, data: .double(doubles), validity: v)
        case .boolean:
            return Column(type: type, data: .bool(bools), validity: v)
        case .text:
            if !isPlainText, let d = dictionary {
                return Column(type: type, data: .text(codes, d), validity: v)
            }
            var builder = TextDictionaryBuilder()
            if strings.isEmpty { _ = builder.intern("") }
            let c = strings.map { builder.intern($0) }
            return Column(type: type, data: .text(c, builder.build()), validity: v)
        }
    }
}
