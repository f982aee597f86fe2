/// One scalar value, for literals, display and tests only: never used in per-row execution loops.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bigint(Int64)
    case double(Double)
    /// A decimal's scaled integer and its scale.
    case decimal(Int64, scale: Int)
    /// Days since 1970-01-01.
    case date(Int32)
    case boolean(Bool)
    case text(String)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Display text: NULL as `NULL`, decimals at their scale, dates as YYYY-MM-DD.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case let .bigint(v): return String(v)
        case let .double(v): return Value.formatDouble(v)
        case let .decimal(v, s): return DecimalText.format(v, scale: s)
        case let .date(d): return DateDays.format(d)
        case let .boolean(b): return b ? "true" : "false"
        case let .text(s): return s
        }
    }

    /// Shortest text that reads back as the same double; whole numbers keep a `.0`.
    public static func formatDouble(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        return "\(v)"
    }
}
