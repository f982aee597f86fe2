import InsqStorage

/// Concatenates the chunk columns of one table column in file order.
struct CSVColumnAccumulator {
    /// The type values are held as (the declared type's reading for declared columns).
    var type: CSVInferredType
    let declared: DataType?
    var values: CSVValues = .empty
    var words: [UInt64] = []
    var count = 0
    var dictionary = CSVByteDictionary()
    /// Values seen before a widening that cannot be done in memory (to TEXT, or big integers to DOUBLE):
    /// the column must be read again from the file with its final type.
    private(set) var needsReread = false

    init(declared: DataType?) {
        self.declared = declared
        type = .empty
        if let declared { values = Self.emptyValues(declared) }
    }

    private static func emptyValues(_ type: DataType) -> CSVValues {
        switch type {
        case .bigint, .decimal: return .int64([])
        case .double: return .double([])
        case .date: return .int32([])
        case .boolean: return .bool([])
        case .text, .null: return .text([], CSVByteDictionary())
        }
    }

    var dataType: DataType { declared ?? type.dataType }

    /// Converts what is held to `wider` (a join of the current type).
    mutating func widen(to wider: CSVInferredType) {
        defer { type = wider }
        guard wider.kind != type.kind, !needsReread else { return }
        switch (type.kind, wider.kind, values) {
        case (.empty, _, _):
            return
        case let (.bigint, .decimal(s), .int64(v)):
            let factor = DecimalText.powersOfTen[s]
            values = .int64(v.map { $0 &* factor })
        case let (.bigint, .double, .int64(v)), let (.decimal, .double, .int64(v)):
            let limit: Int64 = 1 << 53
            if v.allSatisfy({ $0 > -limit && $0 < limit }) {
                let divisor = Double(DecimalText.powersOfTen[type.scaleForConversion])
                values = .double(v.map { Double($0) / divisor })
            } else {
                markReread()
            }
        default:
            markReread()
        }
    }

    /// Reserves room for about `rows` rows in total (an estimate from the bytes read so far).
    mutating func reserve(rows: Int) {
        guard rows > count else { return }
        words.reserveCapacity((rows + 63) >> 6)
        switch take() {
        case .empty: break
        case var .int64(a): a.reserveCapacity(rows); values = .int64(a)
        case var .int32(a): a.reserveCapacity(rows); values = .int32(a)
        case var .double(a): a.reserveCapacity(rows); values = .double(a)
        case var .bool(a): a.reserveCapacity(rows); values = .bool(a)
        case .text(var a, let d): a.reserveCapacity(rows); values = .text(a, d)
        }
    }

    private mutating func markReread() {
        needsReread = true
        values = .empty
        dictionary = CSVByteDictionary()
    }

    /// Appends a chunk column read as this accumulator's type (or all NULL).
    mutating func append(_ column: CSVChunkColumn) {
        appendBits(column.validity, column.count)
        defer { count += column.count }
        if needsReread { return }
        let n = column.count
        if case .empty = column.values {
            appendZeros(n)
            return
        }
        if case .empty = values {
            if count > 0 {
                values = zeros(like: column.values, count)
            } else {
                values = emptyLike(column.values)
            }
        }
        // Take the array out of the enum before appending, so that it is uniquely referenced (no copy).
        switch column.values {
        case let .int64(b):
            guard case var .int64(a) = take() else { return mismatch() }
            a.append(contentsOf: b)
            values = .int64(a)
        case let .int32(b):
            guard case var .int32(a) = take() else { return mismatch() }
            a.append(contentsOf: b)
            values = .int32(a)
        case let .double(b):
            guard case var .double(a) = take() else { return mismatch() }
            a.append(contentsOf: b)
            values = .double(a)
        case let .bool(b):
            guard case var .bool(a) = take() else { return mismatch() }
            a.append(contentsOf: b)
            values = .bool(a)
        case let .text(b, chunkDictionary):
            guard case .text(var a, let d) = take() else { return mismatch() }
            let map = dictionary.merge(chunkDictionary)
            let start = a.count
            a.append(contentsOf: b)
            map.withUnsafeBufferPointer { m in
                a.withUnsafeMutableBufferPointer { codes in
                    for i in start..<codes.count { codes[i] = m.isEmpty ? 0 : m[Int(codes[i])] }
                }
            }
            values = .text(a, d)
        case .empty:
            break
        }
    }

