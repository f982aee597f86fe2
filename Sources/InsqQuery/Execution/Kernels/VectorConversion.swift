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
                // A range starting inside a word (a thread's share of a table): each output word is two
                // shifted source words.
                let lo = range.lowerBound >> 6, shift = UInt64(range.lowerBound & 63)
                let source = v.words
                var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
                for k in words.indices {
                    let next = lo + k + 1 < source.count ? source[lo + k + 1] &<< (64 - shift) : 0
                    words[k] = (source[lo + k] &>> shift) | next
                }
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
    /// Validity bits of the rows so far (set: valid), appended a word at a time.
    private var validWords: [UInt64] = []
    private var rows = 0
    private var hasNulls = false

    init(type: DataType) { self.type = type }

    var count: Int { rows }

    mutating func append(_ v: Vector) {
        appendValidity(v.validity, v.count)
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

    /// Appends `n` rows' validity (nil: all valid) behind the current rows, shifting whole words into place.
    private mutating func appendValidity(_ source: [UInt64]?, _ n: Int) {
        let needed = (rows + n + 63) >> 6
        if validWords.count < needed { validWords.append(contentsOf: repeatElement(0, count: needed - validWords.count)) }
        let shift = UInt64(rows & 63), base = rows >> 6
        var sawNull = false
        validWords.withUnsafeMutableBufferPointer { out in
            for k in 0..<(n + 63) >> 6 {
                let bits = min(64, n - k * 64)
                let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
                // Bits past the vector's last row may be set; they must not mark later rows valid.
                let w = (source?[k] ?? ~0) & mask
                sawNull = sawNull || w != mask
                out[base + k] |= w &<< shift
                if shift > 0 && base + k + 1 < out.count { out[base + k + 1] |= w &>> (64 - shift) }
            }
        }
        hasNulls = hasNulls || sawNull
        rows += n
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
        var v: ValidityBitmap? = nil
        if hasNulls {
            var bitmap = ValidityBitmap(count: rows)
            bitmap.words = validWords
            v = bitmap
        }
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
