import InsqStorage

/// Accumulates vectors of one type into a storage column (results, materialized inputs).
///
/// The vectors are kept as they come and concatenated once, into arrays allocated at their final size: growing
/// one array batch by batch copies it again at every doubling and faults in fresh pages each time, which on
/// inputs of millions of rows cost more than the operators reading them.
struct ColumnAccumulator {
    let type: DataType
    private var chunks: [Vector] = []
    private var rows = 0

    init(type: DataType) { self.type = type }

    var count: Int { rows }

    mutating func append(_ v: Vector) {
        guard v.count > 0 else { return }
        chunks.append(v)
        rows += v.count
    }

    func build() -> Column {
        let validity = buildValidity()
        switch type {
        case .bigint, .decimal, .null:
            return Column(type: type, data: .int64(concatenate { $0.int64s }), validity: validity)
        case .date:
            let days: [Int32] = concatenate(converting: { $0.int64s }) { Int32(truncatingIfNeeded: $0) }
            return Column(type: type, data: .int32(days), validity: validity)
        case .double:
            return Column(type: type, data: .double(concatenate { $0.doubles }), validity: validity)
        case .boolean:
            return Column(type: type, data: .bool(concatenate { $0.bools }), validity: validity)
        case .text:
            return Column(type: type, data: buildText(), validity: validity)
        }
    }

    /// The chunks' arrays end to end.
    private func concatenate<T>(_ array: (Vector) -> [T]) -> [T] {
        concatenate(converting: array) { $0 }
    }

    private func concatenate<T, U>(converting array: (Vector) -> [T], _ convert: (T) -> U) -> [U] {
        [U](unsafeUninitializedCapacity: rows) { out, initialized in
            var at = 0
            for chunk in chunks {
                array(chunk).withUnsafeBufferPointer { src in
                    for i in 0..<chunk.count { out.initializeElement(at: at + i, to: convert(src[i])) }
                }
                at += chunk.count
            }
            initialized = rows
        }
    }

    /// Codes into the one dictionary every chunk shares, or else the strings interned into a new one.
    private func buildText() -> ColumnData {
        var shared: TextDictionary? = nil
        var isShared = true
        for chunk in chunks {
            guard case let .coded(_, d) = chunk.text, shared == nil || shared === d else { isShared = false; break }
            shared = d
        }
        if isShared, let shared {
            let codes: [UInt32] = concatenate {
                guard case let .coded(c, _) = $0.text else { return [] }
                return c
            }
            return .text(codes, shared)
        }
        var builder = TextDictionaryBuilder()
        if rows == 0 { _ = builder.intern("") }
        var codes: [UInt32] = []
        codes.reserveCapacity(rows)
        for chunk in chunks {
            switch chunk.text {
            case let .coded(c, d):
                // Intern each distinct code of the chunk once.
                var mapped = [UInt32?](repeating: nil, count: d.count)
                let strings = d.strings
                for code in c {
                    if let m = mapped[Int(code)] { codes.append(m); continue }
                    let m = builder.intern(strings[Int(code)])
                    mapped[Int(code)] = m
                    codes.append(m)
                }
            case let .strings(s):
                for x in s { codes.append(builder.intern(x)) }
            }
        }
        return .text(codes, builder.build())
    }

    /// The chunks' validity bits end to end, or nil when no row is NULL.
    private func buildValidity() -> ValidityBitmap? {
        guard chunks.contains(where: { $0.validity != nil && hasNull($0) }) else { return nil }
        var words = [UInt64](repeating: 0, count: (rows + 63) >> 6)
        var at = 0
        words.withUnsafeMutableBufferPointer { out in
            for chunk in chunks {
                let n = chunk.count
                let shift = UInt64(at & 63), base = at >> 6
                for k in 0..<(n + 63) >> 6 {
                    let bits = min(64, n - k * 64)
                    let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
                    // Bits past the vector's last row may be set; they must not mark later rows valid.
                    let w = (chunk.validity?[k] ?? ~0) & mask
                    out[base + k] |= w &<< shift
                    if shift > 0 && base + k + 1 < out.count { out[base + k + 1] |= w &>> (64 - shift) }
                }
                at += n
            }
        }
        var bitmap = ValidityBitmap(count: rows)
        bitmap.words = words
        return bitmap
    }

    private func hasNull(_ v: Vector) -> Bool {
        guard let words = v.validity else { return false }
        let n = v.count
        for k in 0..<(n + 63) >> 6 {
            let bits = min(64, n - k * 64)
            let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
            if words[k] & mask != mask { return true }
        }
        return false
    }
}
