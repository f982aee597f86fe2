/// The type of a generated expression, as insq will type it.
public enum ValueKind: Hashable, Sendable, CustomStringConvertible {
    case integer
    /// An exact decimal with this many fraction digits (SQLite holds it as REAL).
    case decimal(scale: Int)
    case double
    case text
    case date
    case boolean

    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .double: return true
        default: return false
        }
    }

    public var scale: Int {
        if case let .decimal(s) = self { return s }
        return 0
    }

    /// The kind a comparison or CASE puts two numeric kinds in (insq's numeric promotion).
    static func common(_ a: ValueKind, _ b: ValueKind) -> ValueKind? {
        switch (a, b) {
        case (.integer, .integer): return .integer
        case (.double, _) where b.isNumeric, (_, .double) where a.isNumeric: return .double
        case let (.decimal(s1), .decimal(s2)): return .decimal(scale: max(s1, s2))
        case let (.decimal(s), .integer), let (.integer, .decimal(s)): return .decimal(scale: s)
        default: return a == b ? a : nil
        }
    }

    /// Numeric kinds are interchangeable in comparisons; others only with themselves.
    func isComparable(with other: ValueKind) -> Bool {
        (isNumeric && other.isNumeric) || self == other
    }

    public var description: String {
        switch self {
        case .integer: return "integer"
        case let .decimal(s): return "decimal(\(s))"
        case .double: return "double"
        case .text: return "text"
        case .date: return "date"
        case .boolean: return "boolean"
        }
    }
}

/// One generated SQL expression with what the generator knows about its values.
public struct GeneratedExpression: Sendable {
    public var sql: String
    public var kind: ValueKind
    /// An upper bound on the absolute value (numbers only), so that no arithmetic can overflow Int64.
    public var magnitude: Double
    /// Both engines compute exactly the same value (false for DECIMAL arithmetic, which SQLite does in
    /// floating point, and for averages of decimals): such values must not meet literals in `=`, be
    /// grouped on, or decide ties.
    public var isExact: Bool
    /// Whether the expression may be NULL.
    public var isNullable: Bool
    /// Whether it contains an aggregate (then it belongs to an aggregating query's output side).
    public var hasAggregate: Bool = false
    /// Whether it contains a window function.
    public var hasWindow: Bool = false
    /// An integer in insq that SQLite computes as REAL (`round` of an integer): equal as numbers, but
    /// written `7` and `7.0` when turned into text, so it must not meet CAST(... AS TEXT) or `||`.
    public var isRealInSQLite: Bool = false
    /// A NULL without a type in insq: the literal, or CASE and COALESCE of nothing but such NULLs.
    public var isUntypedNull: Bool = false
    /// Whether it contains a column reference (a GROUP BY or ORDER BY key must, or it reads as a position).
    public var hasColumn: Bool = false
    /// Literals of the column this expression reads unchanged, for comparisons that select some rows.
    public var literals: [String] = []
    /// Text values of that column, for LIKE patterns.
    public var texts: [String] = []
    /// The join domain of that column.
    public var domain: String? = nil

    public init(_ sql: String, _ kind: ValueKind, magnitude: Double = 0, isExact: Bool = true,
                isNullable: Bool = false, hasAggregate: Bool = false, hasWindow: Bool = false) {
        self.sql = sql
        self.kind = kind
        self.magnitude = magnitude
        self.isExact = isExact
        self.isNullable = isNullable
        self.hasAggregate = hasAggregate
        self.hasWindow = hasWindow
    }

    /// The scaled magnitude of a decimal: what insq holds in its Int64.
    var scaledMagnitude: Double {
        var m = magnitude
        for _ in 0..<kind.scale { m *= 10 }
        return m
    }

    /// Flags of a compound expression made of `parts`.
    func inheriting(_ parts: [GeneratedExpression]) -> GeneratedExpression {
        var e = self
        e.hasAggregate = parts.contains { $0.hasAggregate } || hasAggregate
        e.hasWindow = parts.contains { $0.hasWindow } || hasWindow
        e.hasColumn = parts.contains { $0.hasColumn } || hasColumn
        if e.kind == .integer { e.isRealInSQLite = parts.contains { $0.isRealInSQLite } || isRealInSQLite }
        return e
    }
}

/// Bounds that keep generated arithmetic inside Int64 in both engines (and in insq's scaled decimals).
enum Magnitude {
    /// The most rows any generated FROM clause can produce.
    static let maxRows: Double = 100_000
    /// The largest value an expression may have: sums of it over `maxRows` rows stay below 1e17.
    static let maxSummable: Double = 1e12
    /// The largest value of any expression (sums included).
    static let maxValue: Double = 1e17
}
