import Synchronization

/// The smallest and largest non-NULL value of each block of `blockRows` rows of an integer column (BIGINT,
/// DECIMAL, DATE). A scan skips the blocks where a comparison cannot hold: for data stored in key order (a
/// person's payments together) a point lookup then reads a few blocks instead of the column.
public struct ZoneMap: Sendable {
    /// Rows per block: one scan batch, so that a morsel of an aligned scan is one block.
    public static let blockRows = 2048

    /// Per block; a block of only NULLs has `Int64.max` / `Int64.min`, so no range test holds for it.
    public let minimums: [Int64]
    public let maximums: [Int64]

    /// The map of an Int64 or Int32 column; nil for other types.
    static func build(_ column: Column) -> ZoneMap? {
        switch column.data {
        case let .int64(a): return a.withUnsafeBufferPointer { build($0, column.validity) }
        case let .int32(a): return a.withUnsafeBufferPointer { build($0, column.validity) }
        default: return nil
        }
    }

    private static func build<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ validity: ValidityBitmap?) -> ZoneMap {
        let blocks = (values.count + blockRows - 1) / blockRows
        var minimums = [Int64](repeating: .max, count: blocks)
        var maximums = [Int64](repeating: .min, count: blocks)
        for b in 0..<blocks {
            let start = b * blockRows, end = min(start + blockRows, values.count)
            var low = T.max, high = T.min
            if let validity {
                // NULL rows hold arbitrary values, which must not widen the block's range.
                for i in start..<end where validity.isValid(i) {
                    low = min(low, values[i])
                    high = max(high, values[i])
                }
                if low > high { continue }
            } else {
                (low, high) = minMax(values, start..<end)
            }
            minimums[b] = Int64(low)
            maximums[b] = Int64(high)
        }
        return ZoneMap(minimums: minimums, maximums: maximums)
    }

    /// The smallest and largest of `values[range]`. Four independent pairs of accumulators: one pair would wait
    /// on its own compare-and-select every element (about 2 cycles each, the whole cost of a first lookup).
    @inline(__always)
    private static func minMax<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ range: Range<Int>) -> (T, T) {
        var l0 = T.max, l1 = T.max, l2 = T.max, l3 = T.max
        var h0 = T.min, h1 = T.min, h2 = T.min, h3 = T.min
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let a = values[i], b = values[i + 1], c = values[i + 2], d = values[i + 3]
            l0 = a < l0 ? a : l0
            l1 = b < l1 ? b : l1
            l2 = c < l2 ? c : l2
            l3 = d < l3 ? d : l3
            h0 = a > h0 ? a : h0
            h1 = b > h1 ? b : h1
            h2 = c > h2 ? c : h2
            h3 = d > h3 ? d : h3
            i += 4
        }
        while i < range.upperBound {
            l0 = min(l0, values[i])
            h0 = max(h0, values[i])
            i += 1
        }
        return (min(min(l0, l1), min(l2, l3)), max(max(h0, h1), max(h2, h3)))
    }

    /// Whether some block overlapping `rows` holds a value in `low...high`.
    @inlinable public func mayHold(_ rows: Range<Int>, low: Int64, high: Int64) -> Bool {
        guard !rows.isEmpty else { return false }
        let first = rows.lowerBound / Self.blockRows, last = min((rows.upperBound - 1) / Self.blockRows, minimums.count - 1)
        guard first <= last else { return true }
        for b in first...last where maximums[b] >= low && minimums[b] <= high { return true }
        return false
    }

    /// The smallest minimum and largest maximum of the blocks overlapping `rows` (`low > high`: only NULLs).
    public func range(_ rows: Range<Int>) -> (low: Int64, high: Int64) {
        var low = Int64.max, high = Int64.min
        guard !rows.isEmpty else { return (low, high) }
        let first = rows.lowerBound / Self.blockRows, last = min((rows.upperBound - 1) / Self.blockRows, minimums.count - 1)
        guard first <= last else { return (low, high) }
        for b in first...last {
            low = min(low, minimums[b])
            high = max(high, maximums[b])
        }
        return (low, high)
    }
}

/// A column's zone map and statistics, each computed on first use and shared by every copy of the column (its
/// data never changes). One object holds both: a column copies one reference, not one per cache.
final class ZoneMapCache: Sendable {
    /// nil: not computed yet; `.some(nil)`: the column's type has no map.
    private let state = Mutex<ZoneMap??>(nil)
    private let statisticsState = Mutex<ColumnStatistics?>(nil)

    func statistics(for column: Column) -> ColumnStatistics {
        statisticsState.withLock { state in
            if let known = state { return known }
            let computed = ColumnStatistics.compute(column)
            state = computed
            return computed
        }
    }

    func map(for column: Column) -> ZoneMap? {
        state.withLock { state in
            if let known = state { return known }
            let built = ZoneMap.build(column)
            state = .some(built)
            return built
        }
    }
}

extension Column {
    /// Per-block value ranges of an integer column (computed once, on first use); nil for other types.
    public var zoneMap: ZoneMap? { zoneMapCache.map(for: self) }
}
