/// The single-pass loops behind `ColumnStatistics`: exact distinct counts with a bitmap over the value range,
/// and HyperLogLog sketches where the range is too wide.
enum DistinctCounting {
    /// Distinct non-NULL values among `values`, all within `low...low + span`: one bit per possible value.
    static func bitmapCount<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ validity: ValidityBitmap?,
                                                  low: Int64, span: UInt64) -> Int {
        let bits = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: Int(span >> 6) + 1)
        bits.initialize(repeating: 0)
        defer { bits.deallocate() }
        forEachValidRow(values.count, validity) { row in
            // The clamp keeps a value outside the promised range (a broken invariant) inside the bitmap.
            let offset = min(UInt64(bitPattern: Int64(truncatingIfNeeded: values[row]) &- low), span)
            bits[Int(truncatingIfNeeded: offset >> 6)] |= 1 &<< (offset & 63)
        }
        var total = 0
        for word in bits { total &+= word.nonzeroBitCount }
        return total
    }

    /// A sketch of the non-NULL values of an integer column.
    static func sketchIntegers<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ validity: ValidityBitmap?) -> HyperLogLog {
        var sketch = HyperLogLog()
        sketch.registers.withUnsafeMutableBufferPointer { registers in
            forEachValidRow(values.count, validity) { row in
                HyperLogLog.insert(UInt64(truncatingIfNeeded: values[row]), into: registers)
            }
        }
        return sketch
    }

    /// A sketch of the non-NULL values of a DOUBLE column, and their range (NaN left out of the range).
    static func sketchDoubles(_ values: UnsafeBufferPointer<Double>, _ validity: ValidityBitmap?) -> (HyperLogLog, ClosedRange<Double>?) {
        var sketch = HyperLogLog()
        var low = Double.infinity, high = -Double.infinity
        var seen = false
        sketch.registers.withUnsafeMutableBufferPointer { registers in
            forEachValidRow(values.count, validity) { row in
                let value = values[row]
                // -0.0 equals 0.0 and every NaN is one value, as in GROUP BY.
                let normalized = value.isNaN ? Double.nan : value + 0.0
                HyperLogLog.insert(normalized.bitPattern, into: registers)
                low = Swift.min(low, value)
                high = Swift.max(high, value)
                seen = true
            }
        }
        return (sketch, seen && low <= high ? low...high : nil)
    }

    /// Calls `body` with each row that is not NULL, in order; whole words of valid rows run without bit tests.
    @inline(__always)
    static func forEachValidRow(_ count: Int, _ validity: ValidityBitmap?, _ body: (Int) -> Void) {
        guard let validity else {
            for row in 0..<count { body(row) }
            return
        }
        validity.words.withUnsafeBufferPointer { words in
            for (index, word) in words.enumerated() {
                let base = index << 6
                if word == ~0, base + 64 <= count {
                    for row in base..<(base + 64) { body(row) }
                    continue
                }
                var remaining = word
                while remaining != 0 {
                    let row = base + remaining.trailingZeroBitCount
                    if row >= count { break }
                    body(row)
                    remaining &= remaining &- 1
                }
            }
        }
    }
}
