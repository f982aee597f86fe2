import InsqStorage

/// Sort keys held in batches, packed into one word per row that orders and compares as the keys do (as
/// `RowSorter.packedKeys` does for whole columns). The ranges come from a pass over the batches, so that the
/// keys need not be concatenated into columns first: on a window's input that copy cost hundreds of megabytes.
struct BatchKeyPacker {
    private struct Field {
        let key: Int
        let ranks: [UInt32]
        let low: UInt64, high: UInt64
        let descending: Bool
        /// Under NULL rows, and what valid rows add so that NULL can sort first.
        let nullValue: UInt64, validShift: UInt64
        let width: Int
    }

    private let fields: [Field]
    /// The bits the packed words use.
    let bits: Int

    /// `keys[b][k]` is key k's vector in batch b; `order` names the keys (`column` is k) and their directions. Nil when the words would need more than 64 bits, or a text key
    /// is not dictionary codes of one dictionary (its order would take comparing strings).
    init?(keys: [[Vector]], order: [SortKey]) {
        var fields: [Field] = []
        for spec in order {
            let k = spec.column
            guard let ranks = Self.ranks(keys.map { $0[k] }) else { return nil }
            var low = UInt64.max, high = UInt64.min
            var nullable = false
            for batch in keys {
                let v = batch[k]
                nullable = nullable || v.validity != nil
                let known = Self.withBits(v, ranks: ranks) { bits -> Bool in
                    for i in 0..<v.count where v.isValid(i) {
                        low = min(low, bits(i))
                        high = max(high, bits(i))
                    }
                    return true
                }
                guard known == true else { return nil }
            }
            guard low <= high else { continue }  // every row NULL: the key tells no rows apart
            let span = high &- low
            if nullable && span == UInt64.max { return nil }
            let nullValue = nullable && !spec.nullsFirst ? span &+ 1 : 0
            let validShift: UInt64 = nullable && spec.nullsFirst ? 1 : 0
            let width = SortField.bitWidth(nullable ? span &+ 1 : span)
            fields.append(Field(key: k, ranks: ranks, low: low, high: high, descending: spec.isDescending,
                                nullValue: nullValue, validShift: validShift, width: width))
        }
        let total = fields.reduce(0) { $0 + $1.width }
        guard total <= 64 else { return nil }
        self.fields = fields
        bits = total
    }

    /// Writes the packed words of one batch's keys (`keys[k]`, each of `count` rows) to `out`.
    func pack(_ keys: [Vector], count: Int, into out: UnsafeMutableBufferPointer<UInt64>) {
        for i in 0..<count { out[i] = 0 }
        var shift = 0
        for f in fields.reversed() {
            let v = keys[f.key]
            let low = f.low, high = f.high, nullValue = f.nullValue, validShift = f.validShift, s = shift
            _ = Self.withBits(v, ranks: f.ranks) { bits in
                if v.validity != nil {
                    for i in 0..<count {
                        let x = f.descending ? high &- bits(i) : bits(i) &- low
                        out[i] |= (v.isValid(i) ? x &+ validShift : nullValue) << s
                    }
                } else if f.descending {
                    for i in 0..<count { out[i] |= (high &- bits(i) &+ validShift) << s }
                } else {
                    for i in 0..<count { out[i] |= (bits(i) &- low &+ validShift) << s }
                }
            }
            shift += f.width
        }
    }

    /// Calls `body` with a function from row to ascending order bits (arbitrary under NULL rows); nil for text
    /// held as strings.
    @inline(__always)
    private static func withBits<T>(_ v: Vector, ranks: [UInt32], _ body: ((Int) -> UInt64) -> T) -> T? {
        switch v.data {
        case let .int64(a): return a.withUnsafeBufferPointer { p in body { OrderBits.int(p[$0]) } }
        case let .double(a): return a.withUnsafeBufferPointer { p in body { OrderBits.double(p[$0]) } }
        case let .bool(a): return a.withUnsafeBufferPointer { p in body { OrderBits.bool(p[$0]) } }
        case let .text(.coded(codes, _)):
            return ranks.withUnsafeBufferPointer { r in codes.withUnsafeBufferPointer { c in body { UInt64(r[Int(c[$0])]) } } }
        case .text(.strings):
            return nil
        }
    }

    /// Ranks by code in TextOrder of the codes that occur, when the vectors are text of one dictionary; empty for
    /// other types; nil for text that is not.
    private static func ranks(_ vectors: [Vector]) -> [UInt32]? {
        var dictionary: TextDictionary?
        for v in vectors {
            guard case let .text(t) = v.data else { return [] }
            guard case let .coded(_, d) = t, dictionary == nil || dictionary === d else { return nil }
            dictionary = d
        }
        guard let dictionary else { return [] }
        var ranks = [UInt32](repeating: 0, count: dictionary.count)
        ranks.withUnsafeMutableBufferPointer { r in
            for v in vectors {
                guard case let .text(.coded(codes, _)) = v.data else { continue }
                for code in codes { r[Int(code)] = 1 }
            }
        }
        TextRanks.rank(used: ranks.indices.filter { ranks[$0] == 1 }, strings: dictionary.strings, into: &ranks)
        return ranks
    }
}
