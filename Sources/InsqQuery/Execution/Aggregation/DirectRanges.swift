/// The ranges of encoded key words (read as signed integers) that a direct group array covers, one per key
/// column; a column's code is 0 for NULL and 1 + (word - low) otherwise, and the composite code mixes the
/// columns' codes with strides like digits of a number.
struct DirectRanges {
    /// Per column, the covered [low, high], or nil while the column has only been NULL.
    private var bounds: [(low: Int64, high: Int64)?]
    private var strides: [Int]
    /// The number of composite codes: the direct array's length.
    private(set) var size: Int

    /// Direct arrays larger than this many slots cost more to fill and lay out again than hashing saves.
    static let limit = 1 << 22

    /// Per column, the smallest and largest valid word of a batch, or nil when it has no valid row.
    static func batchRanges(_ vectors: [Vector], words: [[UInt64]]) -> [(low: Int64, high: Int64)?] {
        vectors.indices.map { k in
            let v = vectors[k]
            return words[k].withUnsafeBufferPointer { w -> (low: Int64, high: Int64)? in
                var low = Int64.max, high = Int64.min, any = false
                if let validity = v.validity {
                    for i in 0..<v.count where validity[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                        let x = Int64(bitPattern: w[i])
                        low = min(low, x)
                        high = max(high, x)
                        any = true
                    }
                } else {
                    for i in 0..<v.count {
                        let x = Int64(bitPattern: w[i])
                        low = min(low, x)
                        high = max(high, x)
                    }
                    any = v.count > 0
                }
                return any ? (low, high) : nil
            }
        }
    }

    func covers(_ batch: [(low: Int64, high: Int64)?]) -> Bool {
        for (k, b) in batch.enumerated() {
            guard let b else { continue }
            guard let own = bounds[k], own.low <= b.low, b.high <= own.high else { return false }
        }
        return true
    }

    /// Ranges covering `old` and `batch`, with room to grow where they grew, or nil when no direct array of
    /// at most `limit` slots covers them.
    init?(old: DirectRanges?, batch: [(low: Int64, high: Int64)?]) {
        var exact: [(low: Int64, high: Int64)?] = []
        var roomy: [(low: Int64, high: Int64)?] = []
        for (k, b) in batch.enumerated() {
            let before = old?.bounds[k]
            guard let merged = Self.union(before, b) else {
                exact.append(nil)
                roomy.append(nil)
                continue
            }
            let (width, overflow) = merged.high.subtractingReportingOverflow(merged.low)
            if overflow || width >= Int64(Self.limit) { return nil }
            exact.append(merged)
            // Keys often arrive growing (sorted ids, new text ids): leave as much room again on the growing side.
            var low = merged.low, high = merged.high
            if before == nil || merged.high > before!.high {
                high = merged.high.addingReportingOverflow(width + 1).overflow ? high : merged.high + width + 1
            }
            if let before, merged.low < before.low {
                low = merged.low.subtractingReportingOverflow(width + 1).overflow ? low : merged.low - width - 1
            }
            roomy.append((low, high))
        }
        if let layout = Self.layout(roomy) ?? Self.layout(exact) {
            bounds = layout.bounds
            strides = layout.strides
            size = layout.size
        } else {
            return nil
        }
    }

    private static func union(_ a: (low: Int64, high: Int64)?, _ b: (low: Int64, high: Int64)?) -> (low: Int64, high: Int64)? {
        guard let a else { return b }
        guard let b else { return a }
        return (min(a.low, b.low), max(a.high, b.high))
    }

    private static func layout(_ bounds: [(low: Int64, high: Int64)?]) -> (bounds: [(low: Int64, high: Int64)?], strides: [Int], size: Int)? {
        var strides: [Int] = []
        var size = 1
        for b in bounds {
            strides.append(size)
            var span = 1
            if let b {
                let (width, overflow) = b.high.subtractingReportingOverflow(b.low)
                if overflow || width >= Int64(limit) { return nil }
                span = Int(width) + 2
            }
            let (product, tooBig) = size.multipliedReportingOverflow(by: span)
            if tooBig || product > limit { return nil }
            size = product
        }
        return (bounds, strides, size)
    }

    /// Adds column `k`'s code times its stride to each row's composite code.
    func addCodes(column k: Int, words: [UInt64], validity: [UInt64]?, into codes: UnsafeMutableBufferPointer<Int>) {
        guard let b = bounds[k] else { return }
        let stride = strides[k], base = b.low &- 1
        words.withUnsafeBufferPointer { w in
            if let validity {
                validity.withUnsafeBufferPointer { bits in
                    for i in 0..<codes.count {
                        let valid = Int((bits[i >> 6] >> UInt64(i & 63)) & 1)
                        codes[i] &+= (Int(truncatingIfNeeded: Int64(bitPattern: w[i]) &- base) &* stride) & (0 &- valid)
                    }
                }
            } else {
                for i in 0..<codes.count { codes[i] &+= Int(truncatingIfNeeded: Int64(bitPattern: w[i]) &- base) &* stride }
            }
        }
    }

    /// The composite code of a key laid out as KeyTable stores it: `columns` words, then the NULL flags.
    func code(ofKey key: UnsafePointer<UInt64>, columns: Int) -> Int {
        var code = 0
        for k in 0..<columns where key[columns] & (1 << UInt64(k & 63)) == 0 {
            if let b = bounds[k] { code &+= Int(truncatingIfNeeded: Int64(bitPattern: key[k]) &- b.low &+ 1) &* strides[k] }
        }
        return code
    }
}
