/// A column or expression type of insq's type system.
public enum DataType: Hashable, Sendable, CustomStringConvertible {
    case bigint
    case double
    /// Exact decimal stored as an Int64 scaled by 10^scale.
    case decimal(precision: Int, scale: Int)
    /// Days since 1970-01-01.
    case date
    case boolean
    /// Dictionary-encoded UTF-8 text.
    case text
    /// The type of a bare NULL literal; it converts to any other type.
    case null

    public var description: String {
        switch self {
        case .bigint: return "BIGINT"
        case .double: return "DOUBLE"
        case let .decimal(p, s): return "DECIMAL(\(p),\(s))"
        case .date: return "DATE"
        case .boolean: return "BOOLEAN"
        case .text: return "TEXT"
        case .null: return "NULL"
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .bigint, .double, .decimal: return true
        default: return false
        }
    }

    /// Scale of a decimal, 0 for other types.
    public var scale: Int {
        if case let .decimal(_, s) = self { return s }
        return 0
    }

    /// Largest precision a DECIMAL may have: what fits in an Int64.
    public static let maxDecimalPrecision = 18
}
