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
