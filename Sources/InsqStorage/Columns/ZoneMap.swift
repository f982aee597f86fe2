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
                // Branch-free min/max, which the compiler vectorizes.
                for i in start..<end {
                    let x = values[i]
                    low = x < low ? x : low
                    high = x > high ? x : high
                }
            }
            minimums[b] = Int64(low)
            maximums[b] = Int64(high)
        }
        return ZoneMap(minimums: minimums, maximums: maximums)
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

/// A column's zone map, computed on first use and shared by every copy of the column (its data never changes).
final class ZoneMapCache: Sendable {
    /// nil: not computed yet; `.some(nil)`: the column's type has no map.
    private let state = Mutex<ZoneMap??>(nil)

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
