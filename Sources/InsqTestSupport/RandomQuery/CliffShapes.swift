/// Forms a generated query contains that insq's optimizer is known to leave as subqueries run once per distinct
/// outer value (see `SubqueryUnnesting`): on the fixtures such a query may well show a row cliff. A run can
/// tolerate some of them (`RandomQueryRunner.toleratedCliffs`): a query with one is still compared with SQLite
/// but not checked for a cliff, so that the check stays sharp for every other form until the optimizer learns them.
public struct CliffShapes: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A correlated scalar subquery without an aggregate: a key lookup `(SELECT s.x FROM t s WHERE s.key = o.k)`
    /// or a first row `(SELECT ... ORDER BY ... LIMIT 1)`.
    public static let scalarWithoutAggregate = Self(rawValue: 1 << 0)
    /// A correlated EXISTS or IN that is not a conjunct of a WHERE clause: in the SELECT list, CASE, OR or NOT.
    public static let subqueryAsValue = Self(rawValue: 1 << 1)
    /// A correlated NOT IN (kept as a subquery by design: an anti join does not keep its NULL rules).
    public static let correlatedNotIn = Self(rawValue: 1 << 2)
    /// A correlation with a query two or three levels out, which the subquery in between passes on.
    public static let outerLevelCorrelation = Self(rawValue: 1 << 3)
    /// A correlated scalar aggregate with a correlation condition other than `inner = outer` (`<`, `<>`, or a
    /// condition over inner and outer columns).
    public static let scalarNonEqualityCorrelation = Self(rawValue: 1 << 4)

    public static let all: Self = [
        .scalarWithoutAggregate, .subqueryAsValue, .correlatedNotIn, .outerLevelCorrelation, .scalarNonEqualityCorrelation,
    ]

    /// Names, as `INSQ_RANDOM_TOLERATED_CLIFFS` spells them.
    public static let named: [(name: String, shape: Self)] = [
        ("scalar-without-aggregate", .scalarWithoutAggregate), ("subquery-as-value", .subqueryAsValue),
        ("correlated-not-in", .correlatedNotIn), ("outer-level-correlation", .outerLevelCorrelation),
        ("scalar-non-equality-correlation", .scalarNonEqualityCorrelation),
    ]

    /// Shapes from a comma-separated list of names, `all` or `none`; nil when a name is unknown.
    public init?(names: String) {
        self = []
        for word in names.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch word {
            case "all": formUnion(.all)
            case "none": continue
            default:
                guard let named = Self.named.first(where: { $0.name == word }) else { return nil }
                formUnion(named.shape)
            }
        }
    }

    public var description: String {
        let names = Self.named.filter { contains($0.shape) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: ",")
    }
}
