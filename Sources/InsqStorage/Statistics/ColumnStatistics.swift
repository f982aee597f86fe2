import Synchronization

/// What the optimizer knows about one stored column: its size, NULLs, value range and distinct values.
/// Computed in one pass on first use (see `Column.statistics`) and shared by every copy of the column.
public struct ColumnStatistics: Sendable, Equatable {
    public let rowCount: Int
    public let nullCount: Int
    /// Distinct non-NULL values: exact when `isDistinctCountExact`, else a HyperLogLog estimate (about 1 % off).
    public let distinctCount: Int
    public let isDistinctCountExact: Bool
    /// Smallest and largest non-NULL stored value of a BIGINT, DECIMAL (scaled integer) or DATE (days) column;
    /// nil for other types and for a column of only NULLs.
    public let integerRange: ClosedRange<Int64>?
    /// Smallest and largest non-NULL, non-NaN value of a DOUBLE column.
    public let doubleRange: ClosedRange<Double>?

    public init(rowCount: Int, nullCount: Int, distinctCount: Int, isDistinctCountExact: Bool,
                integerRange: ClosedRange<Int64>? = nil, doubleRange: ClosedRange<Double>? = nil) {
        self.rowCount = rowCount
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.isDistinctCountExact = isDistinctCountExact
        self.integerRange = integerRange
        self.doubleRange = doubleRange
    }

    /// The share of rows that are NULL (0 for an empty column).
    public var nullFraction: Double { rowCount == 0 ? 0 : Double(nullCount) / Double(rowCount) }

    /// Integer value ranges up to this many values get an exact distinct count from a bitmap (16 MB at most).
    public static let bitmapValueLimit: UInt64 = 1 << 27

    static func compute(_ column: Column) -> ColumnStatistics {
        let nulls = column.validity?.nullCount ?? 0
        let rows = column.count
        switch column.data {
        case let .text(codes, dictionary):
            let distinct = codes.withUnsafeBufferPointer {
                DistinctCounting.bitmapCount($0, column.validity, low: 0, span: UInt64(max(dictionary.count, 1) - 1))
            }
            return ColumnStatistics(rowCount: rows, nullCount: nulls, distinctCount: distinct, isDistinctCountExact: true)
        case let .int64(values):
            return values.withUnsafeBufferPointer { integers($0, column, nulls: nulls) }
        case let .int32(values):
            return values.withUnsafeBufferPointer { integers($0, column, nulls: nulls) }
        case let .double(values):
            let (sketch, range) = values.withUnsafeBufferPointer { DistinctCounting.sketchDoubles($0, column.validity) }
            return ColumnStatistics(rowCount: rows, nullCount: nulls, distinctCount: sketch.count,
                                    isDistinctCountExact: false, doubleRange: range)
        case let .bool(values):
            var seen = (false, false)
            for (row, value) in values.enumerated() where !column.isNull(row) {
                if value { seen.1 = true } else { seen.0 = true }
                if seen.0 && seen.1 { break }
            }
            return ColumnStatistics(rowCount: rows, nullCount: nulls, distinctCount: (seen.0 ? 1 : 0) + (seen.1 ? 1 : 0),
                                    isDistinctCountExact: true)
        }
    }

    /// An integer column: the range from the zone map, then a bitmap over the range when it is small enough,
    /// else a HyperLogLog sketch.
    private static func integers<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ column: Column,
                                                       nulls: Int) -> ColumnStatistics {
        let rows = column.count
        guard let (low, high) = column.zoneMap.map({ $0.range(0..<rows) }), low <= high else {
            return ColumnStatistics(rowCount: rows, nullCount: nulls, distinctCount: 0, isDistinctCountExact: true)
        }
        let span = UInt64(bitPattern: high &- low)
        // A small table with a wide range would pay for a large, nearly empty bitmap: sketch it instead.
        let limit = min(bitmapValueLimit, max(1 << 20, UInt64(rows) * 64))
        if span < limit {
            let distinct = DistinctCounting.bitmapCount(values, column.validity, low: low, span: span)
            return ColumnStatistics(rowCount: rows, nullCount: nulls, distinctCount: distinct, isDistinctCountExact: true,
                                    integerRange: low...high)
        }
        let sketch = DistinctCounting.sketchIntegers(values, column.validity)
        return ColumnStatistics(rowCount: rows, nullCount: nulls, distinctCount: min(sketch.count, rows - nulls),
                                isDistinctCountExact: false, integerRange: low...high)
    }
}

/// A column's statistics, computed on first use and shared by every copy of the column (its data never changes).
extension Column {
    /// Row count, NULLs, value range and distinct values (computed once, on first use).
    public var statistics: ColumnStatistics { zoneMapCache.statistics(for: self) }
}