    /// The held values, leaving `.empty` behind.
    mutating func take() -> CSVValues {
        var held = CSVValues.empty
        swap(&held, &values)
        return held
    }

    mutating func mismatch() {
        assertionFailure("chunk column of another type than the accumulator")
        markReread()
    }

    private func emptyLike(_ values: CSVValues) -> CSVValues { zeros(like: values, 0) }

    func zeros(like values: CSVValues, _ n: Int) -> CSVValues {
        switch values {
        case .empty: return .empty
        case .int64: return .int64([Int64](repeating: 0, count: n))
        case .int32: return .int32([Int32](repeating: 0, count: n))
        case .double: return .double([Double](repeating: 0, count: n))
        case .bool: return .bool([Bool](repeating: false, count: n))
        case .text: return .text([UInt32](repeating: 0, count: n), CSVByteDictionary())
        }
    }

    mutating func appendZeros(_ n: Int) {
        switch take() {
        case .empty: break
        case var .int64(a): a.append(contentsOf: repeatElement(0, count: n)); values = .int64(a)
        case var .int32(a): a.append(contentsOf: repeatElement(0, count: n)); values = .int32(a)
        case var .double(a): a.append(contentsOf: repeatElement(0, count: n)); values = .double(a)
        case var .bool(a): a.append(contentsOf: repeatElement(false, count: n)); values = .bool(a)
        case .text(var a, let d): a.append(contentsOf: repeatElement(0, count: n)); values = .text(a, d)
        }
    }

    private mutating func appendBits(_ bits: [UInt64], _ n: Int) {
        bits.withUnsafeBufferPointer { appendBits($0, n) }
    }

    /// Appends `n` validity bits; bits of `bits` past `n` are zero (chunk bitmaps never set them).
    mutating func appendBits(_ bits: UnsafeBufferPointer<UInt64>, _ n: Int) {
        let shift = count & 63
        let neededWords = (count + n + 63) >> 6
        let chunkWords = min(bits.count, (n + 63) >> 6)
        if shift == 0 {
            words.append(contentsOf: UnsafeBufferPointer(rebasing: bits[..<min(chunkWords, neededWords - words.count)]))
        } else {
            for k in 0..<chunkWords {
                let w = bits[k]
                words[words.count - 1] |= w << UInt64(shift)
                if words.count < neededWords { words.append(w >> UInt64(64 - shift)) }
            }
        }
        while words.count < neededWords { words.append(0) }
    }

    func build() -> Column {
        var validity = ValidityBitmap(count: count)
        validity.words = words
        let type = dataType
        let data: ColumnData
        switch values {
        case let .int64(a): data = .int64(a)
        case let .int32(a): data = .int32(a)
        case let .double(a): data = .double(a)
        case let .bool(a): data = .bool(a)
        case let .text(codes, _): data = .text(codes, TextDictionary(dictionary.strings()))
        case .empty:
            switch type {
            case .bigint, .decimal: data = .int64([Int64](repeating: 0, count: count))
            case .double: data = .double([Double](repeating: 0, count: count))
            case .date: data = .int32([Int32](repeating: 0, count: count))
            case .boolean: data = .bool([Bool](repeating: false, count: count))
            case .text, .null: data = .text([UInt32](repeating: 0, count: count), TextDictionary([]))
            }
        }
        return Column(type: type, data: data, validity: validity)
    }
}

extension CSVInferredType {
    /// Scale of the held Int64 values (0 for BIGINT).
    var scaleForConversion: Int {
        if case let .decimal(s) = kind { return s }
        return 0
    }
}
