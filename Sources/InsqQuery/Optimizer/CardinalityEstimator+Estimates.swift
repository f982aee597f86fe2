#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InsqStorage

/// The estimated output of a plan: how many rows, and what is known of each output column. Built bottom-up in
/// one pass by `CardinalityEstimator.estimate(_:)` and combined by `filtered`, `joined` and `JoinGraphEstimate`,
/// so that a caller asking many questions about related plans (join ordering) never walks a plan twice.
struct PlanEstimate {
    /// Rows the plan is expected to yield (at least 1).
    var rows: Double
    var columns: [ColumnEstimate]

    /// Distinct non-NULL values of output column `i` (at least 1, at most `rows`).
    func distinct(_ i: Int) -> Double { columns[i].distinct(rows: rows) }

    /// The share of rows where output column `i` is NULL.
    func nullFraction(_ i: Int) -> Double { columns[i].nullFraction }
}

/// What is known of one output column. The values are described where they were last known (a stored column's
/// statistics, or a summary made by a predicate or an expression), together with the chance that a row from
/// there reaches this plan's output: distinct counts shrink with that chance as rows are filtered or fail to
/// join (a value with k rows survives unless all k are dropped), and never exceed the plan's rows.
struct ColumnEstimate {
    var source: ValueSource
    /// Rows of the plan where `source` describes the values.
    var sourceRows: Double
    /// The chance that one of those rows reaches this plan's output.
    var survival: Double = 1
    /// The share of this plan's rows that a LEFT JOIN padded with NULL in this column.
    var paddedFraction: Double = 0

    init(_ source: ValueSource, rows: Double) {
        self.source = source
        sourceRows = rows
    }

    init(_ summary: ValueSummary, rows: Double) {
        self.init(.summary(summary), rows: rows)
    }

    var summary: ValueSummary {
        switch source {
        case let .stored(column): return column.summary
        case let .summary(summary): return summary
        }
    }

    /// Distinct non-NULL values among `rows` output rows.
    func distinct(rows: Double) -> Double {
        let known = summary.distinct
        var surviving = known
        if survival < 1, known >= 1 {
            let rowsPerValue = max(1, sourceRows / known)
            surviving = known * (1 - pow(max(0, 1 - survival), rowsPerValue))
        }
        return max(1, min(surviving, rows))
    }

    var nullFraction: Double { paddedFraction + (1 - paddedFraction) * summary.nullFraction }

    /// The same column after a step that keeps each row with chance `kept`.
    func thinned(by kept: Double) -> ColumnEstimate {
        var copy = self
        copy.survival *= max(0, min(1, kept))
        return copy
    }
}

/// Where a column's values are described.
enum ValueSource {
    /// A table column: its statistics are read when first needed, so columns that only pass through cost nothing.
    case stored(StoredColumnSummary)
    case summary(ValueSummary)
}

/// The values of a column at one point of a plan.
struct ValueSummary {
    /// Distinct non-NULL values.
    var distinct: Double
    var nullFraction: Double = 0
    /// Smallest and largest value in logical units (a DECIMAL's value, a DATE's day number, false 0 and true 1);
    /// nil when unknown or unordered (text).
    var range: ClosedRange<Double>?
    /// The gap between neighbouring values: 1 for BIGINT, DATE and BOOLEAN, 10^-scale for DECIMAL, 0 for DOUBLE.
    var step: Double = 0
    /// The dictionary of a text column from a table: a string missing from it is in no row.
    var dictionary: TextDictionary?

    init(distinct: Double, nullFraction: Double = 0, range: ClosedRange<Double>? = nil, step: Double = 0,
         dictionary: TextDictionary? = nil) {
        self.distinct = distinct
        self.nullFraction = nullFraction
        self.range = range
        self.step = step
        self.dictionary = dictionary
    }

    /// A stored column's statistics in logical units.
    init(_ statistics: ColumnStatistics, column: Column) {
        distinct = Double(statistics.distinctCount)
        nullFraction = statistics.nullFraction
        step = Self.step(of: column.type)
        switch column.data {
        case let .text(_, dictionary): self.dictionary = dictionary
        case .bool: range = 0...1
        case .double: range = statistics.doubleRange
        case .int64, .int32:
            let unit = step == 0 ? 1 : step
            range = statistics.integerRange.map { Double($0.lowerBound) * unit...Double($0.upperBound) * unit }
        }
    }

    static func step(of type: DataType) -> Double {
        switch type {
        case .bigint, .date, .boolean: return 1
        case let .decimal(_, scale): return 1 / power10(scale)
        case .double, .text, .null: return 0
        }
    }

    static func power10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }

    /// A constant's position on the same scale as `range`; nil for text and NULL.
    static func logical(_ value: Value) -> Double? {
        switch value {
        case let .bigint(v): return Double(v)
        case let .decimal(v, scale): return Double(v) / power10(scale)
        case let .date(d): return Double(d)
        case let .double(v): return v.isNaN ? nil : v
        case let .boolean(b): return b ? 1 : 0
        case .text, .null: return nil
        }
    }

    /// The share of the values between `lower` and `upper`, spread evenly over `range` (nil when the range is
    /// unknown). On a stepped domain (integers, dates, decimals) it counts the values, so `d < 10` and `d <= 9`
    /// agree; on doubles it measures the interval.
    func fraction(lower: RangeBound?, upper: RangeBound?) -> Double? {
        guard let range else { return nil }
        let low = range.lowerBound, high = range.upperBound
        if step > 0 {
            let values = ((high - low) / step).rounded() + 1
            // Values at or below x (inclusive) or strictly below it, as a count from the bottom of the range.
            func countBelow(_ x: Double, inclusive: Bool) -> Double {
                let position = (x - low) / step
                let count = inclusive ? (position + 1e-9).rounded(.down) + 1 : (position - 1e-9).rounded(.up)
                return max(0, min(values, count))
            }
            let top = upper.map { countBelow($0.value, inclusive: $0.isInclusive) } ?? values
            let bottom = lower.map { countBelow($0.value, inclusive: !$0.isInclusive) } ?? 0
            return max(0, top - bottom) / values
        }
        guard high > low else {
            let inside = (lower.map { $0.isInclusive ? low >= $0.value : low > $0.value } ?? true)
                && (upper.map { $0.isInclusive ? low <= $0.value : low < $0.value } ?? true)
            return inside ? 1 : 0
        }
        func position(_ x: Double) -> Double { max(0, min(1, (x - low) / (high - low))) }
        return max(0, (upper.map { position($0.value) } ?? 1) - (lower.map { position($0.value) } ?? 0))
    }
}

/// One end of a range condition, in logical units.
struct RangeBound {
    var value: Double
    var isInclusive: Bool
}

/// A table column whose summary is computed from its statistics on first use and then kept.
final class StoredColumnSummary {
    let column: Column
    private var computed: ValueSummary?

    init(_ column: Column) { self.column = column }

    var summary: ValueSummary {
        if let computed { return computed }
        let made = ValueSummary(column.statistics, column: column)
        computed = made
        return made
    }
}
