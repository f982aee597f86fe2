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

    /// The smallest and largest valid value, or nil when no row is valid.
    static func range(_ x: UnsafeBufferPointer<Int64>, validity: [UInt64]?) -> (low: Int64, high: Int64)? {
        var low = Int64.max, high = Int64.min, any = false
        if let validity {
            for i in 0..<x.count where validity[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                low = min(low, x[i])
                high = max(high, x[i])
                any = true
            }
        } else {
            for i in 0..<x.count {
                low = min(low, x[i])
                high = max(high, x[i])
            }
            any = x.count > 0
        }
        return any ? (low, high) : nil
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

    /// Adds column `k`'s code times its stride to each row's composite code; false when a valid value lies
    /// outside the column's range (the codes are then of no use).
    func addCodes(column k: Int, values x: UnsafeBufferPointer<Int64>, validity: [UInt64]?,
                  into codes: UnsafeMutableBufferPointer<Int>) -> Bool {
        let stride = strides[k]
        let low = bounds[k]?.low ?? 0
        // Offsets are compared unsigned, so values below `low` wrap around and fail the same test.
        let count = bounds[k].map { UInt64(bitPattern: $0.high &- $0.low) &+ 1 } ?? 0
        var outside: UInt8 = 0
        if let validity {
            validity.withUnsafeBufferPointer { bits in
                for i in 0..<x.count {
                    let valid = (bits[i >> 6] >> UInt64(i & 63)) & 1
                    let offset = UInt64(bitPattern: x[i] &- low)
                    outside |= unsafeBitCast(offset >= count, to: UInt8.self) & UInt8(truncatingIfNeeded: valid)
                    codes[i] &+= Int(truncatingIfNeeded: (offset &+ 1) & (0 &- valid)) &* stride
                }
            }
        } else {
            for i in 0..<x.count {
                let offset = UInt64(bitPattern: x[i] &- low)
                outside |= unsafeBitCast(offset >= count, to: UInt8.self)
                codes[i] &+= Int(truncatingIfNeeded: offset &+ 1) &* stride
            }
        }
        return outside == 0
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
